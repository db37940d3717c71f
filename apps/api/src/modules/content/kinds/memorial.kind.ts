import { type Condition, type PublicMemorial, RECORD_KINDS, type StudioMemorial, type memorialInputSchema } from '@vitrina/contracts';
import { previewAssets } from '../media-texts';
import { Reader, presentMemorial } from '../public-views';
import { studioRecordFields } from '../studio-record';
import type { ContentKind } from './kind';
import { type MemorialContent, MemorialEntity } from './memorial.entity';

type ValidMemorial = ReturnType<typeof memorialInputSchema.parse>;

function latestCondition(input: ValidMemorial): Condition | null {
  const [latest] = [...input.conditionSurveys].sort((a, b) => b.date.localeCompare(a.date));
  return latest?.condition ?? null;
}

/** The row of a validated memorial: its document, its place and its latest condition. */
function memorialColumns(input: ValidMemorial): Partial<MemorialEntity> {
  const { slug, kind, ...content } = input;
  return {
    slug,
    kind,
    content: content as MemorialContent,
    lat: input.location.lat,
    lng: input.location.lng,
    condition: latestCondition(input),
  };
}

export const memorialKind: ContentKind<ValidMemorial, MemorialEntity, StudioMemorial> = {
  contract: RECORD_KINDS.memorial,
  label: 'memorial',
  entity: MemorialEntity,
  toColumns: memorialColumns,
  toStudio: (entity) => ({ ...(entity.content as ValidMemorial), slug: entity.slug, kind: entity.kind as StudioMemorial['kind'], ...studioRecordFields(entity) }),

  async preview(db, country, memorial, lang, mediaTexts): Promise<PublicMemorial> {
    const assets = await previewAssets(db, country.id, memorial.mediaIds, mediaTexts);
    return presentMemorial(new Reader(lang ?? country.defaultLanguage, country), memorial, assets);
  },
};
