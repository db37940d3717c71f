import { Injectable } from '@nestjs/common';
import type {
  PublicExhibitionsPage,
  PublicItemsPage,
  PublicMemorialSummary,
  PublicMemorialsPage,
  PublicRecordsQuery,
  RecordType,
} from '@vitrina/contracts';
import type { PageSources } from '../../infra/http/page-sources';
import { readerLanguage } from '../../infra/http/reader-language';
import type { ExhibitionEntity } from '../content/kinds/exhibition.entity';
import type { ItemEntity } from '../content/kinds/item.entity';
import type { MemorialEntity } from '../content/kinds/memorial.entity';
import { LiveRecords, type PublishedOrderKey } from '../content/live-records';
import { cardImageIds, exhibitionMediaIds, presentCardImage } from '../content/media-views';
import { type AssetsById, Reader, presentExhibitionSummary, presentItemSummary } from '../content/public-views';
import type { CountryEntity } from '../countries/country.entity';
import { decodePublishedCursor, encodePublishedCursor } from '../content/published-cursor';

export interface ListRequest {
  acceptLanguage?: string;
  /** Told what the page is made of, for the ETag cache. */
  sources?: PageSources;
}

interface Page<T> {
  records: T[];
  nextCursor: string | null;
}

/** A memorial in a list: its card (as an item's) with its place and its latest surveyed condition. */
export function presentMemorialSummary(reader: Reader, memorial: MemorialEntity, assets: AssetsById): PublicMemorialSummary {
  const content = memorial.content;
  const latest = [...(content.conditionSurveys ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0];
  const date = content.date;
  return {
    id: memorial.id,
    slug: memorial.slug,
    kind: memorial.kind as PublicMemorialSummary['kind'],
    title: reader.title(content.title),
    date: date ? { earliest: date.earliest ?? null, latest: date.latest ?? null, circa: date.circa ?? false, display: reader.text(date.display) } : null,
    place: reader.text(content.place),
    image: presentCardImage(reader, content.media, assets),
    location: { lat: memorial.lat, lng: memorial.lng },
    condition: latest?.condition ?? null,
  };
}

/**
 * A country's live items, memorials and exhibitions for partners, newest
 * approved first (then by id), a page at a time by key: a record approved or
 * taken down between pages never makes another appear twice or go missing.
 * Live revisions only, so only approved texts; the same summaries as the
 * country page's cards.
 */
@Injectable()
export class PublicListsService {
  constructor(private readonly live: LiveRecords) {}

  async items(countrySlug: string, query: PublicRecordsQuery, request: ListRequest): Promise<PublicItemsPage> {
    const { reader, country } = await this.reader(countrySlug, query, request);
    const page = await this.page<ItemEntity>('item', country, query);
    const assetIds = cardImageIds(page.records);
    request.sources?.assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, page.records);
    return { items: page.records.map((item) => presentItemSummary(reader, item, assets)), nextCursor: page.nextCursor };
  }

  async memorials(countrySlug: string, query: PublicRecordsQuery, request: ListRequest): Promise<PublicMemorialsPage> {
    const { reader, country } = await this.reader(countrySlug, query, request);
    const page = await this.page<MemorialEntity>('memorial', country, query);
    const assetIds = cardImageIds(page.records);
    request.sources?.assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, page.records);
    return { items: page.records.map((memorial) => presentMemorialSummary(reader, memorial, assets)), nextCursor: page.nextCursor };
  }

  async exhibitions(countrySlug: string, query: PublicRecordsQuery, request: ListRequest): Promise<PublicExhibitionsPage> {
    const { reader, country } = await this.reader(countrySlug, query, request);
    const page = await this.page<ExhibitionEntity>('exhibition', country, query);
    const covers = await this.live.byIds('item', country.id, page.records.flatMap((e) => e.content.coverItemId ?? []));
    const assetIds = exhibitionMediaIds(page.records, covers.values());
    request.sources?.assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, [...page.records, ...covers.values()]);
    return { items: page.records.map((exhibition) => presentExhibitionSummary(reader, exhibition, covers, assets)), nextCursor: page.nextCursor };
  }

  private async reader(countrySlug: string, query: PublicRecordsQuery, request: ListRequest): Promise<{ reader: Reader; country: CountryEntity }> {
    // The cursor is checked before anything is read: a made-up one is a 400 at once.
    if (query.cursor) decodePublishedCursor(query.cursor, 'cursor');
    const country = await this.live.country(countrySlug);
    // A list shows the country's records: any change to one of them refreshes it.
    request.sources?.listsOf(country.id);
    return { reader: new Reader(readerLanguage(query.lang, request.acceptLanguage, country.defaultLanguage), country), country };
  }

  private async page<T>(type: RecordType, country: CountryEntity, query: PublicRecordsQuery): Promise<Page<T>> {
    const after: PublishedOrderKey | null = query.cursor ? decodePublishedCursor(query.cursor, 'cursor') : null;
    // One record more than the page holds, to know whether another page follows.
    const read = await this.live.newestFirst(type, country.id, { after, take: query.limit + 1 });
    const shown = read.records.slice(0, query.limit);
    const nextKey = read.records.length > query.limit ? shown[shown.length - 1].key : read.more ? read.last : null;
    return { records: shown.map(({ record }) => record as T), nextCursor: nextKey ? encodePublishedCursor(nextKey) : null };
  }
}
