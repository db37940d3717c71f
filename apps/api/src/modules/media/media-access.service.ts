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
 * Who may fetch an asset's derivatives: everyone once a published record of
 * its country shows it; otherwise only the country's curators, moderators
 * and admins. Everyone else gets 404, whatever id they guess.
 */
@Injectable()
export class MediaAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async servable(assetId: string, actor: Actor | null | undefined): Promise<ServableAsset> {
    const asset = await this.db.getRepository(MediaAssetEntity).findOneBy({ id: assetId });
    if (!asset) throw new NotFoundException('No such media');
    const isPublic = await this.isPublished(asset);
    if (!isPublic && !isAllowed(actor, 'content.read', asset.countryId)) throw new NotFoundException('No such media');
    return { asset, isPublic };
  }

  private async isPublished(asset: MediaAssetEntity): Promise<boolean> {
    const reference = JSON.stringify([{ assetId: asset.id }]);
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM items WHERE country_id = $1 AND status = 'published' AND content->'media' @> $2::jsonb
       UNION ALL
       SELECT 1 FROM memorials WHERE country_id = $1 AND status = 'published' AND content->'media' @> $2::jsonb
       LIMIT 1`,
      [asset.countryId, reference],
    );
    return rows.length > 0;
  }
}
