import { BadRequestException } from '@nestjs/common';
import { CONTENT_LANGUAGES, TRANSLATION_STATUSES } from '@vitrina/contracts';

const LANGUAGE_CODES = new Set<string>(CONTENT_LANGUAGES);
const STATUSES = new Set<string>(TRANSLATION_STATUSES);

function isLocalizedEntry(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const entry = value as { text?: unknown; status?: unknown };
  return typeof entry.text === 'string' && typeof entry.status === 'string' && STATUSES.has(entry.status);
}

/** A language map is an object whose every key is a language and every value a `{ text, status }`. */
export function isLanguageMap(value: object): boolean {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, entry]) => LANGUAGE_CODES.has(key) && isLocalizedEntry(entry));
}

/** A map of short labels (tags, ranks: `localizedLabel` in the contracts): every key a language, every value a string. */
export function isLabelMap(value: object): boolean {
  const entries = Object.entries(value);
  return !Array.isArray(value) && entries.length > 0 && entries.every(([key, entry]) => LANGUAGE_CODES.has(key) && typeof entry === 'string');
}

/** Every language used by the texts and labels of a validated document, with the path where it is used. */
export function languagesUsed(document: unknown, path = ''): { lang: string; path: string }[] {
  if (!document || typeof document !== 'object') return [];
  if (!Array.isArray(document) && (isLanguageMap(document) || isLabelMap(document))) {
    return Object.keys(document).map((lang) => ({ lang, path }));
  }
  return Object.entries(document).flatMap(([key, value]) => languagesUsed(value, path ? `${path}.${key}` : key));
}

/** Texts may only be written in the languages the country has enabled. */
export function assertLanguagesEnabled(document: unknown, enabled: readonly string[]): void {
  const offending = languagesUsed(document).filter(({ lang }) => !enabled.includes(lang));
  if (offending.length === 0) return;
  const list = offending.map(({ lang, path }) => `${path}.${lang}`).join(', ');
  throw new BadRequestException(
    `Languages not enabled for this country: ${list} (enabled: ${enabled.join(', ')})`,
  );
}
