import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECORD_KINDS } from '@vitrina/contracts';
import type { DataSource, QueryDeepPartialEntity, Repository } from 'typeorm';
import { MediaAssetEntity } from './media-asset.entity';

/** The tables of the curated records, whose live revisions show assets. */
const RECORD_TABLES = Object.values(RECORD_KINDS).map((kind) => kind.collection);

/** An asset still processing with no attempt lately, and how often its processing has started. */
export interface StuckAsset {
  id: string;
  country_id: string;
  processing_attempts: number;
}

/**
 * The media assets' data access: the rows of `media_assets`, whether a live
 * record shows an asset, and the processing state the workers move along.
 */
@Injectable()
export class MediaAssetsRepository {
  private readonly assets: Repository<MediaAssetEntity>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.assets = db.getRepository(MediaAssetEntity);
  }

  findById(id: string): Promise<MediaAssetEntity | null> {
    return this.assets.findOneBy({ id });
  }

  /** The asset, or an EntityNotFoundError. */
  getById(id: string): Promise<MediaAssetEntity> {
    return this.assets.findOneByOrFail({ id });
  }

  findInCountry(countryId: string, id: string): Promise<MediaAssetEntity | null> {
    return this.assets.findOneBy({ countryId, id });
  }

  findBySha256(countryId: string, sha256: string): Promise<MediaAssetEntity | null> {
    return this.assets.findOneBy({ countryId, sha256 });
  }

  /** The country's latest `take` assets, newest first. */
  latestOf(countryId: string, take: number): Promise<MediaAssetEntity[]> {
    return this.assets.find({ where: { countryId }, order: { createdAt: 'DESC' }, take });
  }

  /**
   * The asset and whether the live revision of a record of its country shows
   * it, in one round trip; null when there is no such asset.
   */
  async findWithLiveUse(assetId: string): Promise<{ asset: MediaAssetEntity; shownLive: boolean } | null> {
    const { entities, raw } = await this.assets
      .createQueryBuilder('asset')
      .addSelect(
        RECORD_TABLES.map((table) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.country_id = asset.country_id AND r.live_media_ids @> ARRAY[asset.id])`).join('\n         OR '),
        'is_public',
      )
      .where('asset.id = :assetId', { assetId })
      .getRawAndEntities<{ is_public: boolean }>();
    const asset = entities[0];
    return asset ? { asset, shownLive: raw[0].is_public === true } : null;
  }

  /** The captions versions of a language that live records of the asset's country show, the most recently published first. */
  async liveCaptionVersions(asset: Pick<MediaAssetEntity, 'countryId' | 'id'>, lang: string): Promise<string[]> {
    const union = RECORD_TABLES.map(
      (table) =>
        `SELECT r.live_media_texts->($2::text)->'captionVersions'->>($3::text) AS version, r.published_at FROM ${table} r
          WHERE r.country_id = $1 AND r.live_media_ids @> ARRAY[$2::uuid] AND r.live_media_texts->($2::text)->'captionVersions' ? $3`,
    ).join(' UNION ALL ');
    const rows: { version: string }[] = await this.db.query(`${union} ORDER BY published_at DESC NULLS LAST`, [asset.countryId, asset.id, lang]);
    return rows.map((row) => row.version);
  }

  /** Inserts the asset as processing; false when the country already holds the same file (a race lost). */
  async insertProcessing(values: Partial<MediaAssetEntity>): Promise<boolean> {
    const inserted = await this.assets
      .createQueryBuilder()
      .insert()
      .values({ ...values, status: 'processing' })
      .orIgnore()
      .returning('*')
      .execute();
    return inserted.raw.length > 0;
  }

  async update(id: string, values: QueryDeepPartialEntity<MediaAssetEntity>): Promise<void> {
    await this.assets.update({ id }, values);
  }

  /** Sets a failed asset processing again with a fresh attempt count; false when it was not failed (any more). */
  async restartFailed(id: string): Promise<boolean> {
    const reset = await this.assets.update(
      { id, status: 'failed' },
      { status: 'processing', failureReason: null, processingAttempts: 0, lastAttemptAt: null },
    );
    return Boolean(reset.affected);
  }

  /** Counts a start of the asset's processing; false when it is not processing (ready, failed, gone). */
  async countAttempt(assetId: string): Promise<boolean> {
    const started = await this.assets
      .createQueryBuilder()
      .update()
      .set({ processingAttempts: () => 'processing_attempts + 1', lastAttemptAt: () => 'now()' })
      .where('id = :assetId AND status = :status', { assetId, status: 'processing' })
      .execute();
    return Boolean(started.affected);
  }

  /** Fails the asset with the reason, only while it is still processing. */
  async failProcessing(assetId: string, reason: string): Promise<void> {
    await this.assets.update({ id: assetId, status: 'processing' }, { status: 'failed', failureReason: reason });
  }

  async markReady(assetId: string): Promise<void> {
    await this.assets.update({ id: assetId }, { status: 'ready', failureReason: null });
  }

  /** Makes `version` the latest captions of the language. */
  async setCaptionVersion(id: string, lang: string, version: string): Promise<void> {
    await this.assets.query(
      `UPDATE media_assets SET caption_versions = caption_versions || jsonb_build_object($2::text, $3::text), updated_at = now() WHERE id = $1`,
      [id, lang, version],
    );
  }

  /** The language has no captions any more (its files stay). */
  async removeCaptionLanguage(id: string, lang: string): Promise<void> {
    await this.assets.query(
      `UPDATE media_assets SET caption_versions = caption_versions - $2::text, updated_at = now() WHERE id = $1`,
      [id, lang],
    );
  }

  /** Those of the ids that name an asset. */
  async existingIds(ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM media_assets WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /** At most `limit` assets processing with no attempt (nor creation) since the cutoff, the oldest first. */
  stuckSince(cutoff: Date, limit: number): Promise<StuckAsset[]> {
    return this.db.query(
      `SELECT id, country_id, processing_attempts FROM media_assets
        WHERE status = 'processing' AND COALESCE(last_attempt_at, created_at) < $1
        ORDER BY created_at LIMIT ${limit}`,
      [cutoff],
    );
  }

  /** Every country's id: each asset's objects live under its country's folder. */
  async countryIds(): Promise<string[]> {
    const countries: { id: string }[] = await this.db.query('SELECT id FROM countries');
    return countries.map((country) => country.id);
  }
}
