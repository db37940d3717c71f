import { safeString } from './text';
import { z } from './zod';

/**
 * Languages the platform knows how to store content in (ISO 639-1).
 * A country enables a subset of these; UI translations exist for `UI_LANGUAGES` (in constants.ts).
 */
export const CONTENT_LANGUAGES = [
  'ru', 'en', 'ab', 'hy', 'az', 'be', 'ka', 'kk', 'ky', 'ro', 'tg', 'uz', 'uk', 'os',
] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const languageSchema = z.enum(CONTENT_LANGUAGES, {
  error: () => `must be one of: ${CONTENT_LANGUAGES.join(', ')}`,
});

/** A text per language, e.g. `{ "ru": "Казахстан", "en": "Kazakhstan" }`. */
export const languageMapSchema = z
  .partialRecord(languageSchema, safeString().trim().min(1).max(500))
  .refine((map) => Object.keys(map).length > 0, 'must hold at least one language');
export type LanguageMap = z.infer<typeof languageMapSchema>;
