import { randomUUID } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { type ContentLanguage, type MediaTexts, type PublicExhibition, RECORD_KINDS, type StudioExhibition, type exhibitionInputSchema } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import type { CountryEntity } from '../../countries/country.entity';
import { sanitizeLocalizedRichText } from '../../../infra/html/rich-text';
import { findByIds } from '../find-by-ids';
import { previewAssets } from '../media-texts';
import { referencedMediaIds } from '../media-references';
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

/** Text blocks keep only the HTML the server's allowlist lets through, in a save and in a preview alike. */
function sanitised(input: ValidExhibition): ValidExhibition {
  const sections = input.sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => (block.type === 'text' ? { ...block, body: sanitizeLocalizedRichText(block.body) } : block)),
  }));
  return { ...input, sections };
}

/** The exhibition exactly as visitors will see it once published: its items and memorials drafts included, of its own country only. */
/** The exhibition exactly as visitors will see it once published, drafts of its items included; files show the texts `mediaTexts` froze, if given. */
async function previewOf(
  db: EntityManager,
  country: CountryEntity,
  exhibition: ExhibitionEntity,
  lang: ContentLanguage | undefined,
  mediaTexts?: Record<string, MediaTexts>,
): Promise<PublicExhibition> {
  const [items, memorials] = await loadReferenced(db, country.id, exhibition.content);
  const assets = await previewAssets(db, country.id, exhibitionMediaIds([exhibition], items.values()), mediaTexts);
  return presentExhibition(new Reader(lang ?? country.defaultLanguage, country), exhibition, { items, memorials, assets });
}

export const exhibitionKind: ContentKind<ValidExhibition, ExhibitionEntity, StudioExhibition> = {
  contract: RECORD_KINDS.exhibition,
  label: 'exhibition',
  entity: ExhibitionEntity,
  toColumns: exhibitionColumns,
  toStudio: (entity) => ({ ...(entity.content as ValidExhibition), slug: entity.slug, ...studioRecordFields(entity) }),

  /** Rich text is sanitised, and every referenced item or memorial must belong to the same country. */
  async prepare(db, country, input) {
    const prepared = sanitised(input);
    await assertReferencesExist(db, country.id, prepared);
    return prepared;
  },

  preview: previewOf,

  /**
   * A document not saved yet, presented as the saved preview presents a stored one. Records it names
   * that this country does not have are left out, as a published page leaves out what it may not show.
   */
  previewDraft(db, country, input, lang) {
    const { slug, kind, content } = exhibitionColumns(sanitised(input));
    const draft = { id: randomUUID(), countryId: country.id, slug, kind, content, mediaIds: referencedMediaIds(input), updatedAt: new Date() };
    return previewOf(db, country, draft as ExhibitionEntity, lang);
  },
};
