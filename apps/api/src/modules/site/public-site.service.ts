import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentLanguage, PublicCountryHome, PublicExhibition, PublicItem, PublicMemorial } from '@vitrina/contracts';
import type { DataSource, Repository } from 'typeorm';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { findByIds } from '../content/find-by-ids';
import {
  type AssetsById,
  Reader,
  exhibitionReferences,
  presentExhibition,
  presentExhibitionSummary,
  presentItem,
  presentItemSummary,
  presentMemorial,
  presentMemorialPoint,
} from '../content/public-views';
import { readerLanguage } from '../content/reader-language';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { ExhibitionEntity } from '../exhibitions/exhibition.entity';
import { ItemEntity } from '../items/item.entity';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { MemorialEntity } from '../memorials/memorial.entity';

const RECENT_ITEMS = 12;
const MAP_POINTS_LIMIT = 5_000;

export interface ReaderRequest {
  lang?: ContentLanguage;
  acceptLanguage?: string;
}

/** The visitor's view: published records only, texts resolved for the reader. */
@Injectable()
export class PublicSiteService {
  private readonly items: Repository<ItemEntity>;
  private readonly memorials: Repository<MemorialEntity>;
  private readonly exhibitions: Repository<ExhibitionEntity>;
  private readonly media: Repository<MediaAssetEntity>;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly countries: CountriesService,
  ) {
    this.items = db.getRepository(ItemEntity);
    this.memorials = db.getRepository(MemorialEntity);
    this.exhibitions = db.getRepository(ExhibitionEntity);
    this.media = db.getRepository(MediaAssetEntity);
  }

  private async reader(countrySlug: string, request: ReaderRequest): Promise<Reader> {
    const country = await this.countries.findEntityBySlug(countrySlug);
    return new Reader(readerLanguage(request.lang, request.acceptLanguage, country.defaultLanguage), country);
  }

  private async published<T extends ContentRecordEntity<object>>(
    repository: Repository<T>,
    country: CountryEntity,
    slug: string,
    label: string,
  ): Promise<T> {
    const record = await repository.findOne({ where: { countryId: country.id, slug, status: 'published' } as never });
    if (!record) throw new NotFoundException(`No such ${label}`);
    return record;
  }

  async home(countrySlug: string, request: ReaderRequest): Promise<PublicCountryHome> {
    const reader = await this.reader(countrySlug, request);
    const country = reader.country;
    const where = { countryId: country.id, status: 'published' as const };
    const [exhibitions, recentItems, memorials] = await Promise.all([
      this.exhibitions.find({ where, order: { publishedAt: 'DESC', id: 'ASC' } }),
      this.items.find({ where, order: { publishedAt: 'DESC', id: 'ASC' }, take: RECENT_ITEMS }),
      this.memorials.find({ where, order: { slug: 'ASC' }, take: MAP_POINTS_LIMIT }),
    ]);
    const covers = await this.publishedItems(country.id, exhibitions.flatMap((e) => e.content.coverItemId ?? []));
    return {
      country: {
        ...reader.countryRef(),
        defaultLanguage: country.defaultLanguage,
        languages: country.languages,
        intro: reader.text(country.intro),
      },
      exhibitions: exhibitions.map((exhibition) => presentExhibitionSummary(reader, exhibition, covers)),
      recentItems: recentItems.map((item) => presentItemSummary(reader, item)),
      memorials: memorials.map((memorial) => presentMemorialPoint(reader, memorial)),
    };
  }

  async item(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicItem> {
    const reader = await this.reader(countrySlug, request);
    const item = await this.published(this.items, reader.country, slug, 'item');
    return presentItem(reader, item, await this.assetsOf(reader.country.id, item.content.media));
  }

  async memorial(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicMemorial> {
    const reader = await this.reader(countrySlug, request);
    const memorial = await this.published(this.memorials, reader.country, slug, 'memorial');
    return presentMemorial(reader, memorial, await this.assetsOf(reader.country.id, memorial.content.media));
  }

  private assetsOf(countryId: string, refs: { assetId: string }[] | undefined): Promise<AssetsById> {
    return findByIds(this.media, { countryId }, (refs ?? []).map((ref) => ref.assetId));
  }

  async exhibition(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicExhibition> {
    const reader = await this.reader(countrySlug, request);
    const exhibition = await this.published(this.exhibitions, reader.country, slug, 'exhibition');
    const { itemIds, memorialIds } = exhibitionReferences(exhibition.content);
    const [items, memorials] = await Promise.all([
      this.publishedItems(reader.country.id, itemIds),
      findByIds(this.memorials, { countryId: reader.country.id, status: 'published' }, memorialIds),
    ]);
    return presentExhibition(reader, exhibition, { items, memorials });
  }

  private publishedItems(countryId: string, ids: string[]): Promise<Map<string, ItemEntity>> {
    return findByIds(this.items, { countryId, status: 'published' }, ids);
  }

  /** Every published page, for the sitemap. */
  async publishedPages(): Promise<{ path: string; updatedAt: Date }[]> {
    const countries = await this.countries.list();
    const pages: { path: string; updatedAt: Date }[] = [{ path: '/', updatedAt: new Date(0) }];
    const slugById = new Map(countries.map((c) => [c.id, c.slug]));
    for (const country of countries) pages.push({ path: `/${country.slug}`, updatedAt: new Date(0) });
    const kinds: [string, Repository<ContentRecordEntity<object>>][] = [
      ['exhibitions', this.exhibitions as never],
      ['items', this.items as never],
      ['memorials', this.memorials as never],
    ];
    for (const [segment, repository] of kinds) {
      const rows = await repository.find({
        select: { countryId: true, slug: true, updatedAt: true },
        where: { status: 'published' } as never,
      });
      for (const row of rows) {
        pages.push({ path: `/${slugById.get(row.countryId)}/${segment}/${row.slug}`, updatedAt: row.updatedAt });
      }
    }
    return pages;
  }
}
