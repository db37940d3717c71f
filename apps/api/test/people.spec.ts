import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/infra/config/config.schema';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

describe('people: a register of persons linked to memorials', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let n = 0;

  const studio = (countryId: string) => `/api/studio/countries/${countryId}/people`;

  async function publish(countryId: string, collection: 'memorials' | 'people', document: object): Promise<{ id: string; slug: string; version: number }> {
    const created = await as.curatorKz.post(`/api/studio/countries/${countryId}/${collection}`, { slug: `p-${++n}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await as.curatorKz.post(`/api/studio/countries/${countryId}/${collection}/${created.body.id}/submit`, { version: created.body.version }).expect(204);
    const approved = await as.moderatorKz.post(`/api/review/countries/${countryId}/${collection}/${created.body.id}/approve`, { revision: created.body.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(204);
    return created.body;
  }

  const memorialDocument = (title: string, condition: string) => ({
    kind: 'obelisk',
    title: { ru: text(title) },
    rights: CC_BY,
    location: { lat: 43.2, lng: 76.9 },
    conditionSurveys: [{ date: '2024-05-01', condition }],
  });

  const personDocument = (name: string, extra: object = {}) => ({ name, title: { ru: text(name) }, ...extra });

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('seeds the demo memorials\u2019 names as people the memorial page lists and links', async () => {
    const memorial = (await as.anonymous.get('/api/public/countries/kazakhstan/memorials/glory-memorial-almaty').expect(200)).body;
    expect(memorial.people.length).toBeGreaterThan(3);
    const akhmetov = memorial.people.find((person: { name: string }) => person.name === 'Ахметов Серик Нурланович');
    expect(akhmetov).toMatchObject({ slug: 'akhmetov-serik-nurlanovich', birth: { date: '1918' }, death: { date: '1941' }, rank: 'красноармеец', role: 'commemorated' });
    const page = (await as.anonymous.get(`/api/public/countries/kazakhstan/people/${akhmetov.slug}?lang=en`).expect(200)).body;
    expect(page).toMatchObject({ name: 'Ахметов Серик Нурланович', rank: 'Red Army private', memorials: [{ slug: 'glory-memorial-almaty', role: 'commemorated' }] });
  });

  it('refuses bad input and links to memorials of other countries or none, naming the field', async () => {
    const created = await as.admin.post(`/api/studio/countries/${am}/memorials`, { slug: `am-${++n}`, ...memorialDocument('Стела', 'good') }).expect(201);
    const foreign = await as.curatorKz.post(studio(kz), { slug: `p-${++n}`, ...personDocument('Отказанов'), memorials: [{ memorialId: created.body.id, role: 'burial' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues).toEqual([{ path: 'memorials.0.memorialId', message: expect.stringContaining(created.body.id) }]);
    const missing = await as.curatorKz.post(studio(kz), {
      slug: `p-${++n}`,
      ...personDocument('Отказанов'),
      memorials: [{ memorialId: '6f1d0c2e-0000-4000-8000-000000000000', role: 'commemorated' }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0].path).toBe('memorials.0.memorialId');
    for (const bad of [{ fate: 'deserted' }, { birth: { date: '1950' }, death: { date: '1942' } }, { sources: [{ title: 'x', url: 'javascript:alert(1)' }] }]) {
      const refused = await as.curatorKz.post(studio(kz), { slug: `p-${++n}`, ...personDocument('Отказанов'), ...bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await as.curatorKz.get(`${studio(kz)}?q=${encodeURIComponent('Отказанов')}`).expect(200)).body.total).toBe(0);
  });

  it('goes through review like any record; the page shows dates, sources and each memorial with its condition', async () => {
    const burial = await publish(kz, 'memorials', memorialDocument('Братская могила у реки', 'poor'));
    const village = await publish(kz, 'memorials', memorialDocument('Обелиск в ауле', 'good'));
    const created = await as.curatorKz
      .post(studio(kz), {
        slug: 'kasymov-ermek',
        ...personDocument('Қасымов Ермек', {
          surname: 'Қасымов',
          givenName: 'Ермек',
          variants: ['Kasymov Ermek'],
          birth: { date: '1915-03', circa: true },
          death: { date: '1942-11-19' },
          fate: 'killed',
          rank: { ru: 'сержант', en: 'Sergeant' },
          unit: '316-я стрелковая дивизия',
          memorials: [
            { memorialId: burial.id, role: 'burial', plot: 'ряд 3' },
            { memorialId: village.id, role: 'commemorated' },
          ],
          awards: ['Медаль «За отвагу»'],
          sources: [{ title: 'Донесение о потерях', archive: 'ЦАМО', fond: '58', opis: '818883', delo: '1047', identifiers: [{ scheme: 'obd-memorial', id: '51431517' }, { scheme: 'pamyat-naroda', id: 'memorial-chelovek_donesenie51431517' }] }],
          biography: { ru: text('<p>Родился в ауле.</p><script>alert(1)</script><a href="javascript:x()">ссылка</a>') },
        }),
      })
      .expect(201);
    const biography: string = created.body.biography.ru.text;
    expect(biography).toContain('<p>Родился в ауле.</p>');
    expect(biography).not.toMatch(/script|javascript/);
    // Not live until approved.
    await as.anonymous.get('/api/public/countries/kazakhstan/people/kasymov-ermek').expect(404);
    await as.curatorKz.post(`${studio(kz)}/${created.body.id}/submit`, { version: 1 }).expect(204);
    const queue = (await as.moderatorKz.get(`/api/review/countries/${kz}/queue`).expect(200)).body;
    expect(queue.map((entry: { id: string }) => entry.id)).toContain(created.body.id);
    const preview = (await as.moderatorKz.get(`/api/review/countries/${kz}/people/${created.body.id}/preview?lang=ru`).expect(200)).body;
    expect(preview.memorials.map((memorial: { slug: string }) => memorial.slug)).toEqual([burial.slug, village.slug]);
    await as.moderatorKz.post(`/api/review/countries/${kz}/people/${created.body.id}/approve`, { revision: 1 }).expect(204);

    const page = await as.anonymous.get('/api/public/countries/kazakhstan/people/kasymov-ermek?lang=en').expect(200);
    expect(page.headers.etag).toBeTruthy();
    await as.anonymous.get('/api/public/countries/kazakhstan/people/kasymov-ermek?lang=en').set('if-none-match', page.headers.etag).expect(304);
    expect(page.body).toMatchObject({
      name: 'Қасымов Ермек',
      birth: { date: '1915-03', circa: true },
      death: { date: '1942-11-19' },
      fate: 'killed',
      rank: 'Sergeant',
      memorials: [
        { slug: burial.slug, role: 'burial', plot: 'ряд 3', condition: 'poor' },
        { slug: village.slug, role: 'commemorated', plot: null, condition: 'good' },
      ],
      sources: [
        {
          title: 'Донесение о потерях',
          fond: '58',
          identifiers: [
            { scheme: 'obd-memorial', id: '51431517', url: 'https://obd-memorial.ru/html/info.htm?id=51431517' },
            { scheme: 'pamyat-naroda', id: 'memorial-chelovek_donesenie51431517', url: 'https://pamyat-naroda.ru/heroes/memorial-chelovek_donesenie51431517/' },
          ],
        },
      ],
    });
    for (const memorial of [burial, village]) {
      const listed = (await as.anonymous.get(`/api/public/countries/kazakhstan/memorials/${memorial.slug}`).expect(200)).body.people;
      expect(listed).toEqual([expect.objectContaining({ id: created.body.id, slug: 'kasymov-ermek', name: 'Қасымов Ермек' })]);
    }
    // A hit names the person's page and their first live memorial; once that one is unpublished, the next.
    const hit = async () => (await as.anonymous.get(`/api/public/search?q=${encodeURIComponent('Kasymov')}&type=person`).expect(200)).body.items.find((h: { id: string }) => h.id === created.body.id);
    expect(await hit()).toMatchObject({ slug: 'kasymov-ermek', condition: 'poor', person: { memorialSlug: burial.slug } });
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${burial.id}/unpublish`, {}).expect(204);
    expect(await hit()).toMatchObject({ slug: 'kasymov-ermek', condition: 'good', title: { text: 'Обелиск в ауле' }, person: { memorialSlug: village.slug } });
    expect((await as.anonymous.get('/api/public/countries/kazakhstan/people/kasymov-ermek').expect(200)).body.memorials.map((m: { slug: string }) => m.slug)).toEqual([village.slug]);
    // The audit log has the person's save and approval.
    const audit = (await as.moderatorKz.get(`/api/audit?countryId=${kz}&entityId=${created.body.id}`).expect(200)).body;
    expect(audit.items.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['create', 'submit', 'approve']));
  });

  it('keeps the living private (page, memorial list, search, sitemap) until consent is recorded', async () => {
    const memorial = await publish(kz, 'memorials', memorialDocument('Доска ветеранам', 'good'));
    const living = await publish(kz, 'people', personDocument('Живущий Ветеранов', { birth: { date: '1990' }, memorials: [{ memorialId: memorial.id, role: 'commemorated' }] }));
    const old = await publish(kz, 'people', personDocument('Давний Ветеранов', { birth: { date: '1900' }, memorials: [{ memorialId: memorial.id, role: 'commemorated' }] }));
    const page = (slug: string) => as.anonymous.get(`/api/public/countries/kazakhstan/people/${slug}`);
    await page(living.slug).expect(404);
    await page(old.slug).expect(200);
    const listed = async () =>
      (await as.anonymous.get(`/api/public/countries/kazakhstan/memorials/${memorial.slug}`).expect(200)).body.people.map((person: { slug: string }) => person.slug);
    expect(await listed()).toEqual([old.slug]);
    const found = async () => (await as.anonymous.get('/api/public/search?q=Ветеранов&type=person').expect(200)).body.items.map((hit: { slug: string }) => hit.slug);
    expect(await found()).toEqual([old.slug]);
    const sitemap = async () => (await as.anonymous.get('/api/public/sitemap.xml').expect(200)).text;
    expect(await sitemap()).not.toContain(`/people/${living.slug}<`);
    expect(await sitemap()).toContain(`/people/${old.slug}<`);

    // The curator records consent; once approved, the person is public everywhere.
    const current = (await as.curatorKz.get(`${studio(kz)}/${living.id}`).expect(200)).body;
    const { id, countryId, status, version, liveRevision, reviewComment, createdAt, updatedAt, ...document } = current;
    void [id, countryId, status, liveRevision, reviewComment, createdAt, updatedAt];
    await as.curatorKz.put(`${studio(kz)}/${living.id}`, { ...document, livingConsent: true, version }).expect(200);
    await as.curatorKz.post(`${studio(kz)}/${living.id}/submit`, { version: version + 1 }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/people/${living.id}/approve`, { revision: version + 1 }).expect(204);
    await page(living.slug).expect(200);
    expect((await listed()).sort()).toEqual([living.slug, old.slug].sort());
    expect((await found()).sort()).toEqual([living.slug, old.slug].sort());
    expect(await sitemap()).toContain(`/people/${living.slug}<`);
  });

  it('reads the privacy span from PEOPLE_LIVING_PRIVACY_YEARS (100 unless set)', () => {
    expect(loadConfig(testEnv('postgres://x/y')).people.livingPrivacyYears).toBe(100);
    expect(loadConfig(testEnv('postgres://x/y', { PEOPLE_LIVING_PRIVACY_YEARS: '75' })).people.livingPrivacyYears).toBe(75);
    expect(() => loadConfig(testEnv('postgres://x/y', { PEOPLE_LIVING_PRIVACY_YEARS: 'soon' }))).toThrow(/PEOPLE_LIVING_PRIVACY_YEARS/);
  });
});
