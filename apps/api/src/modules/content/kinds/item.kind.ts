import { type PublicItem, type StudioItem, RECORD_KINDS, type itemInputSchema } from '@vitrina/contracts';
import { previewAssets } from '../media-texts';
import { Reader, presentItem } from '../public-views';
import { studioRecordFields } from '../studio-record';
import { type ItemContent, ItemEntity } from './item.entity';
import type { ContentKind } from './kind';

type ValidItem = ReturnType<typeof itemInputSchema.parse>;

/** The row of a validated item: its document plus the copies kept for filtering and maps. */
function itemColumns(input: ValidItem): Partial<ItemEntity> {
  const { slug, kind, ...content } = input;
  return {
    slug,
    kind,
    content: content as ItemContent,
    earliestYear: input.date?.earliest ?? null,
    latestYear: input.date?.latest ?? null,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
  };
}

export const itemKind: ContentKind<ValidItem, ItemEntity, StudioItem> = {
  contract: RECORD_KINDS.item,
  label: 'item',
  entity: ItemEntity,
  toColumns: itemColumns,
  toStudio: (entity) => ({ ...(entity.content as ValidItem), slug: entity.slug, kind: entity.kind as StudioItem['kind'], ...studioRecordFields(entity) }),

  async preview(db, country, item, lang, mediaTexts): Promise<PublicItem> {
    const assets = await previewAssets(db, country.id, item.mediaIds, mediaTexts);
    return presentItem(new Reader(lang ?? country.defaultLanguage, country), item, assets);
  },
};
