import { BadRequestException } from '@nestjs/common';
import { mediaIdsIn } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { findByIds } from './find-by-ids';

/** Every media asset a curated document shows (see `mediaIdsIn`, shared with the studio). */
export const referencedMediaIds = mediaIdsIn;

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
