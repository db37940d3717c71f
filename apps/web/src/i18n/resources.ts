import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

// Features keep their sentences in parts (`parts/<feature>.<lang>.json`) beside the base files, so work
// on separate features never edits one file; each part adds keys and must not redefine a base key.
const PARTS = import.meta.glob<Tree>('./parts/*.json', { eager: true, import: 'default' });

/** `into` with every key of `part` added; a key both define is a mistake, named in the error. */
export function mergeTranslations(into: Tree, part: Tree, where = ''): Tree {
  const merged: Tree = { ...into };
  for (const [key, value] of Object.entries(part)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') merged[key] = mergeTranslations(existing, value, `${where}${key}.`);
    else throw new Error(`translation key ${where}${key} is defined twice`);
  }
  return merged;
}

function withParts(base: Tree, lang: string): Tree {
  return Object.entries(PARTS)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .sort(([a], [b]) => a.localeCompare(b))
    .reduce((tree, [, part]) => mergeTranslations(tree, part), base);
}

/** Every UI sentence, per UI language. */
export const translations = { en: withParts(en, 'en') as typeof en, ru: withParts(ru, 'ru') as typeof ru };
