import { BadRequestException } from '@nestjs/common';
import { type PublicExhibition, RECORD_KINDS, type StudioExhibition, type exhibitionInputSchema } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import { sanitizeLocalizedRichText } from '../../../infra/html/rich-text';
import { findByIds } from '../find-by-ids';
import { previewAssets } from '../media-texts';
import { exhibitionMediaIds } from '../media-views';
import { Reader, exhibitionReferences, presentExhibition } from '../public-views';
import { studioRecordFields } from '../studio-record';
import { type ExhibitionContent, ExhibitionEntity } from './exhibition.entity';
import { ItemEntity } from './item.entity';
import type { ContentKind } from './kind';
import { MemorialEntity } from './memorial.entity';

type ValidExhibition = ReturnType<typeof exhibitionInputSchema.parse>;

function exhibitionColumns(input: ValidExhibition): Partial<ExhibitionEntity> {
  const { slug, ...content } = input;
  return { slug, kind: 'exhibition', content: content as ExhibitionContent };
}

/** The items and memorials an exhibition shows, among its country's records (drafts included). */
function loadReferenced(db: EntityManager, countryId: string, content: ExhibitionEntity['content']) {
  const { itemIds, memorialIds } = exhibitionReferences(content);
  return Promise.all([
    findByIds(db.getRepository(ItemEntity), { countryId }, itemIds),
    findByIds(db.getRepository(MemorialEntity), { countryId }, memorialIds),
  ]);
}

async function assertReferencesExist(db: EntityManager, countryId: string, input: ValidExhibition): Promise<void> {
  const { itemIds, memorialIds } = exhibitionReferences(input);
  const [items, memorials] = await loadReferenced(db, countryId, input);
  const missing = [
    ...itemIds.filter((id) => !items.has(id)).map((id) => `item ${id}`),
    ...memorialIds.filter((id) => !memorials.has(id)).map((id) => `memorial ${id}`),
  ];
  if (missing.length > 0) {
    throw new BadRequestException(`Referenced records not found in this country: ${missing.join(', ')}`);
  }
}

export const exhibitionKind: ContentKind<ValidExhibition, ExhibitionEntity, StudioExhibition> = {
  contract: RECORD_KINDS.exhibition,
  label: 'exhibition',
  entity: ExhibitionEntity,
  toColumns: exhibitionColumns,
  toStudio: (entity) => ({ ...(entity.content as ValidExhibition), slug: entity.slug, ...studioRecordFields(entity) }),

  /** Rich text is sanitised, and every referenced item or memorial must belong to the same country. */
  async prepare(db, country, input) {
    const sections = input.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) => (block.type === 'text' ? { ...block, body: sanitizeLocalizedRichText(block.body) } : block)),
    }));
    const prepared = { ...input, sections };
    await assertReferencesExist(db, country.id, prepared);
    return prepared;
  },

  /** The exhibition exactly as visitors will see it once published, drafts of its items included. */
  async preview(db, country, exhibition, lang, mediaTexts): Promise<PublicExhibition> {
    const [items, memorials] = await loadReferenced(db, country.id, exhibition.content);
    const assets = await previewAssets(db, country.id, exhibitionMediaIds([exhibition], items.values()), mediaTexts);
    return presentExhibition(new Reader(lang ?? country.defaultLanguage, country), exhibition, { items, memorials, assets });
  },
};
