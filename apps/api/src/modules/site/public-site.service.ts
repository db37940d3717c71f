import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type ContentLanguage, type PublicCountryHome, type PublicItem, type PublicMemorial, type PublicPerson, RECORD_KINDS, type RecordType } from '@vitrina/contracts';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { isPersonPublic, linkedMemorialIds, personPageMediaIds, presentMemorialPerson, presentPerson } from '../content/person-views';
import { ItemCards, SplicedJson, splicedCard } from './item-cards';
import { exhibitionMediaIds } from '../content/media-views';
import {
  Reader,
  exhibitionReferences,
  presentExhibition,
  presentExhibitionSummary,
  presentItem,
  presentItemSummary,
  presentMemorial,
  presentMemorialPoint,
} from '../content/public-views';
import { readerLanguage } from '../../infra/http/reader-language';
import { JsonText } from '../../infra/http/json-text';
import type { PageSources } from '../../infra/http/page-sources';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { LiveRecords } from '../content/live-records';
import { LiveRowMemo } from '../content/live-row-memo';

const RECENT_ITEMS = 12;
/** Exhibitions whose media ids are remembered (a few hundred ids each at most). */
const PAGE_MEDIA_ENTRIES = 1_000;
const MAP_POINTS_LIMIT = 5_000;

export interface ReaderRequest {
  lang?: ContentLanguage;
  acceptLanguage?: string;
  /** Told what the page is made of, for the page cache; pages read by no cache leave it out. */
  sources?: PageSources;
}

function readerOf(country: CountryEntity, request: ReaderRequest): Reader {
  return new Reader(readerLanguage(request.lang, request.acceptLanguage, country.defaultLanguage), country);
}

/** The sitemap lists exhibitions first: they are a museum's front door. */
const SITEMAP_ORDER = ['exhibition', 'item', 'memorial', 'person'] as const satisfies readonly RecordType[];

