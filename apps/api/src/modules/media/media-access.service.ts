import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';
import { MediaAssetEntity } from './media-asset.entity';

export interface ServableAsset {
  asset: MediaAssetEntity;
  /** Published somewhere, so anyone (and any cache) may have it. */
  isPublic: boolean;
}

/**
 * Who may fetch an asset's derivatives: everyone once the live revision of a
 * record of its country shows it; otherwise only the country's curators, moderators
 * and admins. Everyone else gets 404, whatever id they guess.
 */
@Injectable()
export class MediaAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One round trip: the asset and whether a live record of its country shows it. */
  async servable(assetId: string, actor: Actor | null | undefined): Promise<ServableAsset> {
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
    const isPublic = raw[0].is_public === true;
    if (!isPublic && !isAllowed(actor, 'content.read', asset.countryId)) throw new NotFoundException('No such media');
    return { asset, isPublic };
  }
}
