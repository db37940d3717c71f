import en from './en.json';
import ru from './ru.json';

export type TranslationTree = { [key: string]: string | TranslationTree };

/**
 * The base files hold what visitors read; staff pages' sentences live in
 * parts (`parts/<feature>.<lang>.json`), loaded with those pages so no
 * visitor downloads them, and so work on separate features never edits one
 * file. A part adds keys and must not redefine a key.
 */
const PARTS = import.meta.glob<TranslationTree>('./parts/*.json', { import: 'default' });

/** `into` with every key of `part` added; a key both define is a mistake, named in the error. */
export function mergeTranslations(into: TranslationTree, part: TranslationTree, where = ''): TranslationTree {
  const merged: TranslationTree = { ...into };
  for (const [key, value] of Object.entries(part)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') merged[key] = mergeTranslations(existing, value, `${where}${key}.`);
    else throw new Error(`translation key ${where}${key} is defined twice`);
  }
  return merged;
}

/** What visitors read, per UI language. */
export const visitorTranslations = { en: en as TranslationTree, ru: ru as TranslationTree };

/** Every part of one UI language, merged in a fixed order. */
export async function staffParts(lang: string): Promise<TranslationTree> {
  const paths = Object.keys(PARTS)
    .filter((path) => path.endsWith(`.${lang}.json`))
    .sort();
  const parts = await Promise.all(paths.map((path) => PARTS[path]()));
  return parts.reduce<TranslationTree>((tree, part) => mergeTranslations(tree, part), {});
}

/** Every UI sentence of a language, the base and all parts (for checks of the whole set). */
export async function allTranslations(lang: 'en' | 'ru'): Promise<TranslationTree> {
  return mergeTranslations(visitorTranslations[lang], await staffParts(lang));
}
