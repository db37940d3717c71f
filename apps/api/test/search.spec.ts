import { MATCH_CAP } from '../src/modules/search/search-query';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const MARK = /\uE000|\uE001/g;

describe('search', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let n = 0;

  async function publish(countryId: string, collection: 'items' | 'memorials', document: object, moderator = as.moderatorKz, curator = as.curatorKz) {
    const created = await curator.post(`/api/studio/countries/${countryId}/${collection}`, { slug: `s-${++n}`, rights: CC_BY, ...document }).expect(201);
    await curator.post(`/api/studio/countries/${countryId}/${collection}/${created.body.id}/submit`, { version: 1 }).expect(204);
    await moderator.post(`/api/review/countries/${countryId}/${collection}/${created.body.id}/approve`, { revision: 1 }).expect(204);
    return created.body as { id: string; slug: string };
  }
  const search = async (query: string) => (await as.anonymous.get(`/api/public/search?${query}`).expect(200)).body;
  const ids = (body: { items: { id: string }[] }) => body.items.map((hit) => hit.id);

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('finds the demo museum from the start: the index is built from what is live', async () => {
    const body = await search('q=flask&lang=en');
    expect(body.items.map((hit: { slug: string }) => hit.slug)).toContain('field-flask');
  });

  it('stems Russian and English, and highlights what matched', async () => {
    const monument = await publish(kz, 'items', {
      kind: 'artefact',
      title: { ru: text('Памятник героям войны'), en: text('A monument to the heroes', 'translated') },
      description: { ru: text('Бронзовый памятник у школы.'), en: text('Soldiers wrote letters home from the front.', 'translated') },
    });
    expect(ids(await search('q=памятники&lang=ru'))).toContain(monument.id);
    expect(ids(await search('q=памятника&lang=ru'))).toContain(monument.id);
    const english = await search('q=letter&lang=en');
    expect(ids(english)).toContain(monument.id);
    const hit = english.items.find((item: { id: string }) => item.id === monument.id);
    expect(hit.snippet).toContain('\uE000letters\uE001');
    expect(hit.snippet.replace(MARK, '')).toContain('Soldiers wrote letters home');
    expect(hit.title.text).toBe('A monument to the heroes');
  });

  it('finds people named on memorials by recorded variants and by misspelt surnames', async () => {
    const memorial = await publish(kz, 'memorials', {
      kind: 'obelisk',
      title: { ru: text('Обелиск в селе Талды') },
      location: { lat: 43.1, lng: 76.8 },
      conditionSurveys: [{ date: '2021-05-01', condition: 'fair' }],
      people: [
        { name: 'Иванов Пётр Семёнович', variants: ['Ivanov Pyotr', 'Іваноў Пятро'], deathYear: 1942 },
        { name: 'Жумабаев Нурлан', variants: ['Zhumabayev Nurlan'], deathYear: 1943 },
        { name: 'Сидоренко Иван Павлович', variants: [], deathYear: 1944 },
      ],
    });
    for (const q of ['Иванов', 'Ivanov', 'Іваноў', 'Иваноф', 'Ivanoff', 'Zhumabaev']) {
      const body = await search(`q=${encodeURIComponent(q)}&type=person`);
      const people = body.items.filter((hit: { id: string }) => hit.id === memorial.id);
      expect(people.length, q).toBeGreaterThan(0);
    }
    // A typo means the closest known name first, before names that merely share letters with it (Иван).
    const typo = (await search(`q=${encodeURIComponent('Иваноф')}&type=person`)).items.map((hit: { person: { name: string } }) => hit.person.name);
    const ivanovs = typo.filter((name: string) => name.startsWith('Иванов'));
    expect(ivanovs).toContain('Иванов Пётр Семёнович');
    expect(typo.slice(0, ivanovs.length)).toEqual(ivanovs);
    const ivanov = (await search(`q=${encodeURIComponent('Ivanov')}&type=person`)).items.find((hit: { id: string }) => hit.id === memorial.id);
    expect(ivanov).toMatchObject({ type: 'person', slug: memorial.slug, country: 'kazakhstan', person: { name: 'Иванов Пётр Семёнович', deathYear: 1942 }, condition: 'fair' });
    const suggestions = (await as.anonymous.get(`/api/public/search/suggest?q=${encodeURIComponent('Иванов')}`).expect(200)).body;
    expect(suggestions).toContainEqual({ text: 'Иванов Пётр Семёнович', type: 'person', url: `/kazakhstan/memorials/${memorial.slug}` });
  });

  it('counts facets and filters by each of them', async () => {
    const word = 'quokkafacet';
    await publish(kz, 'items', { kind: 'photograph', title: { en: text(`${word} one`) }, date: { earliest: 1941, latest: 1944 } });
    await publish(kz, 'items', { kind: 'document', title: { en: text(`${word} two`) }, date: { earliest: 1956, latest: 1956 } });
    await publish(kz, 'memorials', { kind: 'bust', title: { en: text(`${word} three`) }, location: { lat: 43, lng: 76 }, conditionSurveys: [{ date: '2020', condition: 'poor' }] });
    await publish(am, 'items', { kind: 'photograph', title: { en: text(`${word} four`) } }, as.admin, as.curatorAm);
    const all = await search(`q=${word}`);
    expect(all.total).toBe(4);
    expect(all.estimated).toBe(false);
    const facet = (name: string) => Object.fromEntries(all.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(facet('country')).toEqual({ kazakhstan: 3, armenia: 1 });
    expect(facet('type')).toEqual({ item: 3, memorial: 1 });
    expect(facet('kind')).toEqual({ photograph: 2, document: 1, bust: 1 });
    expect(facet('decade')).toEqual({ '1940': 1, '1950': 1 });
    expect(facet('condition')).toEqual({ poor: 1 });
    expect(facet('hasMedia')).toEqual({ false: 4 });
    expect((await search(`q=${word}&country=armenia`)).total).toBe(1);
    expect((await search(`q=${word}&type=memorial`)).total).toBe(1);
    expect((await search(`q=${word}&kind=photograph,document`)).total).toBe(3);
    expect((await search(`q=${word}&decade=1950`)).total).toBe(1);
    expect((await search(`q=${word}&condition=poor`)).total).toBe(1);
    expect((await search(`q=${word}&hasMedia=true`)).total).toBe(0);
    const byDate = await search(`q=${word}&sort=date&type=item`);
    expect(byDate.items.map((hit: { year: number | null }) => hit.year)).toEqual([1956, 1941, null]);
  });

  it('never shows drafts, submissions or unpublished things, in results, counts or suggestions', async () => {
    const word = 'wombatsecret';
    const draft = await as.curatorKz.post(`/api/studio/countries/${kz}/items`, { slug: 'secret-draft', kind: 'artefact', title: { en: text(`${word} draft`) }, rights: CC_BY }).expect(201);
    await as.curatorAm.post(`/api/studio/countries/${am}/items`, { slug: 'secret-am', kind: 'artefact', title: { en: text(`${word} elsewhere`) } }).expect(201);
    await as.curatorKz.post(`/api/studio/countries/${kz}/items/${draft.body.id}/submit`, { version: 1 }).expect(204);
    const published = await publish(kz, 'items', { kind: 'artefact', title: { en: text(`${word} public`) } });
    let body = await search(`q=${word}`);
    expect(ids(body)).toEqual([published.id]);
    expect(body.total).toBe(1);
    expect(body.facets.country).toEqual([{ value: 'kazakhstan', count: 1 }]);

    // An edit of the live record waits for review: search still shows the approved title.
    const current = (await as.curatorKz.get(`/api/studio/countries/${kz}/items/${published.id}`)).body;
    await as.curatorKz.request('put', `/api/studio/countries/${kz}/items/${published.id}`).send({ slug: current.slug, kind: 'artefact', title: { en: text('renamed wallaby') }, rights: CC_BY, version: current.version }).expect(200);
    expect(ids(await search('q=wallaby'))).toEqual([]);
    expect(ids(await search(`q=${word}`))).toEqual([published.id]);

    await as.moderatorKz.post(`/api/review/countries/${kz}/items/${published.id}/unpublish`, {}).expect(204);
    body = await search(`q=${word}`);
    expect(body.total).toBe(0);
    expect((await as.anonymous.get(`/api/public/search/suggest?q=${word}`).expect(200)).body).toEqual([]);
  });

  it('pages by cursor without losing or repeating anything', async () => {
    const word = 'pagingtapir';
    for (let i = 0; i < 23; i++) await publish(kz, 'items', { kind: 'artefact', title: { en: text(`${word} number ${i}`) }, date: { earliest: 1900 + (i % 5) } });
    for (const sort of ['relevance', 'date']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; next: string | null } = await search(`q=${word}&limit=10&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...ids(page));
        cursor = page.next;
      } while (cursor);
      expect(seen, sort).toHaveLength(23);
      expect(new Set(seen).size, sort).toBe(23);
      const again = await search(`q=${word}&limit=10&sort=${sort}`);
      expect(ids(again), sort).toEqual(seen.slice(0, 10));
    }
    await as.anonymous.get(`/api/public/search?q=${word}&cursor=not-a-cursor`).expect(400);
    await as.anonymous.get('/api/public/search').expect(400);
    await as.anonymous.get('/api/public/search?q=x&decade=1945').expect(400);
  });

  it('caps counting for very common terms and says the totals are estimates', async () => {
    // Bulk rows straight into the index: publishing 6,000 records through the API would take minutes.
    const db = testApp.app.get(DataSource);
    await db.query(
      `INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, names, published_at, tsv)
       SELECT 'item', gen_random_uuid(), -1, $1, 'bulk-' || n, 'artefact', '{"en": {"text": "ubiquitous", "status": "original"}}', 'ubiquitous', now(),
              to_tsvector('english', 'ubiquitous thing ' || n)
         FROM generate_series(1, 6000) AS n`,
      [kz],
    );
    await db.query('ANALYZE search_documents');
    const body = await search('q=ubiquitous&limit=5');
    expect(body.estimated).toBe(true);
    expect(body.total).toBeGreaterThanOrEqual(MATCH_CAP);
    expect(body.items).toHaveLength(5);
    expect(body.facets.country[0].value).toBe('kazakhstan');
    expect(body.facets.country[0].count).toBe(body.total);
    expect(body.next).not.toBeNull();
    // The estimate takes the filters into account: no memorial says "ubiquitous".
    const memorials = await search('q=ubiquitous&type=memorial&limit=5');
    expect(memorials).toMatchObject({ total: 0, estimated: false, items: [] });
  });
});
