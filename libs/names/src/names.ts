import { deletionNeighbours, keyDistance } from './distance';
import { cleanText, tokenize, tokenKeys } from './fold';

/** Misspelling tolerance: edits (OSA distance) between a word's key and a name's key. */
export const MAX_EDITS = 1;

/**
 * Initials (Семёнов И. П., Semenov I.P.), as keys that never meet a folded word:
 * `^x` is the first letter of a whole word of the name, `^.x` an initial written in the name.
 * A typed initial matches either; a typed whole word also matches an initial written in the record,
 * but a typed whole word never matches another whole word by its first letter (Иван is not Игорь).
 */
const WORD_INITIAL = '^';
const RECORD_INITIAL = '^.';

/** Whether a key stands for an initial (a word's first letter), not for a word. */
export const isInitialKey = (key: string): boolean => key.startsWith(WORD_INITIAL);

/** True for a one-letter word: an initial. */
function isInitial(token: string): boolean {
  return [...token.replace(/\p{M}/gu, '')].length === 1;
}

function firstLetters(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => [...key][0]).filter(Boolean))];
}

/** One word of a query: its keys, its deletion neighbours, and whether it may go unmatched. */
export interface QueryToken {
  /** The word as typed (cleaned, lower-case). */
  text: string;
  /** Exact keys: one per reading of the word. */
  keys: string[];
  /** `keys` plus their deletion neighbours: match these against `nameKeys(name, { fuzzy: true })`. */
  fuzzyKeys: string[];
  /** A patronymic (a Turkic patronymic particle, a second initial): optional, a match only ranks higher. */
  optional: boolean;
}

export interface NameQuery {
  tokens: QueryToken[];
}

export interface NameMatch {
  /** Required words matched by an exact key. */
  exact: number;
  /** Required words matched only through a deletion neighbour (a misspelling). */
  fuzzy: number;
  /** Optional words (patronymics) that matched too. */
  optional: number;
}

/**
 * Patronymic endings on keys (ович/евич/owitsch/owicz → ovic/ovis; овна/евна → ovna; ична → icna /
 * ihna; Ильич → ilic) and Turkic patronymic words (улы, уулу, қызы, кызы, ўғли, оглы, o'g'li, qizi).
 */
const PATRONYMIC_KEY = /(?:[oe]vi[cs]|[oe]vna|i[csh]na|^ilic)$/;
const PATRONYMIC_PARTICLE = /^(?:uli|ulu|kisi|kiisi|ohli|uhli|ohlu|vhli)$/;
const JOINED_TURKIC_PATRONYMIC = /.{3,}(?:uli|ulu|kisi|ohli|uhli)$/;

function isPatronymic(keys: readonly string[]): boolean {
  return keys.some((key) => PATRONYMIC_KEY.test(key) || PATRONYMIC_PARTICLE.test(key) || JOINED_TURKIC_PATRONYMIC.test(key));
}

/**
 * Marks patronymic-looking words optional, but always leaves two words required: Лукашевич and
 * Гуринович are surnames that look like patronymics, so in "Виктор Лукашевич" both words count.
 * With several candidates, the second word (given, patronymic, surname) and then the last (surname,
 * given, patronymic) are the patronymic's usual places.
 */
function markPatronymics(tokens: QueryToken[], initials: readonly boolean[]): void {
  let allowed = tokens.length - 2;
  if (allowed <= 0) return;
  // The second of two initials is the patronymic's (И. П. Семёнов).
  const secondInitial = initials.findIndex((initial, i) => initial && initials.slice(0, i).some(Boolean));
  const candidates = tokens
    .map((token, position) => ({ token, position }))
    .filter(({ token, position }) => position === secondInitial || isPatronymic(token.keys));
  const rank = (position: number) => (position === 1 ? 0 : position === tokens.length - 1 ? 1 : position === 0 ? 3 : 2);
  for (const { token } of candidates.sort((a, b) => rank(a.position) - rank(b.position))) {
    if (allowed === 0) break;
    token.optional = true;
    allowed -= 1;
  }
}

export interface NameKeyOptions {
  /** Add each key's deletion neighbours, for misspelling-tolerant matching (a second column). */
  fuzzy?: boolean;
}

