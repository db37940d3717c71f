import { describe, expect, it } from 'vitest';
import { initialLanguage } from './i18n';
import { allTranslations, mergeTranslations } from './resources';

const [en, ru] = await Promise.all([allTranslations('en'), allTranslations('ru')]);

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function values(tree: object): unknown[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'object' && value !== null ? values(value) : [value]));
}

describe('UI translations', () => {
  it('have the same keys in Russian and English', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const value of [...values(ru), ...values(en)]) expect(String(value).trim()).not.toBe('');
  });

  it('use the same interpolation placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    const flat = (tree: object) => Object.fromEntries(keys(tree).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) as string]));
    const [ruFlat, enFlat] = [flat(ru), flat(en)];
    for (const key of Object.keys(ruFlat)) expect(placeholders(ruFlat[key]), key).toEqual(placeholders(enFlat[key]));
  });
});

describe('translation parts', () => {
  it('add keys beside the base and refuse to redefine one', () => {
    expect(mergeTranslations({ a: { b: 'x' } }, { a: { c: 'y' } })).toEqual({ a: { b: 'x', c: 'y' } });
    expect(() => mergeTranslations({ a: { b: 'x' } }, { a: { b: 'z' } })).toThrow('a.b');
  });
});

describe('initialLanguage', () => {
  it('prefers a saved choice, then the browser, then Russian', () => {
    expect(initialLanguage('en', ['ru-RU'])).toBe('en');
    expect(initialLanguage(null, ['kk-KZ', 'en-GB'])).toBe('en');
    expect(initialLanguage('de', ['fr'])).toBe('ru');
  });
});
