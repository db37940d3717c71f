import { describe, expect, it } from 'vitest';
import {
  createCountrySchema,
  createUserSchema,
  languageMapSchema,
  loginRequestSchema,
  resolveText,
  updateCountrySchema,
} from './index';

describe('contracts', () => {
  it('accepts a language map of known languages and refuses unknown or empty ones', () => {
    expect(languageMapSchema.parse({ ru: 'Казахстан', kk: 'Қазақстан' })).toEqual({ ru: 'Казахстан', kk: 'Қазақстан' });
    expect(languageMapSchema.safeParse({ xx: 'Nowhere' }).success).toBe(false);
    expect(languageMapSchema.safeParse({}).success).toBe(false);
    expect(languageMapSchema.safeParse({ en: '   ' }).success).toBe(false);
  });

  it('requires a country default language among its enabled languages', () => {
    const base = { slug: 'kazakhstan', names: { ru: 'Казахстан' }, languages: ['kk', 'ru'] };
    expect(createCountrySchema.safeParse({ ...base, defaultLanguage: 'kk' }).success).toBe(true);
    const wrong = createCountrySchema.safeParse({ ...base, defaultLanguage: 'en' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0].path).toEqual(['defaultLanguage']);
    expect(updateCountrySchema.safeParse({}).success).toBe(false);
  });

  it('rejects unknown fields rather than ignoring them', () => {
    expect(loginRequestSchema.safeParse({ email: 'a@b.c', password: 'x', admin: true }).success).toBe(false);
  });

  it('normalises emails to lower case and enforces password length', () => {
    const parsed = createUserSchema.parse({ email: 'Ann@Example.ORG', displayName: 'Ann', password: 'long-enough-1' });
    expect(parsed).toMatchObject({ email: 'ann@example.org', isAdmin: false });
    expect(createUserSchema.safeParse({ email: 'ann@example.org', displayName: 'Ann', password: 'short' }).success).toBe(false);
  });

  it('refuses country slugs that collide with the site’s own pages', () => {
    const result = createCountrySchema.safeParse({ slug: 'admin', names: { en: 'X' }, defaultLanguage: 'en', languages: ['en'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('reserved');
  });

  it('refuses slugs that are not clean URL segments', () => {
    for (const slug of ['Kazakhstan', 'south_ossetia', '-x', 'a--b', 'a']) {
      expect(createCountrySchema.safeParse({ slug, names: { en: 'X' }, defaultLanguage: 'en', languages: ['en'] }).success, slug).toBe(false);
    }
  });
});

describe('resolveText', () => {
  const map = {
    kk: { text: 'Сурет', status: 'original' as const },
    ru: { text: 'Фотография', status: 'translated' as const },
    en: { text: 'Photo', status: 'machine' as const },
  };

  it('follows asked language, country default, Russian, then any, never a machine draft', () => {
    expect(resolveText(map, 'ru', 'kk')).toEqual({ text: 'Фотография', lang: 'ru', status: 'translated', fallback: false });
    expect(resolveText(map, 'en', 'kk')).toEqual({ text: 'Сурет', lang: 'kk', status: 'original', fallback: true });
    expect(resolveText({ ru: map.ru }, 'en', 'kk')).toMatchObject({ lang: 'ru', fallback: true });
    expect(resolveText({ hy: { text: 'Լուսանկար', status: 'original' } }, 'en', 'kk')).toMatchObject({ lang: 'hy' });
    expect(resolveText({ en: map.en }, 'en', 'kk')).toBeNull();
    expect(resolveText(undefined, 'en', 'kk')).toBeNull();
  });
});
