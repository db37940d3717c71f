import { BadRequestException } from '@nestjs/common';
import { type ContentLanguage, type MediaTexts, type PublicPerson, RECORD_KINDS, type StudioPerson, type personInputSchema } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import { sanitizeLocalizedRichText } from '../../../infra/html/rich-text';
import type { CountryEntity } from '../../countries/country.entity';
import { findByIds } from '../find-by-ids';
import { previewAssets } from '../media-texts';
import { personNameKeys } from '../person-name-keys';
import { linkedMemorialIds, personPageMediaIds, presentPerson } from '../person-views';
import { Reader } from '../public-views';
import { studioRecordFields } from '../studio-record';
import type { ContentKind } from './kind';
import { MemorialEntity } from './memorial.entity';
import { type PersonContent, PersonEntity } from './person.entity';

type ValidPerson = ReturnType<typeof personInputSchema.parse>;

/** The row of a validated person: the `kind` column is their fate, for the studio list's filter. */
function personColumns(input: ValidPerson): Partial<PersonEntity> {
  const { slug, ...content } = input;
  return { slug, kind: input.fate, content: content as PersonContent, nameKeys: personNameKeys(input) };
}

/** The memorials a person links to, among their country's (drafts included). */
function linkedMemorials(db: EntityManager, countryId: string, content: Pick<PersonContent, 'memorials'>) {
  return findByIds(db.getRepository(MemorialEntity), { countryId }, linkedMemorialIds(content));
}

/** Each linked memorial must be one of the person's country's: 400 naming the link at fault. */
async function assertMemorialsOfCountry(db: EntityManager, countryId: string, input: ValidPerson): Promise<void> {
  const found = await linkedMemorials(db, countryId, input);
  const issues = input.memorials.flatMap((link, index) =>
    found.has(link.memorialId) ? [] : [{ path: `memorials.${index}.memorialId`, message: `no memorial ${link.memorialId} in this country` }],
  );
  if (issues.length === 0) return;
  throw new BadRequestException({ message: `Linked memorials not found in this country: ${issues.map((issue) => issue.path).join(', ')}`, issues });
}

export const personKind: ContentKind<ValidPerson, PersonEntity, StudioPerson> = {
  contract: RECORD_KINDS.person,
  label: 'person',
  entity: PersonEntity,
  toColumns: personColumns,
  listFilter: 'record.merged_into IS NULL',
  retired: (entity) => (entity.mergedInto ? `This person was merged into another (${entity.mergedInto}); edit that record instead` : null),
  toStudio: (entity) => ({ ...(entity.content as ValidPerson), slug: entity.slug, ...studioRecordFields(entity), ...(entity.mergedInto ? { mergedInto: entity.mergedInto } : {}) }),

  /** The biography keeps only the rich-text allowlist; every linked memorial must be of the same country. */
  async prepare(db, country, input) {
    const prepared = input.biography ? { ...input, biography: sanitizeLocalizedRichText(input.biography) } : input;
    await assertMemorialsOfCountry(db, country.id, prepared);
    return prepared;
  },

  /** The person as visitors will see them once published, with their memorials as they stand (drafts included). */
  async preview(db: EntityManager, country: CountryEntity, person, lang: ContentLanguage | undefined, mediaTexts?: Record<string, MediaTexts>): Promise<PublicPerson> {
    const memorials = await linkedMemorials(db, country.id, person.content);
    const assets = await previewAssets(db, country.id, personPageMediaIds(person, memorials.values()), mediaTexts);
    return presentPerson(new Reader(lang ?? country.defaultLanguage, country), person, memorials, assets);
  },
};
