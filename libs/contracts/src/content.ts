import { z } from './zod';
import { slugSchema, uuidSchema } from './common';
import { type ContentLanguage, languageSchema } from './languages';
import { safeString } from './text';

/** How a text came to be in a language. A machine draft is never shown to visitors. */
export const TRANSLATION_STATUSES = ['original', 'translated', 'machine'] as const;
export const translationStatusSchema = z.enum(TRANSLATION_STATUSES);
export type TranslationStatus = z.infer<typeof translationStatusSchema>;

function localized(maxLength: number) {
  return z.partialRecord(
    languageSchema,
    z.strictObject({
      text: safeString().trim().min(1).max(maxLength),
      status: translationStatusSchema.default('original'),
    }),
  );
}

/** A visitor-facing text per language: `{ "ru": { "text": "…", "status": "original" } }`. */
export const localizedTextSchema = localized(2_000);
/** Long texts: descriptions, rich-text blocks (HTML, sanitised by the server). */
export const localizedLongTextSchema = localized(100_000);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const requiredLocalizedTextSchema = localizedTextSchema.refine(
  (map) => Object.keys(map).length > 0,
  'must hold at least one language',
);

/**
 * A short visitor-facing label per language, plain text with no translation
 * status (tags, a soldier's rank): `{ "ru": "Ереван", "en": "Yerevan" }`,
 * at least one language.
 */
export function localizedLabel(maxLength: number) {
  return z
    .partialRecord(languageSchema, safeString().trim().min(1).max(maxLength))
    .refine((map) => Object.keys(map).length > 0, 'must hold at least one language');
}
export type LocalizedLabel = Partial<Record<ContentLanguage, string>>;

/** A tag per language: a tag and its translations are one tag. */
export const localizedTagSchema = localizedLabel(60);
export type LocalizedTag = LocalizedLabel;

/** A text resolved for one reader: what to show, and in which language it really is. */
export const resolvedTextSchema = z.object({
  text: z.string(),
  lang: languageSchema,
  status: translationStatusSchema,
  /** True when `lang` is not the language asked for: the page marks it. */
  fallback: z.boolean(),
});
export type ResolvedText = z.infer<typeof resolvedTextSchema>;

/** RightsStatements.org statements and Creative Commons licences/tools, as URIs. */
export const rightsUriSchema = z
  .url()
  .regex(
    /^https?:\/\/(rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/?|creativecommons\.org\/(licenses|publicdomain)\/[a-z0-9.\-/]+)$/,
    'must be a RightsStatements.org or Creative Commons URI',
  );

export const geoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

const year = z.number().int().min(-10_000).max(2_100);

export const dateRangeSchema = z
  .strictObject({
    earliest: year.optional(),
    latest: year.optional(),
    display: localizedTextSchema.optional(),
    /** The years are approximate ("circa 1920"). */
    circa: z.boolean().optional(),
  })
  .refine((range) => range.earliest === undefined || range.latest === undefined || range.earliest <= range.latest, {
    message: 'earliest must not be after latest',
    path: ['latest'],
  });
export type DateRange = z.infer<typeof dateRangeSchema>;

/** A calendar date, possibly partial: `1945`, `1945-05` or `1945-05-09`. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * Where a record's latest revision stands. Whether visitors see anything is a
 * separate matter: a record has a live revision from its first approval until
 * it is unpublished or archived, whatever its latest revision's state.
 */
export const CONTENT_STATUSES = ['draft', 'in_review', 'changes_requested', 'rejected', 'published', 'unpublished', 'archived'] as const;
export const contentStatusSchema = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof contentStatusSchema>;

/** Fields every studio save carries for optimistic concurrency. */
export const versionSchema = z.number().int().min(1);

export const contentSlugSchema = slugSchema.max(120);

export const listQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: contentStatusSchema.optional(),
  kind: z.string().max(40).optional(),
  /** Language to show titles in. */
  lang: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Only these records (comma-separated ids, at most 100): a picker shows the chosen ones by title wherever they are in the list. */
  ids: z
    .preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(uuidSchema).min(1).max(100))
    .optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const countryScopedParamsSchema = z.strictObject({ countryId: uuidSchema });
export const countryScopedIdParamsSchema = z.strictObject({ countryId: uuidSchema, id: uuidSchema });

/** Public pages ignore query parameters they do not know (tracking tags and the like). */
export const publicLangQuerySchema = z.object({ lang: languageSchema.optional() });

/** Every language of a text a visitor may read, in its stored order: machine drafts never. */
export function approvedTexts(map: LocalizedText | undefined | null): { lang: ContentLanguage; text: string }[] {
  return (Object.entries(map ?? {}) as [ContentLanguage, LocalizedText[ContentLanguage]][]).flatMap(([lang, entry]) =>
    entry?.text && entry.status !== 'machine' ? [{ lang, text: entry.text }] : [],
  );
}

/** The fallback chain: asked language → country default → Russian → any; machine drafts never. */
export function resolveText(
  map: LocalizedText | undefined | null,
  asked: ContentLanguage,
  countryDefault: ContentLanguage,
): ResolvedText | null {
  if (!map) return null;
  const usable = (lang: ContentLanguage) => {
    const entry = map[lang];
    return entry && entry.status !== 'machine' ? entry : undefined;
  };
  const order: ContentLanguage[] = [asked, countryDefault, 'ru'];
  for (const lang of order) {
    const entry = usable(lang);
    if (entry) return { text: entry.text, lang, status: entry.status, fallback: lang !== asked };
  }
  for (const lang of Object.keys(map) as ContentLanguage[]) {
    const entry = usable(lang);
    if (entry) return { text: entry.text, lang, status: entry.status, fallback: lang !== asked };
  }
  return null;
}

/** A label for one reader along the same chain as resolveText: asked language → country default → Russian → any. */
export function resolveLabel(
  map: LocalizedLabel | undefined | null,
  asked: ContentLanguage,
  countryDefault: ContentLanguage,
): string | null {
  if (!map) return null;
  for (const lang of [asked, countryDefault, 'ru', ...Object.keys(map)] as ContentLanguage[]) {
    const text = map[lang];
    if (text) return text;
  }
  return null;
}
