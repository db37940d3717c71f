import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { editableDocument } from './support/publish';
import type { TestApp, TestClient } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** Tags and a named person's rank are visitor-facing short texts, written per language (`{ ru, en, kk… }`). */
describe('tags and ranks per language', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let n = 0;

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;
  const review = (collection: string, id: string, action = '') => `/api/review/countries/${kz}/${collection}/${id}${action ? `/${action}` : ''}`;
  const publicPage = (collection: string, slug: string, lang: string) => as.anonymous.get(`/api/public/countries/kazakhstan/${collection}/${slug}?lang=${lang}`).expect(200);

  async function create(collection: 'items' | 'memorials' | 'people', document: object) {
    const rights = collection === 'people' ? {} : { rights: CC_BY };
    const response = await as.curatorKz.post(studio(collection), { slug: `labelled-${++n}`, ...rights, ...document });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; slug: string; version: number };
  }
  async function publish(collection: 'items' | 'memorials' | 'people', document: object) {
    const record = await create(collection, document);
    await as.curatorKz.post(studio(collection, `/${record.id}/submit`), { version: record.version }).expect(204);
    await as.moderatorKz.post(review(collection, record.id, 'approve'), { revision: record.version }).expect(204);
    return record;
  }

  beforeAll(async () => {
    ({ testApp, as, kz } = await startWithActors());
  });

  afterAll(() => testApp?.close());

  const tags = [{ kk: 'Ұлы Отан соғысы', ru: 'Великая Отечественная война', en: 'Great Patriotic War' }, { ru: 'тыл', en: 'home front' }, { ru: 'эвакуация' }];
  const memorial = {
    kind: 'obelisk',
    title: { ru: text('Обелиск в ауле') },
    location: { lat: 43.2, lng: 76.9 },
  };
  /** People named on the memorial, each a person record (ranks live there now). */
  const people = [
    { name: 'Қасымов Ермек', variants: ['Kasymov Yermek'], rank: { kk: 'қатардағы жауынгер', ru: 'красноармеец', en: 'Red Army private' }, unit: 'стрелковый полк' },
    { name: 'Иванов Пётр', variants: [], rank: { ru: 'гвардии старшина' } },
    { name: 'Петров Иван', variants: [] },
  ];
  const personOf = (person: object & { name: string }, memorialId?: string) => ({
    ...person,
    title: { ru: text(person.name) },
    ...(memorialId ? { memorials: [{ memorialId, role: 'commemorated' }] } : {}),
  });

  it('saves tags and ranks per language and reads them back as saved', async () => {
    const item = await create('items', { kind: 'artefact', title: { ru: text('Фляга') }, tags, date: { earliest: 1941, latest: 1945, circa: true } });
    const stored = (await as.curatorKz.get(studio('items', `/${item.id}`)).expect(200)).body;
    expect(stored).toMatchObject({ tags, date: { earliest: 1941, latest: 1945, circa: true } });

    const saved = await as.curatorKz
      .request('put', studio('items', `/${item.id}`))
      .send({ ...editableDocument(stored), tags: [{ ru: ' тыл ', en: 'home front, rear' }] })
      .expect(200);
    expect(saved.body.tags).toEqual([{ ru: 'тыл', en: 'home front, rear' }]);

    const created = await create('people', personOf(people[0]));
    const storedPerson = (await as.curatorKz.get(studio('people', `/${created.id}`)).expect(200)).body;
    expect(storedPerson).toMatchObject(people[0]);
  });

  it('refuses a tag or a rank of the old shape, with no language, empty, or in an unknown language, saying where (400)', async () => {
    const base = { slug: 'bad-tags', kind: 'artefact', title: { ru: text('Фляга') } };
    for (const [bad, path] of [
      [['тыл'], 'tags.0'],
      [[{ ru: 'тыл' }, {}], 'tags.1'],
      [[{ ru: '   ' }], 'tags.0.ru'],
      [[{ xx: 'тыл' }], 'tags.0'],
      [[{ en: 'x'.repeat(61) }], 'tags.0.en'],
    ] as const) {
      const response = await as.curatorKz.post(studio('items'), { ...base, tags: bad }).expect(400);
      expect(response.body.issues, JSON.stringify(bad)).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    const oldRank = await as.curatorKz.post(studio('people'), { ...personOf({ name: 'Иванов' }), slug: 'bad-rank', rank: 'сержант' }).expect(400);
    expect(oldRank.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'rank' })]));
    const notEnabled = await as.curatorKz.post(studio('items'), { ...base, tags: [{ hy: 'Երևան' }] }).expect(400);
    expect(notEnabled.body.message).toContain('tags.0.hy');
    const rankNotEnabled = await as.curatorKz.post(studio('people'), { ...personOf({ name: 'Иванов' }), slug: 'bad-rank', rank: { hy: 'սերժանտ' } }).expect(400);
    expect(rankNotEnabled.body.message).toContain('rank.hy');
  });

  it('shows visitors each tag and rank in their language, along the fallback chain', async () => {
    const item = await publish('items', { kind: 'artefact', title: { ru: text('Котелок') }, tags, date: { earliest: 1942, circa: true } });
    const english = (await publicPage('items', item.slug, 'en')).body;
    expect(english.tags).toEqual(['Great Patriotic War', 'home front', 'эвакуация']);
    expect(english.date).toEqual({ earliest: 1942, latest: null, circa: true, display: null });
    expect((await publicPage('items', item.slug, 'ru')).body.tags).toEqual(['Великая Отечественная война', 'тыл', 'эвакуация']);
    // Armenian is not written: the country's default (Kazakh) comes first, then Russian.
    expect((await publicPage('items', item.slug, 'hy')).body.tags).toEqual(['Ұлы Отан соғысы', 'тыл', 'эвакуация']);

    const obelisk = await publish('memorials', memorial);
    for (const person of people) await publish('people', personOf(person, obelisk.id));
    const listed = async (lang: string) => (await publicPage('memorials', obelisk.slug, lang)).body.people as { name: string; rank: string | null }[];
    // In the order of `people`, whatever order the page lists them in.
    const ranks = async (lang: string) => {
      const page = await listed(lang);
      return people.map((person) => page.find((shown) => shown.name === person.name)?.rank);
    };
    expect(await ranks('en')).toEqual(['Red Army private', 'гвардии старшина', null]);
    expect(await ranks('ru')).toEqual(['красноармеец', 'гвардии старшина', null]);
    expect(await ranks('kk')).toEqual(['қатардағы жауынгер', 'гвардии старшина', null]);
    const person = (await listed('en')).find((listedPerson) => listedPerson.name === 'Қасымов Ермек');
    expect(person).toMatchObject({ name: 'Қасымов Ермек', variants: ['Kasymov Yermek'], rank: 'Red Army private', unit: 'стрелковый полк' });
  });

  it('shows the moderator what changed in a tag or a rank, language by language', async () => {
    const obelisk = await publish('memorials', { ...memorial, tags });
    const current = (await as.curatorKz.get(studio('memorials', `/${obelisk.id}`)).expect(200)).body;
    await as.curatorKz
      .request('put', studio('memorials', `/${obelisk.id}`))
      .send({ ...editableDocument(current), tags: [tags[0], { ...tags[1], kk: 'тыл' }, tags[2]] })
      .expect(200);
    await as.curatorKz.post(studio('memorials', `/${obelisk.id}/submit`), { version: 2 }).expect(204);
    const detail = (await as.moderatorKz.get(review('memorials', obelisk.id)).expect(200)).body;
    expect(detail.changes).toEqual([expect.objectContaining({ path: 'tags.1', lang: 'kk', change: 'added', before: null, after: 'тыл' })]);

    const kasymov = await publish('people', personOf(people[0], obelisk.id));
    const stored = (await as.curatorKz.get(studio('people', `/${kasymov.id}`)).expect(200)).body;
    await as.curatorKz
      .request('put', studio('people', `/${kasymov.id}`))
      .send({ ...editableDocument(stored), rank: { ...people[0].rank, en: 'Private' } })
      .expect(200);
    await as.curatorKz.post(studio('people', `/${kasymov.id}/submit`), { version: 2 }).expect(204);
    const personDetail = (await as.moderatorKz.get(review('people', kasymov.id)).expect(200)).body;
    expect(personDetail.changes).toEqual([expect.objectContaining({ path: 'rank', lang: 'en', change: 'changed', before: 'Red Army private', after: 'Private' })]);
  });
});
