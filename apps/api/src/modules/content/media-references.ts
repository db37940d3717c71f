import { BadRequestException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { findByIds } from './find-by-ids';

/** A record may show only media uploaded to its own country. */
export async function assertMediaOfCountry(
  db: DataSource,
  countryId: string,
  refs: { assetId: string }[] | undefined,
): Promise<void> {
  const ids = [...new Set((refs ?? []).map((ref) => ref.assetId))];
  const found = await findByIds(db.getRepository(MediaAssetEntity), { countryId }, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new BadRequestException(`Media not found in this country: ${missing.join(', ')}`);
}
