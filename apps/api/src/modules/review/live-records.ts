import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MediaTexts, RecordType } from '@vitrina/contracts';
import { type DataSource, type FindOptionsOrder, IsNull, Not } from 'typeorm';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { findByIds } from '../content/find-by-ids';
import { withApprovedTexts } from '../content/media-texts';
import type { ExhibitionEntity } from '../exhibitions/exhibition.entity';
import type { ItemEntity } from '../items/item.entity';
import { MediaAssetEntity } from '../media/media-asset.entity';
import type { MemorialEntity } from '../memorials/memorial.entity';
import { RECORD_KINDS, asLive } from './record-kinds';

interface LiveTypes {
  item: ItemEntity;
  memorial: MemorialEntity;
  exhibition: ExhibitionEntity;
}

const IS_LIVE = { liveRevision: Not(IsNull()) };

/**
 * The public read model: records as their live revision shows them, never
 * the latest edit. Every visitor-facing read (public API, sitemap, IIIF
 * manifests) goes through here.
 */
@Injectable()
export class LiveRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repository<T extends RecordType>(type: T) {
    return this.db.getRepository<ContentRecordEntity<object>>(RECORD_KINDS[type].entity);
  }

  private live<T extends RecordType>(type: T, rows: ContentRecordEntity<object>[]): LiveTypes[T][] {
    return rows.flatMap((row) => asLive(RECORD_KINDS[type], row) ?? []) as LiveTypes[T][];
  }

  async bySlug<T extends RecordType>(type: T, countryId: string, slug: string): Promise<LiveTypes[T]> {
    const row = await this.repository(type).findOne({ where: { countryId, liveSlug: slug, ...IS_LIVE } });
    const [live] = row ? this.live(type, [row]) : [];
    if (!live) throw new NotFoundException(`No such ${type}`);
    return live;
  }

  async byId<T extends RecordType>(type: T, id: string): Promise<LiveTypes[T]> {
    const row = await this.repository(type).findOne({ where: { id, ...IS_LIVE } });
    const [live] = row ? this.live(type, [row]) : [];
    if (!live) throw new NotFoundException(`No such ${type}`);
    return live;
  }

  async list<T extends RecordType>(
    type: T,
    countryId: string | undefined,
    options: { order?: FindOptionsOrder<ContentRecordEntity<object>>; take?: number } = {},
  ): Promise<LiveTypes[T][]> {
    const rows = await this.repository(type).find({ where: { ...(countryId ? { countryId } : {}), ...IS_LIVE }, ...options });
    return this.live(type, rows);
  }

  async byIds<T extends RecordType>(type: T, countryId: string, ids: string[]): Promise<Map<string, LiveTypes[T]>> {
    const rows = await findByIds(this.repository(type), { countryId, ...IS_LIVE }, ids);
    return new Map(this.live(type, [...rows.values()]).map((row) => [row.id, row]));
  }

  /** The media these live records show, with the texts their approved revisions gave them. */
  async assetsOf(countryId: string, ids: string[], records: Iterable<ContentRecordEntity<object>>): Promise<Map<string, MediaAssetEntity>> {
    const assets = await findByIds(this.db.getRepository(MediaAssetEntity), { countryId }, ids);
    const approved: Record<string, MediaTexts> = {};
    for (const record of records) Object.assign(approved, record.liveMediaTexts);
    return withApprovedTexts(assets, approved);
  }
}
