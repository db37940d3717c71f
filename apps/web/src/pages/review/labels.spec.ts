import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  PUBLISH_BLOCKER_CODES,
  exhibitionInputSchema,
  itemInputSchema,
  memorialInputSchema,
  personInputSchema,
} from '@vitrina/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import i18n from '../../i18n/i18n';
import { type TranslationTree, allTranslations } from '../../i18n/resources';
import { actionKey, blockerLabel, fieldLabel, stateLabel, valueLabel } from './labels';


const [en, ru] = await Promise.all([allTranslations('en'), allTranslations('ru')]);
const at = (tree: TranslationTree, path: string) => String(path.split('.').reduce<unknown>((node, key) => (node as TranslationTree)[key], tree));
/** The schemas a schema holds: an object's fields, a list's element, a union's options, what an optional, default or pipe wraps. */
function childrenOf(schema: z.core.$ZodType): { key?: string; schema: unknown }[] {
  const def = schema._zod.def;
  const fields = schema instanceof z.core.$ZodObject ? Object.entries(schema._zod.def.shape).map(([key, child]) => ({ key, schema: child })) : [];
  const wrapped = [
    'innerType' in def ? def.innerType : undefined,
    'element' in def ? def.element : undefined,
    'in' in def ? def.in : undefined,
    ...('options' in def && Array.isArray(def.options) ? def.options : []),
  ];
  return [...fields, ...wrapped.map((child) => ({ schema: child }))];
}

/** Every field name a document of the schema can hold, at any depth; language maps (records) hold languages, not fields. */
function fieldNames(schema: z.core.$ZodType, into = new Set<string>()): Set<string> {
  for (const child of childrenOf(schema)) {
    if (child.key) into.add(child.key);
    if (child.schema instanceof z.core.$ZodType) fieldNames(child.schema, into);
  }
  return into;
}

const lookup = (tree: object, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
/** The texts of a media file a revision freezes (MediaTexts): the diff shows them as mediaTexts.<field>. */
const MEDIA_TEXT_FIELDS = ['mediaTexts', 'alt', 'caption', 'credit', 'rights', 'transcript', 'captionLanguages'];

describe('the review desk names every code in both languages', () => {
  const documentFields = [itemInputSchema, memorialInputSchema, exhibitionInputSchema, personInputSchema].flatMap((schema) => [...fieldNames(schema)]);
  const keys = [
    ...new Set([...documentFields, ...MEDIA_TEXT_FIELDS].map((field) => `review.paths.${field}`)),
    ...AUDIT_ACTIONS.map(actionKey),
    ...AUDIT_ENTITY_TYPES.map((type) => `audit.entities.${type}`),
    ...[...PUBLISH_BLOCKER_CODES, 'media-failed'].map((code) => `review.blockers.${code}`),
  ];

  it('finds the fields of the documents (the walk reaches nested lists and blocks)', () => {
    expect(documentFields).toEqual(expect.arrayContaining(['title', 'conditionSurveys', 'surveyor', 'variants', 'blocks', 'assetIds', 'attribution', 'earliest', 'lat', 'patronymic', 'fond', 'memorialId']));
  });

  for (const [language, tree] of [['en', en], ['ru', ru]] as const) {
    it(`has a ${language} text for every field, action, kind of entry and blocker`, () => {
      expect(keys.filter((key) => typeof lookup(tree, key) !== 'string')).toEqual([]);
    });
  }
});

describe('labels', () => {
  it('reads a path as its fields, lists counted from one', async () => {
    await i18n.changeLanguage('en');
    expect(fieldLabel(i18n.t, 'sections.0.blocks.1.caption')).toBe('Sections › 1 › Blocks › 2 › Caption');
    await i18n.changeLanguage('ru');
    expect(fieldLabel(i18n.t, 'conditionSurveys.2.condition')).toBe('Обследования состояния › 3 › Состояние');
  });

  it('names translation statuses and values of closed lists instead of printing codes', async () => {
    await i18n.changeLanguage('en');
    expect(valueLabel(i18n.t, 'title', { text: 'Flask', status: 'machine' })).toBe('Flask (machine draft)');
    expect(valueLabel(i18n.t, 'title', { text: 'Flask', status: 'original' })).toBe('Flask');
    expect(valueLabel(i18n.t, 'conditionSurveys.0.condition', 'very-bad')).toBe('very bad');
    expect(valueLabel(i18n.t, 'kind', 'mass-grave')).toBe('Mass grave');
    expect(valueLabel(i18n.t, 'events.0.type', 'names-added')).toBe('Names added');
    expect(valueLabel(i18n.t, 'sections.0.blocks.0.type', 'gallery')).toBe('Gallery');
    expect(valueLabel(i18n.t, 'dimensions', '12 × 4 cm')).toBe('12 × 4 cm');
    await i18n.changeLanguage('ru');
    expect(valueLabel(i18n.t, 'title', { text: 'Фляга', status: 'translated' })).toBe('Фляга (перевод)'.replace('перевод', at(ru, 'studio.statuses.translated')));
  });

  it('words a blocker from its code and fields, in the reader’s language', async () => {
    await i18n.changeLanguage('en');
    const blocker = { code: 'missing-captions', message: 'server text', assetId: 'a', file: 'film.mp4', mediaKind: 'video', lang: 'kk' } as const;
    expect(blockerLabel(i18n.t, blocker)).toBe('Video film.mp4 has neither captions nor a transcript in Kazakh.');
    expect(blockerLabel(i18n.t, { code: 'media-not-ready', message: 'x', file: 'scan.tif', state: 'failed' })).toBe('File scan.tif could not be processed; replace it.');
    await i18n.changeLanguage('ru');
    expect(blockerLabel(i18n.t, { code: 'missing-alt', message: 'x', file: 'photo.jpg', mediaKind: 'image', lang: 'en' })).toBe('У изображения photo.jpg нет альтернативного текста на языке: английский.'.replace('английский', at(ru, 'languages.en')));
  });

  it('names record states and roles, which membership entries move between', async () => {
    await i18n.changeLanguage('en');
    expect(stateLabel(i18n.t, 'in_review')).toBe('in review');
    expect(stateLabel(i18n.t, 'moderator')).toBe('moderator');
    expect(stateLabel(i18n.t, null)).toBe('—');
    expect(i18n.t(actionKey('membership.grant'))).toBe('Role granted');
  });
});