/**
 * Index-time keys of a person's name (any script, any order of surname, given names, patronymic):
 * the set of keys of all its words. Store it as `text[]` with a GIN index; a query word matches
 * when its keys overlap (`&&`). With `{ fuzzy: true }` the set also holds deletion neighbours.
 */
export function nameKeys(name: string, options: NameKeyOptions = {}): string[] {
  const keys = new Set<string>();
  for (const token of tokenize(cleanText(name))) {
    const tokenKeyList = tokenKeys(token);
    if (isInitial(token)) {
      for (const letter of firstLetters(tokenKeyList)) keys.add(RECORD_INITIAL + letter);
      continue;
    }
    for (const key of tokenKeyList) {
      keys.add(key);
      if (options.fuzzy) for (const neighbour of deletionNeighbours(key)) keys.add(neighbour);
    }
    for (const letter of firstLetters(tokenKeyList)) keys.add(WORD_INITIAL + letter);
  }
  return [...keys];
}

/** Query-time keys: per word, so that every required word must match (and patronymics may not). */
export function queryKeys(query: string): NameQuery {
  const tokens: QueryToken[] = [];
  const initials: boolean[] = [];
  for (const text of tokenize(cleanText(query))) {
    const folded = tokenKeys(text);
    if (folded.length === 0) continue;
    const letters = firstLetters(folded);
    if (isInitial(text)) {
      const keys = letters.flatMap((letter) => [WORD_INITIAL + letter, RECORD_INITIAL + letter]);
      tokens.push({ text, keys, fuzzyKeys: keys, optional: false });
      initials.push(true);
      continue;
    }
    const keys = [...folded, ...letters.map((letter) => RECORD_INITIAL + letter)];
    const fuzzy = new Set(keys);
    for (const key of folded) for (const neighbour of deletionNeighbours(key)) fuzzy.add(neighbour);
    tokens.push({ text, keys, fuzzyKeys: [...fuzzy], optional: false });
    initials.push(false);
  }
  markPatronymics(tokens, initials);
  return { tokens };
}

/**
 * Whether a name (its `nameKeys`, and optionally its fuzzy keys) answers a query: every required
 * word matches a key exactly, or through a deletion neighbour when `fuzzyKeys` are given. Returns
 * null when it does not. The same test, written in SQL, is one `&&` per required word.
 */
export function matchName(query: NameQuery, keys: readonly string[], fuzzyKeys?: readonly string[]): NameMatch | null {
  if (query.tokens.length === 0) return null;
  const exactSet = new Set(keys);
  const fuzzySet = fuzzyKeys ? new Set(fuzzyKeys) : null;
  const match: NameMatch = { exact: 0, fuzzy: 0, optional: 0 };
  for (const token of query.tokens) {
    const exact = token.keys.some((key) => exactSet.has(key));
    const fuzzy = !exact && fuzzySet !== null && token.fuzzyKeys.some((key) => fuzzySet.has(key)) && withinOneEdit(token.keys, keys);
    if (token.optional) {
      if (exact || fuzzy) match.optional += 1;
    } else if (exact) match.exact += 1;
    else if (fuzzy) match.fuzzy += 1;
    else return null;
  }
  return match;
}

/**
 * Confirms a candidate found through shared deletion neighbours: some reading of the word is within
 * one edit of some key of the name. Neighbours alone also pair keys two edits apart (ercov and ricov
 * share rcov), which is how Ершов would find Рыжов.
 */
function withinOneEdit(queryKeys: readonly string[], nameKeys: readonly string[]): boolean {
  const words = nameKeys.filter((key) => !isInitialKey(key));
  return queryKeys.some((query) => !isInitialKey(query) && words.some((key) => keyDistance(query, key, MAX_EDITS) <= MAX_EDITS));
}

/** Convenience for tests and in-memory callers: does `query` find `name`? */
export function nameMatches(query: string, name: string, options: { fuzzy?: boolean } = {}): boolean {
  const keys = nameKeys(name);
  return matchName(queryKeys(query), keys, options.fuzzy ? nameKeys(name, { fuzzy: true }) : undefined) !== null;
}
