import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_READINGS, MAX_TOKENS, nameKeys, nameMatches, placeKeys, queryKeys } from './index';

const BAD_INPUTS: unknown[] = [
  '',
  '   ',
  '\u0000',
  'Сем\u0000ёнов',
  '\uD800',
  'abc\uDC00def',
  '\uD83D\uDE00 Семёнов',
  'Semёnov Ивaн', // Latin e inside Cyrillic, Cyrillic ё inside Latin
  'Ｓｅｍｅｎｏｖ',
  '---',
  "''''",
  'ьъ',
  'x'.repeat(100_000),
  'ч '.repeat(10_000),
  'jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj',
  'chchchchchchchchchchchchchchchchchchchch',
  null,
  undefined,
  42,
  {},
];

describe('bad input never throws', () => {
  it.each(BAD_INPUTS.map((input) => [input]))('%#', (input) => {
    const text = input as string;
    expect(Array.isArray(nameKeys(text))).toBe(true);
    expect(Array.isArray(nameKeys(text, { fuzzy: true }))).toBe(true);
    expect(Array.isArray(queryKeys(text).tokens)).toBe(true);
    expect(Array.isArray(placeKeys(text))).toBe(true);
    expect(typeof nameMatches(text, text)).toBe('boolean');
  });

  it('empty and punctuation-only queries find nothing', () => {
    expect(nameMatches('', 'Семёнов')).toBe(false);
    expect(nameMatches('---', 'Семёнов')).toBe(false);
    expect(nameKeys('\u0000')).toEqual([]);
  });

  it('bounds the keys of a very long or very ambiguous input', () => {
    expect(queryKeys('ч '.repeat(10_000)).tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
    expect(nameKeys('chchchchchchchchchchchchchchchchchchchch').length).toBeLessThanOrEqual(MAX_READINGS);
  });

  it('keys are well-formed strings for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const key of [...nameKeys(text, { fuzzy: true }), ...placeKeys(text)]) {
          expect(key.length).toBeGreaterThan(0);
          expect(key.includes(String.fromCharCode(0))).toBe(false);
          expect(key).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fullwidth letters read as plain ones', () => {
    expect(nameMatches('Ｓｅｍｅｎｏｖ', 'Семёнов')).toBe(true);
  });

  it('mixed scripts in one word still meet the pure spelling', () => {
    expect(nameMatches('Семёнoв', 'Semenov')).toBe(true); // Latin o inside Cyrillic
  });
});
