import type { MediaTexts, RecordMediaTexts } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import { rowValues } from '../../infra/database/row-values';
import { MediaAssetEntity, captionLanguagesOf } from '../media/media-asset.entity';
import { findByIds } from './find-by-ids';

export function textsOf(asset: MediaAssetEntity): MediaTexts {
  return {
    alt: asset.alt,
    caption: asset.caption,
    credit: asset.credit,
    rights: asset.rights,
    transcript: asset.transcript,
    captionLanguages: captionLanguagesOf(asset),
    captionVersions: asset.captionVersions,
  };
}

/**
 * The texts of a record's media as they are now, frozen into the revision
 * being saved: a curator re-captioning a photograph of a live item, or
 * replacing a film's captions file, changes nothing visitors see until that
 * revision is approved (the snapshot names each captions file by its version).
 */
export async function snapshotMediaTexts(manager: EntityManager, countryId: string, mediaIds: string[]): Promise<Record<string, MediaTexts>> {
  const assets = await findByIds(manager.getRepository(MediaAssetEntity), { countryId }, mediaIds);
  return Object.fromEntries([...assets.values()].map((asset) => [asset.id, textsOf(asset)]));
}

/**
 * Writes the texts a save carries to its files, in the save's transaction
 * (the caller checked they are the country's and shown by the record): the
 * revision inserted after this snapshots them. Returns the assets written.
 */
export async function applyMediaTexts(tx: EntityManager, countryId: string, texts: RecordMediaTexts): Promise<string[]> {
  const repository = tx.getRepository(MediaAssetEntity);
  for (const [id, values] of Object.entries(texts)) await repository.update({ id, countryId }, rowValues<MediaAssetEntity>(values));
  return Object.keys(texts);
}

/** Assets as visitors see them: their approved texts in place of whatever the studio holds now. */
export function withApprovedTexts(assets: Map<string, MediaAssetEntity>, approved: Record<string, MediaTexts>): Map<string, MediaAssetEntity> {
  const result = new Map<string, MediaAssetEntity>();
  for (const [id, asset] of assets) {
    const texts = approved[id];
    result.set(id, texts ? Object.assign(Object.create(Object.getPrototypeOf(asset)), asset, texts) : asset);
  }
  return result;
}

/**
 * The files a preview shows, as visitors would get them: with the texts a
 * revision froze where it names them (the studio's current texts otherwise),
 * files withdrawn from visitors left out.
 */
export async function previewAssets(
  manager: EntityManager,
  countryId: string,
  ids: string[],
  frozen: Record<string, MediaTexts> = {},
): Promise<Map<string, MediaAssetEntity>> {
  const assets = await findByIds(manager.getRepository(MediaAssetEntity), { countryId }, ids);
  return withApprovedTexts(new Map([...assets].filter(([, asset]) => asset.withdrawnAt === null)), frozen);
}