/** The visitor's view: live revisions only, texts resolved for the reader. */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly countries: CountriesService,
    private readonly live: LiveRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cards = new ItemCards(live);
  }

  /** Item cards of exhibition pages, made once per version of what they show. */
  readonly cards: ItemCards;
  /**
   * The media an exhibition's last page showed, by the exhibition's key: their
   * keys are read with its records' (a guess only; a file it did not name is read after).
   */
  private readonly pageMedia = new LiveRowMemo<string[]>(PAGE_MEDIA_ENTRIES);

  private async reader(countrySlug: string, request: ReaderRequest): Promise<Reader> {
    return readerOf(await this.live.country(countrySlug), request);
  }

  async home(countrySlug: string, request: ReaderRequest): Promise<PublicCountryHome> {
    const reader = await this.reader(countrySlug, request);
    const country = reader.country;
    const [exhibitions, recentItems, memorials] = await Promise.all([
      this.live.list('exhibition', country.id, { order: { publishedAt: 'DESC', id: 'ASC' } }),
      this.live.list('item', country.id, { order: { publishedAt: 'DESC', id: 'ASC' }, take: RECENT_ITEMS }),
      this.live.memorialPoints(country.id, MAP_POINTS_LIMIT),
    ]);
    const covers = await this.live.byIds('item', country.id, exhibitions.flatMap((e) => e.content.coverItemId ?? []));
    const shown = [...exhibitions, ...covers.values(), ...recentItems];
    const assetIds = exhibitionMediaIds(exhibitions, [...covers.values(), ...recentItems]);
    // Every record shown is one of the country's: its lists' tag covers them all.
    request.sources?.listsOf(country.id).assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, shown);
    return {
      country: {
        ...reader.countryRef(),
        defaultLanguage: country.defaultLanguage,
        languages: country.languages,
        intro: reader.text(country.intro),
      },
      exhibitions: exhibitions.map((exhibition) => presentExhibitionSummary(reader, exhibition, covers, assets)),
      recentItems: recentItems.map((item) => presentItemSummary(reader, item, assets)),
      memorials: memorials.map((memorial) => presentMemorialPoint(reader, memorial)),
    };
  }

  async item(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicItem> {
    const { country, record: item } = await this.live.countryAndRecord(countrySlug, 'item', slug);
    const reader = readerOf(country, request);
    request.sources?.records([item.id]).assets(item.mediaIds);
    return presentItem(reader, item, await this.live.assetsOf(reader.country.id, item.mediaIds, [item]));
  }

  async memorial(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicMemorial> {
    const { country, record: memorial } = await this.live.countryAndRecord(countrySlug, 'memorial', slug);
    const reader = readerOf(country, request);
    // It lists the country's live people linked to it: a person linked (or unlinked) anywhere refreshes it.
    request.sources?.records([memorial.id]).assets(memorial.mediaIds).listsOf(country.id);
    const [assets, linked] = await Promise.all([
      this.live.assetsOf(reader.country.id, memorial.mediaIds, [memorial]),
      this.live.peopleOf(country.id, memorial.id),
    ]);
    const people = linked
      .filter((person) => this.isPublic(person.content))
      .sort((a, b) => a.content.name.localeCompare(b.content.name, 'ru') || a.slug.localeCompare(b.slug))
      .map((person) => presentMemorialPerson(reader, person, memorial.id));
    return presentMemorial(reader, memorial, assets, people);
  }

  /** Privacy of the living (PEOPLE_LIVING_PRIVACY_YEARS): see isPersonPublic. */
  private isPublic(person: Parameters<typeof isPersonPublic>[0]): boolean {
    return isPersonPublic(person, this.config.people.livingPrivacyYears);
  }

  /** A person's page, with each live memorial they are linked to and its current condition; 404 for a person privacy hides. */
  async person(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicPerson> {
    const { country, record: person } = await this.live.countryAndRecord(countrySlug, 'person', slug);
    request.sources?.records([person.id]);
    if (!this.isPublic(person.content)) throw new NotFoundException('No such person');
    const reader = readerOf(country, request);
    const memorialIds = linkedMemorialIds(person.content);
    const memorials = await this.live.byIds('memorial', country.id, memorialIds);
    const assetIds = personPageMediaIds(person, memorials.values());
    request.sources?.records(memorialIds).assets(assetIds);
    // The person's own approved texts win over a memorial's for a file both show.
    const assets = await this.live.assetsOf(country.id, assetIds, [...memorials.values(), person]);
    return presentPerson(reader, person, memorials, assets);
  }

  /**
   * The page's JSON (a PublicExhibition), its item cards spliced in as kept
   * by ItemCards. Two round trips to the database when nothing changed: the
   * country with the exhibition's key, then the keys of its records and of
   * the media its last page showed.
   */
  async exhibition(countrySlug: string, slug: string, request: ReaderRequest): Promise<JsonText> {
    const { country, record: exhibition } = await this.live.countryAndRecord(countrySlug, 'exhibition', slug);
    const reader = readerOf(country, request);
    const { itemIds, memorialIds } = exhibitionReferences(exhibition.content);
    request.sources?.records([exhibition.id, ...itemIds, ...memorialIds]);
    const pageKey = this.live.recordKey(exhibition);
    const expected = (pageKey && this.pageMedia.get(pageKey)) || [];
    const { items, memorials, assetKeys } = await this.live.shownWith(country.id, { items: itemIds, memorials: memorialIds, assets: expected });
    // The exhibition's own approved texts win over those of its items for a file both show.
    const assetIds = exhibitionMediaIds([exhibition], items.values());
    if (pageKey) this.pageMedia.set(pageKey, assetIds);
    request.sources?.assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, [...items.values(), exhibition], assetKeys);
    const page = new SplicedJson();
    const card = splicedCard(this.cards, page, reader);
    return new JsonText(page.bytes(presentExhibition(reader, exhibition, { items, memorials, assets, card })));
  }

  /** Every published page, for the sitemap. */
  async publishedPages(): Promise<{ path: string; updatedAt: Date }[]> {
    const countries = await this.countries.list();
    const pages: { path: string; updatedAt: Date }[] = [{ path: '/', updatedAt: new Date(0) }];
    const slugById = new Map(countries.map((c) => [c.id, c.slug]));
    for (const country of countries) pages.push({ path: `/${country.slug}`, updatedAt: new Date(0) });
    for (const type of SITEMAP_ORDER) {
      // By id (the primary key's index, no sort): one order however the rows lie on disk.
      for (const record of await this.live.list(type, undefined, { order: { id: 'ASC' } })) {
        if (type === 'person' && !this.isPublic((record as { content: Parameters<typeof isPersonPublic>[0] }).content)) continue;
        pages.push({ path: `/${slugById.get(record.countryId)}/${RECORD_KINDS[type].collection}/${record.slug}`, updatedAt: record.updatedAt });
      }
    }
    return pages;
  }
}
