import { BadRequestException } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';

/** A record may show only media uploaded to its own country. */
export async function assertMediaOfCountry(
  db: DataSource,
  countryId: string,
  refs: { assetId: string }[] | undefined,
): Promise<void> {
  const ids = [...new Set((refs ?? []).map((ref) => ref.assetId))];
  if (ids.length === 0) return;
  const found = await db.getRepository(MediaAssetEntity).findBy({ countryId, id: In(ids) });
  const missing = ids.filter((id) => !found.some((asset) => asset.id === id));
  if (missing.length > 0) throw new BadRequestException(`Media not found in this country: ${missing.join(', ')}`);
}
