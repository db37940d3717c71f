import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';
import type { MediaAssetEntity } from './media-asset.entity';
import { MediaAssetsRepository } from './media-assets.repository';
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

/**
 * Who may fetch an asset's derivatives: everyone once the live revision of a
 * record of its country shows it and no moderator has withdrawn it; otherwise
 * only the country's curators, moderators and admins. Everyone else gets 404,
 * whatever id they guess.
 */
@Injectable()
export class MediaAccess {
  constructor(
    private readonly assets: MediaAssetsRepository,
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
    const found = await this.assets.findWithLiveUse(assetId);
    if (!found) throw new NotFoundException('No such media');
    const { asset } = found;
    const isPublic = found.shownLive && asset.withdrawnAt === null;
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
    const live = isPublic ? await this.assets.liveCaptionVersions(asset, lang) : [];
    const isStaff = isAllowed(actor, 'content.read', asset.countryId);
    if (version !== undefined) {
      if (!live.includes(version) && !isStaff) throw new NotFoundException('No such captions');
      return { asset, version, isPublic: live.includes(version), revalidate: false };
    }
    const chosen = isStaff ? asset.captionVersions[lang] : live[0];
    if (chosen === undefined) throw new NotFoundException('No such captions');
    return { asset, version: chosen, isPublic: !isStaff, revalidate: true };
  }
}
