import { BadRequestException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { findByIds } from './find-by-ids';

/** The keys under which curated documents name media assets, wherever they sit in the document. */
const SINGLE_REFERENCE_KEYS = new Set(['assetId', 'coverMediaId']);
const LIST_REFERENCE_KEYS = new Set(['assetIds']);

/**
 * Every media asset a curated document shows: item and memorial media,
 * memorial event photographs, exhibition covers and media blocks. Walking the
 * document keeps this right when a kind gains a new place for media.
 */
export function referencedMediaIds(document: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (SINGLE_REFERENCE_KEYS.has(key) && typeof child === 'string') ids.add(child);
      else if (LIST_REFERENCE_KEYS.has(key) && Array.isArray(child)) child.forEach((id) => typeof id === 'string' && ids.add(id));
      else visit(child);
    }
  };
  visit(document);
  return [...ids];
}

/** A record may show only media uploaded to its own country. */
export async function assertMediaOfCountry(db: DataSource, countryId: string, ids: string[]): Promise<void> {
  const found = await findByIds(db.getRepository(MediaAssetEntity), { countryId }, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new BadRequestException(`Media not found in this country: ${missing.join(', ')}`);
}
