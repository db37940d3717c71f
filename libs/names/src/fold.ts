import { ARMENIAN, ARMENIAN_DIGRAPHS, CYRILLIC, GEORGIAN, LATIN, LATIN_LONGEST } from './letters';
import { skeleton } from './skeleton';

/** Longest input read, in UTF-16 units: a name or a place is far shorter; the rest is ignored. */
export const MAX_INPUT_LENGTH = 400;
/** Tokens read from one input (surname, given names, patronymic, particles). */
export const MAX_TOKENS = 8;
/** Letters read from one token. */
export const MAX_TOKEN_LENGTH = 40;
/** Readings kept for one token when ambiguous Latin graphemes multiply (ch, j, c, x…). */
export const MAX_READINGS = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Apostrophes, primes and quotes: soft/hard signs (ISO 9, BGN), Uzbek o' g', Armenian aspirates. */
const APOSTROPHE = /['`´ʹʺʻʼʽ’‘″′"“”]/;
const MARKS = /\p{M}/gu;
const MARK = /\p{M}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const FRONT_VOWEL = /[eiyéèï]/;
const HUSHER_TS_OR_L = /[жшчщцл]/;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}]+$/u;
const FRENCH_INE = /[iy]ne$/;

/**
 * Makes any string safe to read: drops lone surrogates, NUL and other control or format characters,
 * caps the length, composes (NFKC) and lower-cases. Never throws.
 */
export function cleanText(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input
    .slice(0, MAX_INPUT_LENGTH)
    .replace(LONE_SURROGATE, '')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    // NFKC: fullwidth and other compatibility forms (Ｓｅｍｅｎｏｖ, ﬁ) become plain letters.
    .normalize('NFKC')
    .toLowerCase();
}

/** Splits cleaned text into word tokens (hyphens, spaces, punctuation and digits separate them). */
export function tokenize(clean: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const ch of clean) {
    // An apostrophe is dropped and the word goes on: Il'ich, Oʻktam, Pod"yachev, Pod``yachev
    // (checked first: ʹ ʺ ʻ ʼ are modifier letters).
    if (APOSTROPHE.test(ch)) continue;
    if (LETTER_OR_MARK.test(ch)) current += ch;
    else if (current) {
      tokens.push(current);
      current = '';
      if (tokens.length >= MAX_TOKENS) break;
    }
  }
  if (current && tokens.length < MAX_TOKENS) tokens.push(current);
  return tokens.map((token) => [...token].slice(0, MAX_TOKEN_LENGTH).join(''));
}

/** A Latin letter with marks the table does not know loses them (g̀ → g, ṙ → r); other scripts stay. */
function normaliseLetter(ch: string): string {
  if (ch in LATIN || ch in CYRILLIC || ch in ARMENIAN || ch in GEORGIAN) return ch;
  const base = ch.normalize('NFD').replace(MARKS, '');
  return base.length > 0 ? base : '';
}

/** The readings of one token in the pre-skeleton alphabet, each a list of alternatives per segment. */
function segments(token: string): string[][] {
  const letters = [...token].filter((ch) => !MARK.test(ch)).map(normaliseLetter).join('');
  const chars = [...letters];
  const out: string[][] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i];
    const two = ch + (chars[i + 1] ?? '');
    if (two in ARMENIAN_DIGRAPHS) {
      out.push(ARMENIAN_DIGRAPHS[two].split('|'));
      i += 2;
      continue;
    }
    // ё after a husher, ц or л is written o as often as yo / e (Чернышёв: Tschernyschow, Chernyshev).
    if (ch === 'ё' && HUSHER_TS_OR_L.test(chars[i - 1] ?? '')) {
      out.push(['io', 'o']);
      i += 1;
      continue;
    }
    const single = CYRILLIC[ch] ?? ARMENIAN[ch] ?? GEORGIAN[ch];
    if (single !== undefined) {
      out.push(single.split('|'));
      i += 1;
      continue;
    }
    // French gu before e/i/y is г (Evguenii, Sergueï); elsewhere g + u.
    if (ch === 'g' && chars[i + 1] === 'u' && FRONT_VOWEL.test(chars[i + 2] ?? '')) {
      out.push(['h', 'hu']);
      i += 2;
      continue;
    }
    let matched = false;
    for (let length = Math.min(LATIN_LONGEST, chars.length - i); length >= 1; length -= 1) {
      const grapheme = chars.slice(i, i + length).join('');
      const reading = LATIN[grapheme];
      if (reading !== undefined) {
        out.push(reading.split('|'));
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      // A letter of another script (Greek, CJK…): kept as itself, so same-script spellings still meet.
      out.push([ch]);
      i += 1;
    }
  }
  return out;
}

function expand(parts: string[][]): string[] {
  let readings = [''];
  for (const alternatives of parts) {
    const next: string[] = [];
    for (const prefix of readings) {
      for (const alternative of alternatives) {
        if (next.length >= MAX_READINGS) break;
        next.push(prefix + alternative);
      }
    }
    readings = [...new Set(next)];
  }
  return readings;
}

/** True when the token is written in the Latin script (the French -ine ending applies only there). */
function isLatin(token: string): boolean {
  return LATIN_WORD.test(token);
}

/**
 * The matching keys of one token: every reading of its letters folded to a skeleton. Cyrillic,
 * Armenian and Georgian tokens have one reading unless a letter is ambiguous (ў, ң); Latin tokens
 * have one per reading of ambiguous graphemes (`ch`, `j`, `c`, `x`).
 */
export function tokenKeys(token: string): string[] {
  const cached = cache.get(token);
  if (cached) return [...cached];
  const keys = computeTokenKeys(token);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(token, keys);
  return [...keys];
}

/**
 * Words repeat heavily across a register (Иван, Петрович, Семёнов), so indexing millions of people
 * folds each distinct word once. Bounded: cleared whole when full, which is cheap and good enough.
 */
const CACHE_SIZE = 50_000;
const cache = new Map<string, readonly string[]>();

function computeTokenKeys(token: string): string[] {
  const variants = [token];
  // French writes -ин as -ine (Chtchoukine, Pouchkine): the e is not a letter of the name.
  if (isLatin(token) && FRENCH_INE.test(token)) variants.push(token.slice(0, -1));
  const keys = new Set<string>();
  for (const variant of variants) {
    for (const reading of expand(segments(variant))) {
      const key = skeleton(reading);
      if (key) keys.add(key);
    }
  }
  return [...keys].slice(0, MAX_READINGS);
}
