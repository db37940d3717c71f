import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

interface Created {
  id: string;
  slug: string;
  version: number;
}

describe('duplicate people: suggestions across scripts, and a merge that keeps both histories', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let n = 0;

  const studio = (countryId: string) => `/api/studio/countries/${countryId}/people`;
  const suggestions = async (countryId: string, id: string) =>
    (await as.curatorKz.get(`${studio(countryId)}/${id}/duplicates`).expect(200)).body.items as { id: string; score: number; reasons: string[] }[];

  async function create(countryId: string, collection: 'memorials' | 'people', document: object, client = as.curatorKz): Promise<Created> {
    const created = await client.post(`/api/studio/countries/${countryId}/${collection}`, { slug: `dup-${++n}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  async function publish(countryId: string, collection: 'memorials' | 'people', document: object): Promise<Created> {
    const created = await create(countryId, collection, document);
    await as.curatorKz.post(`/api/studio/countries/${countryId}/${collection}/${created.id}/submit`, { version: created.version }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${countryId}/${collection}/${created.id}/approve`, { revision: created.version }).expect(204);
    return created;
  }

  const person = (name: string, extra: object = {}) => ({ name, title: { ru: text(name) }, ...extra });
  const memorial = (title: string) => ({ kind: 'obelisk', title: { ru: text(title) }, rights: CC_BY, location: { lat: 43.2, lng: 76.9 } });

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('suggests the same person written in another script or misspelt, drafts included, never another country’s nor a conflicting one', async () => {
    const obelisk = await create(kz, 'memorials', memorial('Обелиск в Талгаре'));
    const cyrillic = await create(kz, 'people', person('Семёнов Иван Петрович', { birth: { date: '1918' }, death: { date: '1942' }, unit: '8-я гвардейская дивизия', memorials: [{ memorialId: obelisk.id, role: 'commemorated' }] }));
    const latin = await create(kz, 'people', person('Semenov Ivan', { birth: { date: '1918' }, death: { date: '1942-11' }, unit: '8-я Гвардейская дивизия', memorials: [{ memorialId: obelisk.id, role: 'burial' }] }));
    const misspelt = await create(kz, 'people', person('Семенов Иван', { death: { date: '1943' } }));
    const conflicting = await create(kz, 'people', person('Семёнов Иван', { birth: { date: '1870' }, death: { date: '1901' } }));
    const elsewhere = await create(am, 'people', person('Семёнов Иван Петрович', { birth: { date: '1918' } }), as.admin);
    const stranger = await create(kz, 'people', person('Ахметов Серик', { birth: { date: '1918' } }));

    const found = await suggestions(kz, cyrillic.id);
    const ids = found.map((candidate) => candidate.id);
    expect(ids[0]).toBe(latin.id);
    expect(found[0].reasons).toEqual(expect.arrayContaining(['same-name', 'birth-year-agrees', 'death-year-agrees', 'same-unit', 'shared-memorial']));
    expect(ids).toContain(misspelt.id);
    for (const never of [cyrillic.id, conflicting.id, elsewhere.id, stranger.id]) expect(ids).not.toContain(never);
    // Both ways round: the Latin spelling finds the Cyrillic one.
    expect((await suggestions(kz, latin.id)).map((candidate) => candidate.id)).toContain(cyrillic.id);
    // One conflicting year pushes a candidate down (it stays listed, below the agreeing ones).
    const oneConflict = await create(kz, 'people', person('Семёнов Иван', { death: { date: '1950' } }));
    const again = await suggestions(kz, cyrillic.id);
    const down = again.find((candidate) => candidate.id === oneConflict.id);
    expect(down?.reasons).toContain('death-year-conflicts');
    expect(down!.score).toBeLessThan(again[0].score);
    // A person known by the surname alone (an obelisk's list) is found from the fuller record as from their own.
    const surnameOnly = await create(kz, 'people', person('Семёнов', { death: { date: '1942' } }));
    const initials = await create(kz, 'people', person('Semenov I. P.'));
    const fromFull = (await suggestions(kz, cyrillic.id)).map((candidate) => candidate.id);
    expect(fromFull).toEqual(expect.arrayContaining([surnameOnly.id, initials.id]));
    expect((await suggestions(kz, surnameOnly.id)).map((candidate) => candidate.id)).toContain(cyrillic.id);
    // A one-word name that is none of the fuller name's words is not a candidate.
    const givenOnly = await create(kz, 'people', person('Иванов'));
    expect((await suggestions(kz, cyrillic.id)).map((candidate) => candidate.id)).not.toContain(givenOnly.id);

    // Bad input is a 4xx.
    await as.curatorKz.get(`${studio(kz)}/00000000-0000-4000-8000-000000000000/duplicates`).expect(404);
    await as.curatorKz.get(`${studio(kz)}/not-a-uuid/duplicates`).expect(400);
    await as.curatorKz.get(`${studio(kz)}/${elsewhere.id}/duplicates`).expect(404);
  });

  it('lets moderators merge: union of drafts and of approved copies, history kept, old address redirecting, lists and search updated', async () => {
    const obelisk = await publish(kz, 'memorials', memorial('Обелиск в Каскелене'));
    const plaque = await publish(kz, 'memorials', memorial('Доска в Каскелене'));
    const survivor = await publish(kz, 'people', person('Жуков Пётр Ильич', {
      birth: { date: '1920' },
      unit: '316-я стрелковая дивизия',
      variants: ['Zhukov P. I.'],
      awards: ['Медаль «За отвагу»'],
      memorials: [{ memorialId: obelisk.id, role: 'commemorated' }],
    }));
    const duplicate = await publish(kz, 'people', person('Zhukov Pyotr', {
      title: { en: text('Pyotr Zhukov') },
      birth: { date: '1920' },
      death: { date: '1943-02' },
      unit: '8-я гвардейская дивизия',
      rank: { ru: 'сержант', en: 'Sergeant' },
      awards: ['Медаль «За отвагу»', 'Орден Красной Звезды'],
      sources: [{ title: 'Донесение о потерях', archive: 'ЦАМО' }],
      biography: { en: text('<p>Born in Kaskelen.</p>') },
      memorials: [{ memorialId: obelisk.id, role: 'burial', plot: 'ряд 2' }, { memorialId: plaque.id, role: 'commemorated' }],
    }));
    // A pending edit of the duplicate: in its draft only, never published by the merge.
    const dupDraft = (await as.curatorKz.get(`${studio(kz)}/${duplicate.id}`).expect(200)).body;
    const { id: _i, countryId: _c, status: _s, version: dupVersion, liveRevision: _l, reviewComment: _r, createdAt: _a, updatedAt: _u, ...dupDocument } = dupDraft;
    await as.curatorKz.put(`${studio(kz)}/${duplicate.id}`, { ...dupDocument, placeOfBirth: { ru: text('Каскелен (черновик)') }, version: dupVersion }).expect(200);
    expect((await suggestions(kz, survivor.id)).map((candidate) => candidate.id)).toContain(duplicate.id);

    const merge = (client: TestClient, body: object, id = survivor.id) => client.post(`${studio(kz)}/${id}/merge`, body);
    const body = { duplicateId: duplicate.id, version: 1, duplicateVersion: 2 };
    // Curators may not; stale versions, oneself, unknown or foreign ids, bad bodies are refused with 4xx.
    await merge(as.curatorKz, body).expect(403);
    await merge(as.moderatorKz, { ...body, version: 7 }).expect(409);
    await merge(as.moderatorKz, { ...body, duplicateVersion: 1 }).expect(409);
    await merge(as.moderatorKz, { ...body, duplicateId: survivor.id }).expect(400);
    await merge(as.moderatorKz, { ...body, duplicateId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    const foreign = await create(am, 'people', person('Zhukov Pyotr'), as.admin);
    await merge(as.moderatorKz, { ...body, duplicateId: foreign.id }).expect(404);
    await merge(as.moderatorKz, { duplicateId: 'x' }).expect(400);
    await merge(as.moderatorKz, { ...body, extra: 1 }).expect(400);

    // Visitors' pages read (and kept by the page cache) before the merge: both people, each at their address.
    const memorialPeople = async (slug: string) => (await as.anonymous.get(`/api/public/countries/kazakhstan/memorials/${slug}`).expect(200)).body.people.map((p: { id: string }) => p.id);
    expect((await memorialPeople(obelisk.slug)).sort()).toEqual([survivor.id, duplicate.id].sort());
    await as.anonymous.get(`/api/public/countries/kazakhstan/people/${duplicate.slug}?lang=en`).expect(200);
    await as.anonymous.get(`/api/public/countries/kazakhstan/people/${survivor.slug}?lang=en`).expect(200);

    const merged = await merge(as.moderatorKz, body);
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ survivor: { id: survivor.id, status: 'draft' }, duplicate: { id: duplicate.id, mergedInto: survivor.id }, live: 'united' });
    expect(merged.body.conflicts).toEqual(expect.arrayContaining([{ copy: 'draft', field: 'unit', kept: '316-я стрелковая дивизия', dropped: '8-я гвардейская дивизия' }]));

    // The survivor's draft: the union of both drafts, the survivor's values kept.
    const draft = (await as.curatorKz.get(`${studio(kz)}/${survivor.id}`).expect(200)).body;
    expect(draft).toMatchObject({
      name: 'Жуков Пётр Ильич',
      unit: '316-я стрелковая дивизия',
      birth: { date: '1920' },
      death: { date: '1943-02' },
      rank: { ru: 'сержант', en: 'Sergeant' },
      placeOfBirth: { ru: { text: 'Каскелен (черновик)' } },
      biography: { en: { text: '<p>Born in Kaskelen.</p>' } },
      title: { ru: { text: 'Жуков Пётр Ильич' }, en: { text: 'Pyotr Zhukov' } },
    });
    expect(draft.variants).toEqual(['Zhukov P. I.', 'Zhukov Pyotr', 'Pyotr Zhukov']);
    expect(draft.awards).toEqual(['Медаль «За отвагу»', 'Орден Красной Звезды']);
    expect(draft.memorials).toEqual([{ memorialId: obelisk.id, role: 'commemorated', plot: 'ряд 2' }, { memorialId: plaque.id, role: 'commemorated' }]);
    expect(draft.sources).toHaveLength(1);

    // What visitors see: the union of the approved copies only (not the duplicate's pending draft).
    const page = (await as.anonymous.get('/api/public/countries/kazakhstan/people/' + survivor.slug + '?lang=en').expect(200)).body;
    expect(page).toMatchObject({ name: 'Жуков Пётр Ильич', rank: 'Sergeant', death: { date: '1943-02' } });
    expect(JSON.stringify(page)).not.toContain('черновик');
    // The duplicate's address answers 301 to the survivor's.
    const old = await as.anonymous.get(`/api/public/countries/kazakhstan/people/${duplicate.slug}?lang=en`).expect(301);
    expect(old.headers.location).toBe(`/api/public/countries/kazakhstan/people/${survivor.slug}?lang=en`);
    // The register, the memorial pages and search list the survivor once, the duplicate no more.
    const register = (await as.anonymous.get('/api/public/countries/kazakhstan/people?limit=100').expect(200)).body.items.map((p: { id: string }) => p.id);
    expect(register).toContain(survivor.id);
    expect(register).not.toContain(duplicate.id);
    for (const shown of [obelisk, plaque]) expect(await memorialPeople(shown.slug)).toEqual([survivor.id]);
    const hits = (await as.anonymous.get(`/api/public/search/people?q=${encodeURIComponent('Zhukov Pyotr')}`).expect(200)).body.items.map((h: { id?: string; recordId?: string; slug: string }) => h.slug);
    expect(hits).toContain(survivor.slug);
    expect(hits).not.toContain(duplicate.slug);
    // The studio list has it no more; the record itself is still readable, and refuses edits.
    const list = (await as.curatorKz.get(`${studio(kz)}?limit=100&q=dup-`).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(list).toContain(survivor.id);
    expect(list).not.toContain(duplicate.id);
    const retired = (await as.curatorKz.get(`${studio(kz)}/${duplicate.id}`).expect(200)).body;
    expect(retired).toMatchObject({ status: 'archived', mergedInto: survivor.id, liveRevision: null });
    await as.curatorKz.put(`${studio(kz)}/${duplicate.id}`, { ...dupDocument, version: retired.version }).expect(409);
    await as.curatorKz.post(`${studio(kz)}/${duplicate.id}/submit`, { version: retired.version }).expect(409);
    // Both histories, from the survivor's: its own revisions and the duplicate's, each readable.
    const history = (await as.curatorKz.get(`${studio(kz)}/${survivor.id}/revisions`).expect(200)).body as { number: number; mergedFrom?: { id: string } }[];
    expect(history.filter((r) => !r.mergedFrom).map((r) => r.number)).toEqual([3, 2, 1]);
    expect(history.filter((r) => r.mergedFrom?.id === duplicate.id).map((r) => r.number)).toEqual([2, 1]);
    const theirs = (await as.curatorKz.get(`${studio(kz)}/${duplicate.id}/revisions/1`).expect(200)).body;
    expect(theirs.content).toMatchObject({ name: 'Zhukov Pyotr' });
    // Audit entries for both records.
    for (const id of [survivor.id, duplicate.id]) {
      const audit = (await as.moderatorKz.get(`/api/audit?countryId=${kz}&entityId=${id}`).expect(200)).body;
      expect(audit.items.map((entry: { action: string }) => entry.action)).toContain('merge');
    }
    // Already merged: refused, both ways round.
    await merge(as.moderatorKz, { duplicateId: duplicate.id, version: 3, duplicateVersion: retired.version }).expect(409);
    await merge(as.moderatorKz, { duplicateId: survivor.id, version: retired.version, duplicateVersion: 3 }, duplicate.id).expect(409);
    expect((await suggestions(kz, survivor.id)).map((candidate) => candidate.id)).not.toContain(duplicate.id);
  });

  it('gives the survivor the duplicate’s approved copy when only the duplicate was live', async () => {
    const survivor = await create(kz, 'people', person('Кузнецов Алексей', { death: { date: '1944' } }));
    const duplicate = await publish(kz, 'people', person('Kuznetsov Aleksei', { death: { date: '1944' }, unit: '101-я бригада' }));
    const merged = await as.moderatorKz.post(`${studio(kz)}/${survivor.id}/merge`, { duplicateId: duplicate.id, version: 1, duplicateVersion: 1 });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ live: 'from-duplicate', survivor: { liveRevision: 2, version: 3, status: 'draft' } });
    const page = (await as.anonymous.get(`/api/public/countries/kazakhstan/people/${survivor.slug}`).expect(200)).body;
    expect(page).toMatchObject({ name: 'Kuznetsov Aleksei', unit: '101-я бригада' });
    const old = await as.anonymous.get(`/api/public/countries/kazakhstan/people/${duplicate.slug}`).expect(301);
    expect(old.headers.location).toBe(`/api/public/countries/kazakhstan/people/${survivor.slug}`);
  });

  it('merges two drafts into a new draft revision; neither can then be deleted (4xx, not 500)', async () => {
    const survivor = await create(kz, 'people', person('Орлов Семён', { death: { date: '1942' } }));
    const duplicate = await create(kz, 'people', person('Orlov Semyon', { death: { date: '1942' }, awards: ['Орден Славы'] }));
    const merged = await as.moderatorKz.post(`${studio(kz)}/${survivor.id}/merge`, { duplicateId: duplicate.id, version: 1, duplicateVersion: 1 }).expect(200);
    expect(merged.body).toMatchObject({ live: 'unchanged', survivor: { version: 2, liveRevision: null, status: 'draft' } });
    expect((await as.curatorKz.get(`${studio(kz)}/${survivor.id}`).expect(200)).body).toMatchObject({ variants: ['Orlov Semyon'], awards: ['Орден Славы'] });
    await as.curatorKz.delete(`${studio(kz)}/${survivor.id}`).expect(409);
    await as.curatorKz.delete(`${studio(kz)}/${duplicate.id}`).expect(409);
  });

  it('stays an index read on a large register: 50 000 people, 1 000 of one surname', async () => {
    const db = testApp.app.get(DataSource);
    const target = await create(kz, 'people', person('Иванов Иван Иванович', { birth: { date: '1921' }, death: { date: '1942' } }));
    const twin = await create(kz, 'people', person('Ivanov Ivan', { birth: { date: '1921' }, death: { date: '1942' } }));
    // Synthetic people written straight into the table (keys as the API writes them: here one surname key per 50).
    await db.query(
      `INSERT INTO people (country_id, slug, kind, content, name_keys)
       SELECT $1, 'bulk-' || g, 'unknown', jsonb_build_object('name', 'Bulk ' || g, 'title', '{}'::jsonb, 'death', jsonb_build_object('date', (1941 + g % 5)::text)),
              CASE WHEN g % 50 = 0 THEN ARRAY['ivanov', 'ivan', 'p' || g] ELSE ARRAY['bulk' || g, 'k' || (g % 997)] END
         FROM generate_series(1, 50000) g`,
      [kz],
    );
    await db.query('ANALYZE people');
    const plan: { 'QUERY PLAN': string }[] = await db.query(
      `EXPLAIN SELECT id FROM people p WHERE p.country_id = $1 AND p.id <> $2 AND p.merged_into IS NULL AND (p.name_keys && $3::text[] AND p.name_keys && $4::text[])`,
      [kz, target.id, ['ivanov'], ['ivan']],
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Bitmap Index Scan on ix_people_name_keys/);
    expect(text).not.toMatch(/Seq Scan/);
    const started = performance.now();
    const found = await suggestions(kz, target.id);
    console.log(`suggestions among 50 000 people (1 000 Ivanov Ivan): ${Math.round(performance.now() - started)} ms`);
    expect(found[0].id).toBe(twin.id);
    await db.query(`DELETE FROM people WHERE country_id = $1 AND slug LIKE 'bulk-%'`, [kz]);
  });
});
