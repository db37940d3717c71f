import { BadRequestException } from '@nestjs/common';
import { MEDIA_REFERENCE_KEYS } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { findByIds } from './find-by-ids';

/**
 * Every media asset a curated document shows: item and memorial media,
 * memorial event photographs, exhibition covers and media blocks: the values
 * under each kind's `mediaKeys` (RECORD_KINDS), wherever they sit, so a kind
 * gaining a new place for media needs only its registry row.
 */
export function referencedMediaIds(document: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (!MEDIA_REFERENCE_KEYS.has(key)) visit(child);
      else if (typeof child === 'string') ids.add(child);
      else if (Array.isArray(child)) child.forEach((id) => typeof id === 'string' && ids.add(id));
    }
  };
  visit(document);
  return [...ids];
}

/**
 * A record may show, and a save may write texts of, only media uploaded to
 * its own country. Each file at fault is an issue: `mediaTexts.<id>` for texts
 * the save carries, `media` for a file the document shows.
 */
export async function assertMediaOfCountry(db: DataSource, countryId: string, shown: string[], texted: string[] = []): Promise<void> {
  const ids = [...new Set([...shown, ...texted])];
  const found = await findByIds(db.getRepository(MediaAssetEntity), { countryId }, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return;
  throw new BadRequestException({
    message: `Media not found in this country: ${missing.join(', ')}`,
    issues: missing.map((id) => ({ path: texted.includes(id) ? `mediaTexts.${id}` : 'media', message: `no file ${id} in this country` })),
  });
}
