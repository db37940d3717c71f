import { describe, expect, it } from 'vitest';
import {
  answerSchemaOf,
  apiRoutes,
  createCountrySchema,
  createUserSchema,
  dateRangeSchema,
  itemInputSchema,
  languageMapSchema,
  localizedTagSchema,
  loginRequestSchema,
  memorialInputSchema,
  personInputSchema,
  publicMemorialPointsSchema,
  resolveLabel,
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

describe('visitor-facing short texts per language', () => {
  it('takes a tag in any known language, Kazakh letters included, trimmed', () => {
    expect(localizedTagSchema.parse({ kk: ' Ұлы Отан соғысы ', ru: 'Великая Отечественная война', en: 'Great Patriotic War' })).toEqual({
      kk: 'Ұлы Отан соғысы',
      ru: 'Великая Отечественная война',
      en: 'Great Patriotic War',
    });
    expect(localizedTagSchema.parse({ kk: 'әғқңөұүһі' })).toEqual({ kk: 'әғқңөұүһі' });
  });

  it('refuses an empty tag, a tag of no language, a language the platform does not know, and a tag as a bare string', () => {
    expect(localizedTagSchema.safeParse({ ru: '   ' }).success).toBe(false);
    expect(localizedTagSchema.safeParse({}).success).toBe(false);
    expect(localizedTagSchema.safeParse({ xx: 'Nowhere' }).success).toBe(false);
    expect(localizedTagSchema.safeParse({ en: 'x'.repeat(61) }).success).toBe(false);
    const item = { slug: 'flask', kind: 'artefact', title: { ru: { text: 'Фляга' } } };
    expect(itemInputSchema.safeParse({ ...item, tags: [{ ru: 'тыл', en: 'home front' }] }).success).toBe(true);
    const bare = itemInputSchema.safeParse({ ...item, tags: ['тыл'] });
    expect(bare.error?.issues[0].path).toEqual(['tags', 0]);
  });

  it('gives a person a rank per language, refuses an empty one, and memorials no longer carry people', () => {
    const memorial = { slug: 'obelisk', kind: 'obelisk', title: { ru: { text: 'Обелиск' } }, location: { lat: 43.2, lng: 76.9 } };
    const person = { slug: 'kasymov', name: 'Қасымов Ермек', title: { kk: { text: 'Қасымов Ермек' } }, unit: 'стрелковый полк' };
    const parsed = personInputSchema.parse({ ...person, rank: { ru: 'лейтенант', en: 'Lieutenant', kk: 'лейтенант' } });
    expect(parsed.rank).toEqual({ ru: 'лейтенант', en: 'Lieutenant', kk: 'лейтенант' });
    expect(personInputSchema.safeParse({ ...person, rank: {} }).success).toBe(false);
    expect(personInputSchema.safeParse({ ...person, rank: 'лейтенант' }).success).toBe(false);
    expect(memorialInputSchema.safeParse({ ...memorial, people: [{ name: 'Қасымов Ермек' }] }).success).toBe(false);
  });

  it('resolves a label along the same chain as a text: asked, country default, Russian, any', () => {
    const tag = { kk: 'Тыл', ru: 'Тыл (рус.)', en: 'Home front' };
    expect(resolveLabel(tag, 'en', 'kk')).toBe('Home front');
    expect(resolveLabel(tag, 'hy', 'kk')).toBe('Тыл');
    expect(resolveLabel({ ru: 'Тыл', en: 'Home front' }, 'hy', 'kk')).toBe('Тыл');
    expect(resolveLabel({ hy: 'Թիկունք' }, 'en', 'kk')).toBe('Թիկունք');
    expect(resolveLabel(undefined, 'en', 'kk')).toBeNull();
  });
});

describe('dateRangeSchema', () => {
  it('marks approximate dates and still refuses an earliest year after the latest', () => {
    expect(dateRangeSchema.parse({ earliest: 1920, latest: 1925, circa: true })).toEqual({ earliest: 1920, latest: 1925, circa: true });
    expect(dateRangeSchema.safeParse({ earliest: 1920, circa: 'yes' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ earliest: 1930, latest: 1925, circa: true }).error?.issues[0].path).toEqual(['latest']);
  });
});

describe('the memorial points of a country page', () => {
  it('are asked for apart from the page, and checked against their schema', () => {
    const endpoint = apiRoutes.public.memorialPoints('kazakhstan', { lang: 'en' });
    expect(endpoint.path).toBe('/api/public/countries/kazakhstan/memorial-points?lang=en');
    expect(answerSchemaOf(endpoint.path)).toBe(publicMemorialPointsSchema);
    const title = { text: 'Glory Memorial', lang: 'en', status: 'original', fallback: false };
    const point = { type: 'memorial', id: '2', slug: 'glory-memorial', title, location: { lat: 43.2, lng: 76.9 }, kind: 'monument', condition: null };
    expect(publicMemorialPointsSchema.safeParse({ items: [point] }).success).toBe(true);
    expect(publicMemorialPointsSchema.safeParse({ items: [{ ...point, condition: 'ruined' }] }).success).toBe(false);
    expect(publicMemorialPointsSchema.safeParse([point]).success).toBe(false);
  });
});
