import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

interface Hit {
  slug: string;
  name: string;
  match: 'exact' | 'fuzzy';
  rank: string | null;
  memorial: { slug: string; place: { text: string } | null; plot: string | null } | null;
}

/** Find a person (issue 14, items 4–5): names as families spell them, and the filters a family narrows by. */
describe('person search: names as families spell them', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let memorial: { id: string; slug: string };
  let n = 0;

  async function publish(collection: 'memorials' | 'people', document: object): Promise<{ id: string; slug: string }> {
    const created = await as.curatorKz.post(`/api/studio/countries/${kz}/${collection}`, { slug: `ps-${++n}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await as.curatorKz.post(`/api/studio/countries/${kz}/${collection}/${created.body.id}/submit`, { version: 1 }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/${collection}/${created.body.id}/approve`, { revision: 1 }).expect(204);
    return created.body;
  }
  const person = (slug: string, name: string, extra: object = {}) =>
    publish('people', { slug, name, title: { ru: text(name) }, memorials: [{ memorialId: memorial.id, role: 'burial', plot: 'ряд 2' }], ...extra });

  const find = async (query: Record<string, string>) => {
    const response = await as.anonymous.get(`/api/public/search/people?${new URLSearchParams({ limit: '50', ...query })}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { items: Hit[]; total: number; capped: boolean; facets: Record<string, { value: string; count: number }[]>; next: number | null };
  };
  const slugs = async (query: Record<string, string>) => (await find(query)).items.map((hit) => hit.slug);

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    memorial = await publish('memorials', {
      kind: 'obelisk',
      title: { ru: text('Братская могила в парке') },
      rights: CC_BY,
      location: { lat: 43.2, lng: 76.9 },
      address: { ru: text('Алматы, парк Победы') },
    });
    await person('semenov-ivan', 'Семёнов Иван Петрович', {
      birth: { date: '1915' },
      death: { date: '1943-07-12' },
      fate: 'killed',
      rank: { ru: 'сержант', en: 'Sergeant' },
      unit: '316-я стрелковая дивизия',
      placeOfBirth: { ru: text('г. Алма-Ата') },
    });
    await person('zhumabek-kz', 'Жұмабек Оспанов', { death: { date: '1942' }, fate: 'missing', rank: { ru: 'рядовой', en: 'Private' } });
    await person('zhumabek-ru', 'Жумабек Сарсенов', { death: { date: '1944' }, fate: 'died-of-wounds' });
    await person('belousov-latin', 'Belousov Nikolai', { death: { date: '1941' } });
    await person('ryzhov', 'Рыжов Андрей', { death: { date: '1942' } });
    await person('lopatin', 'Лопатин Олег', { death: { date: '1942' } });
    await person('lopatina', 'Лопатина Ольга', { death: { date: '1945' } });
  });

  afterAll(() => testApp?.close());

  it('finds the issue\u2019s four spellings: Semenov and Siemionow → Семёнов, Jumabek → Жумабек, Zhumabek → Жұмабек', async () => {
    expect(await slugs({ q: 'Semenov' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Siemionow' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Semjonow Iwan' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Jumabek' })).toContain('zhumabek-ru');
    expect(await slugs({ q: 'Zhumabek' })).toContain('zhumabek-kz');
    // ё/е both ways.
    expect(await slugs({ q: 'Семенов' })).toContain('semenov-ivan');
    const hit = (await find({ q: 'Semenov Ivan', lang: 'en' })).items.find((item) => item.slug === 'semenov-ivan')!;
    expect(hit).toMatchObject({ name: 'Семёнов Иван Петрович', match: 'exact', rank: 'Sergeant', memorial: { slug: memorial.slug, plot: 'ряд 2', place: { text: 'Алматы, парк Победы' } } });
  });

  it('finds a Latin-spelt person by a Cyrillic query, and a name misspelt by one letter, exact matches first', async () => {
    expect(await slugs({ q: 'Белоусов' })).toContain('belousov-latin');
    expect(await slugs({ q: 'Николай Белоусов' })).toContain('belousov-latin');
    const misspelt = (await find({ q: 'Белоусав' })).items.find((item) => item.slug === 'belousov-latin');
    expect(misspelt?.match).toBe('fuzzy');
    expect(await slugs({ q: 'Семёнав Иван' })).toContain('semenov-ivan');
    // Лопатин is exact for one, a letter away for the other: the exact one first.
    const lopatin = await slugs({ q: 'Лопатин' });
    expect(lopatin.filter((slug) => slug.startsWith('lopatin'))).toEqual(['lopatin', 'lopatina']);
  });

  it('does not take two edits for one: Ершов does not find Рыжов', async () => {
    expect(await slugs({ q: 'Ершов' })).not.toContain('ryzhov');
    expect(await slugs({ q: 'Рыжов' })).toContain('ryzhov');
    expect(await slugs({ q: 'Андрей Ершов' })).not.toContain('ryzhov');
  });

  it('leaves the patronymic optional, and a wrong given name out', async () => {
    expect(await slugs({ q: 'Иван Семёнов' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Семёнов Иван Петрович' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Semenov Ivan Petrovich' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Семёнов Иван Сергеевич' })).toContain('semenov-ivan');
    expect(await slugs({ q: 'Семёнов Ерлан' })).not.toContain('semenov-ivan');
  });

  it('narrows by rank, unit, fate, years, decade and place (Алматы finds Алма-Ата), with facets counted without their own filter', async () => {
    const q = { q: 'Семенов' };
    expect(await slugs({ ...q, rank: 'Sergeant' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, rank: 'СЕРЖАНТ' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, rank: 'рядовой' })).toEqual([]);
    expect(await slugs({ ...q, unit: '316' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, unit: 'СТРЕЛКОВАЯ дивизия' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, unit: '%' })).toEqual([]);
    expect(await slugs({ ...q, fate: 'killed', unit: '316' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, fate: 'missing', unit: '316' })).toEqual([]);
    expect(await slugs({ ...q, yearFrom: '1940', yearTo: '1945', unit: '316' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, yearFrom: '1944', unit: '316' })).toEqual([]);
    expect(await slugs({ ...q, yearTo: '1914', unit: '316' })).toEqual([]);
    expect(await slugs({ ...q, decade: '1940', unit: '316' })).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, decade: '1950', unit: '316' })).toEqual([]);
    for (const place of ['Алматы', 'Almaty', 'Верный', 'Алма-Ата']) expect(await slugs({ ...q, place, unit: '316' }), place).toEqual(['semenov-ivan']);
    expect(await slugs({ ...q, place: 'Ташкент', unit: '316' })).toEqual([]);

    const both = await find({ q: 'Жумабек', fate: 'missing', lang: 'en' });
    expect(both.items.map((hit) => hit.slug)).toContain('zhumabek-kz');
    expect(both.items.map((hit) => hit.slug)).not.toContain('zhumabek-ru');
    // The fate facet is counted without the fate filter: the other fate stays visible.
    expect(both.facets.fate).toEqual(expect.arrayContaining([{ value: 'missing', count: 1 }, { value: 'died-of-wounds', count: 1 }]));
    expect(both.facets.rank).toEqual([{ value: 'Private', count: 1 }]);
    expect(both.facets.country).toEqual([{ value: 'kazakhstan', count: both.total }]);
    expect(await slugs({ q: 'Жумабек', country: 'armenia' })).toEqual([]);
  });

  it('lets the general search find people by their name keys too, exactly (no misspellings there)', async () => {
    const general = async (q: string) =>
      ((await as.anonymous.get(`/api/public/search?${new URLSearchParams({ q, type: 'person', limit: '50' })}`).expect(200)).body.items as { slug: string }[]).map((hit) => hit.slug);
    expect(await general('Siemionow Iwan')).toContain('semenov-ivan');
    expect(await general('Zhumabek')).toContain('zhumabek-kz');
    expect(await general('Белоусов')).toContain('belousov-latin');
    expect(await general('Ершов')).not.toContain('ryzhov');
  });

  it('pages by offset', async () => {
    const all = await find({ q: 'Жумабек' });
    expect(all.total).toBeGreaterThanOrEqual(2);
    const first = await find({ q: 'Жумабек', limit: '1' });
    expect(first.items).toHaveLength(1);
    expect(first.next).toBe(1);
    const second = await find({ q: 'Жумабек', limit: '1', offset: '1' });
    expect(second.items[0].slug).not.toBe(first.items[0].slug);
  });

  it('answers bad input with 400 or nothing found, never 500', async () => {
    for (const bad of ['%00', '%ED%A0%80', '%ED%B0%80', 'a'.repeat(201), '', '%20%20']) {
      const response = await as.anonymous.get(`/api/public/search/people?q=${bad}`);
      expect(response.status, bad.slice(0, 20)).toBe(400);
    }
    const badQueries: Record<string, string>[] = [{ q: 'x', yearFrom: '1950', yearTo: '1940' }, { q: 'x', offset: '5000' }, { q: 'x', fate: 'deserted' }, { q: 'x', place: 'a'.repeat(201) }, { q: 'x', decade: '1945' }];
    for (const query of badQueries) {
      const response = await as.anonymous.get(`/api/public/search/people?${new URLSearchParams(query)}`);
      expect(response.status, JSON.stringify(query)).toBe(400);
    }
    for (const q of ['!!! ???', '%_\\\'"', 'Семёнов '.repeat(24).trim(), 'ｓｅｍｅｎｏｖ', '\u0007\u001b', 'Sem\u0301enov']) {
      const body = await find({ q });
      expect(Array.isArray(body.items), q).toBe(true);
    }
    expect((await find({ q: '!!! ???' })).total).toBe(0);
    expect(await slugs({ q: 'ｓｅｍｅｎｏｖ' })).toContain('semenov-ivan');
  });
});
