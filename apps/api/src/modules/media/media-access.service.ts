import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';
import { MediaAssetEntity } from './media-asset.entity';
import { ServableMemo } from './servable-memo';

export interface ServableAsset {
  asset: MediaAssetEntity;
  /** Published somewhere and not withdrawn, so anyone (and any cache) may have it. */
  isPublic: boolean;
}

/** A captions file someone may have: which version, whether it is public, and whether its URL may change what it names. */
export interface ServableCaptions extends ServableAsset {
  version: string;
  revalidate: boolean;
}

const RECORD_TABLES = ['items', 'memorials', 'exhibitions'];

/**
 * Who may fetch an asset's derivatives: everyone once the live revision of a
 * record of its country shows it and no moderator has withdrawn it; otherwise
 * only the country's curators, moderators and admins. Everyone else gets 404,
 * whatever id they guess.
 */
@Injectable()
export class MediaAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly memo: ServableMemo,
  ) {}

  /**
   * One round trip: the asset and whether a live record of its country shows
   * it. With `memo`, a public answer may come from (and goes to) ServableMemo:
   * for the bytes of renditions and tiles, which a page asks for by the dozen.
   */
  async servable(assetId: string, actor: Actor | null | undefined, options: { memo?: boolean } = {}): Promise<ServableAsset> {
    const remembered = options.memo ? this.memo.lookup(assetId) : undefined;
    if (remembered) return { asset: remembered, isPublic: true };
    const ticket = this.memo.begin();
    const { entities, raw } = await this.db
      .getRepository(MediaAssetEntity)
      .createQueryBuilder('asset')
      .addSelect(
        `EXISTS (SELECT 1 FROM items r WHERE r.country_id = asset.country_id AND r.live_media_ids @> ARRAY[asset.id])
         OR EXISTS (SELECT 1 FROM memorials r WHERE r.country_id = asset.country_id AND r.live_media_ids @> ARRAY[asset.id])
         OR EXISTS (SELECT 1 FROM exhibitions r WHERE r.country_id = asset.country_id AND r.live_media_ids @> ARRAY[asset.id])`,
        'is_public',
      )
      .where('asset.id = :assetId', { assetId })
      .getRawAndEntities<{ is_public: boolean }>();
    const asset = entities[0];
    if (!asset) throw new NotFoundException('No such media');
    const isPublic = raw[0].is_public === true && asset.withdrawnAt === null;
    if (isPublic && options.memo) this.memo.store(assetId, ticket, asset);
    if (!isPublic && !isAllowed(actor, 'content.read', asset.countryId)) throw new NotFoundException('No such media');
    return { asset, isPublic };
  }

  /**
   * Which captions file a request gets. A versioned URL names one file: anyone
   * may have it once a live revision records that version, the country's
   * staff any version. The unversioned URL follows the reader: the staff get
   * the latest file, visitors the one the live revision recorded.
   */
  async captions(assetId: string, actor: Actor | null | undefined, lang: string, version: string | undefined): Promise<ServableCaptions> {
    const { asset, isPublic } = await this.servable(assetId, actor);
    const live = isPublic ? await this.liveCaptionVersions(asset, lang) : [];
    const isStaff = isAllowed(actor, 'content.read', asset.countryId);
    if (version !== undefined) {
      if (!live.includes(version) && !isStaff) throw new NotFoundException('No such captions');
      return { asset, version, isPublic: live.includes(version), revalidate: false };
    }
    const chosen = isStaff ? asset.captionVersions[lang] : live[0];
    if (chosen === undefined) throw new NotFoundException('No such captions');
    return { asset, version: chosen, isPublic: !isStaff, revalidate: true };
  }

  /** The captions versions of a language that live records show, the most recently published first. */
  private async liveCaptionVersions(asset: MediaAssetEntity, lang: string): Promise<string[]> {
    const union = RECORD_TABLES.map(
      (table) =>
        `SELECT r.live_media_texts->($2::text)->'captionVersions'->>($3::text) AS version, r.published_at FROM ${table} r
          WHERE r.country_id = $1 AND r.live_media_ids @> ARRAY[$2::uuid] AND r.live_media_texts->($2::text)->'captionVersions' ? $3`,
    ).join(' UNION ALL ');
    const rows: { version: string }[] = await this.db.query(`${union} ORDER BY published_at DESC NULLS LAST`, [asset.countryId, asset.id, lang]);
    return rows.map((row) => row.version);
  }
}
