/**
 * A small rule engine for writing a name under a romanisation scheme, used only to build the labelled
 * recall set. It shares no code with `@vitrina/names` (which folds spellings back): the schemes here
 * are written forwards, from their published tables, so the bench is not testing the folding against
 * itself.
 */
export interface Scheme {
  /** Shown in the bench's table. */
  name: string;
  /** Source-letter → output, the scheme's main table (lower case). */
  letters: Readonly<Record<string, string>>;
  /** Overrides at the start of a word. */
  initial?: Readonly<Record<string, string>>;
  /** Overrides after a vowel (or after ь / ъ, as BGN/PCGN reads them). */
  afterVowel?: Readonly<Record<string, string>>;
  /** Overrides after a consonant. */
  afterConsonant?: Readonly<Record<string, string>>;
  /** Rewrites of the source word before letters are mapped (endings, letter pairs); output may be Latin. */
  before?: ReadonlyArray<readonly [RegExp, string]>;
  /** Rewrites of the output (e.g. French -ine, GOST B cz before e/i/y/j). */
  after?: ReadonlyArray<readonly [RegExp, string]>;
  /** Passports print capitals. */
  upper?: boolean;
}

const VOWELS = new Set([...'аеёиоуыэюяіїєәөұүўաեէըիոօუაეიოuaeiouy']);
const SIGNS = new Set([...'ьъ']);

/** Writes one word of a name under `scheme`. */
export function transliterateWord(word: string, scheme: Scheme): string {
  let source = word.toLowerCase();
  for (const [pattern, replacement] of scheme.before ?? []) source = source.replace(pattern, replacement);
  const chars = [...source];
  let out = '';
  chars.forEach((ch, i) => {
    const previous = chars[i - 1];
    const context =
      i === 0 ? scheme.initial : previous !== undefined && (VOWELS.has(previous) || SIGNS.has(previous)) ? scheme.afterVowel : scheme.afterConsonant;
    out += context?.[ch] ?? scheme.letters[ch] ?? ch;
  });
  for (const [pattern, replacement] of scheme.after ?? []) out = out.replace(pattern, replacement);
  out = out.normalize('NFC');
  if (scheme.upper) return out.toUpperCase();
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Writes a whole name (words separated by spaces or hyphens) under `scheme`. */
export function transliterate(name: string, scheme: Scheme): string {
  return name
    .split(/(\s+|-)/)
    .map((part) => (/^(\s+|-)$/.test(part) || part === '' ? part : transliterateWord(part, scheme)))
    .join('');
}
