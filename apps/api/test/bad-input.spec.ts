import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editableDocument } from './support/publish';
import { declaredRoutes } from './support/routes';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const NOT_A_UUID = 'not-a-uuid';
const BIG_BODY = JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) });

/** Bodies that are wrong in shape for every route that takes a body. */
const MALFORMED_BODIES: { name: string; body: unknown }[] = [
  { name: 'empty object', body: {} },
  { name: 'array', body: [1, 2, 3] },
  { name: 'string', body: 'hello' },
  { name: 'null', body: null },
  { name: 'wrong types', body: { email: 42, password: false, slug: 7, names: 'x', countryId: 1, role: 9, displayName: [] } },
  { name: 'deep nesting', body: JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`) },
];

/** Routes whose body is validated by a schema (the others take no body). */
const ROUTES_WITH_BODY = [
  'POST /api/auth/login',
  'POST /api/auth/password',
  'POST /api/admin/users',
  'PATCH /api/admin/users/:id',
  'POST /api/admin/users/:id/memberships',
  'POST /api/admin/countries',
  'PATCH /api/admin/countries/:id',
  'PATCH /api/studio/countries/:countryId/media/:id',
  'POST /api/studio/countries/:countryId/people/:id/merge',
];

describe('bad input never yields a 5xx', () => {
  let testApp: TestApp;
  let admin: TestClient;
  let realIds: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
    const users = (await admin.get('/api/admin/users').expect(200)).body.items;
    const countries = (await admin.get('/api/public/countries').expect(200)).body.items;
    realIds = { id: users[0].id, countryId: countries[0].id, slug: countries[0].slug };
  });

  afterAll(() => testApp?.close());

  function fill(path: string, value: (param: string) => string): string {
    return path.replace(/:(\w+)/g, (_, param: string) => value(param));
  }

  it('rejects malformed bodies on every route that takes one with 400 and a message', async () => {
    const routes = declaredRoutes(testApp.app).filter((r) => ROUTES_WITH_BODY.includes(`${r.method} ${r.path}`));
    expect(routes).toHaveLength(ROUTES_WITH_BODY.length);
    for (const route of routes) {
      for (const { name, body } of MALFORMED_BODIES) {
        const url = fill(route.path, (param) => realIds[param]);
        const response = await admin.request(route.method.toLowerCase() as 'post', url).send(body as object);
        expect(response.status, `${route.method} ${url} with ${name}`).toBe(400);
        expect(response.body.message, `${route.method} ${url} with ${name}`).toEqual(expect.any(String));
      }
    }
  });

  it('names the offending fields, including unknown ones', async () => {
    const response = await admin
      .post('/api/admin/users', { email: 'not-an-email', displayName: 'X', password: 'short', isAdmin: 'yes', extra: 1 })
      .expect(400);
    const paths = response.body.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'isAdmin']));
    expect(JSON.stringify(response.body.issues)).toContain('extra');
  });

  it('rejects ids that are not UUIDs with 400 on every route with an id', async () => {
    for (const route of declaredRoutes(testApp.app).filter((r) => /:(id|countryId)/.test(r.path))) {
      const url = fill(route.path, (param) => (param === 'slug' ? realIds.slug : NOT_A_UUID));
      const response = await admin.request(route.method.toLowerCase() as 'get', url).send({ displayName: 'x' });
      expect(response.status, `${route.method} ${url}`).toBe(400);
    }
  });

  it('answers 404 for well-formed ids that do not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    await admin.get(`/api/admin/users/${ghost}`).expect(404);
    await admin.patch(`/api/admin/countries/${ghost}`, { names: { en: 'X' } }).expect(404);
    await admin.post(`/api/admin/users/${realIds.id}/memberships`, { countryId: ghost, role: 'curator' }).expect(404);
    await admin.get('/api/public/countries/atlantis').expect(404);
    await admin.get('/api/public/countries/NOT_A_SLUG!').expect(400);
  });

  it('answers oversized, unparsable and mistyped bodies on every mutating route with 4xx', async () => {
    const mutating = declaredRoutes(testApp.app).filter((r) => r.method !== 'GET');
    for (const route of mutating) {
      const url = fill(route.path, (param) => realIds[param]);
      const method = route.method.toLowerCase() as 'post';
      const huge = await admin.request(method, url).set('content-type', 'application/json').send(BIG_BODY);
      expect(huge.status, `${route.method} ${url} huge`).toBe(413);
      const broken = await admin.request(method, url).set('content-type', 'application/json').send('{"email": ');
      expect(broken.status, `${route.method} ${url} broken JSON`).toBe(400);
      const mistyped = await admin.request(method, url).set('content-type', 'application/x-unknown').send('a=b');
      expect(mistyped.status, `${route.method} ${url} unknown media type`).toBe(415);
    }
  });

  it('rejects an admin country whose default language is not enabled', async () => {
    const response = await admin
      .post('/api/admin/countries', { slug: 'oddland', names: { en: 'Odd' }, defaultLanguage: 'kk', languages: ['ru', 'en'] })
      .expect(400);
    expect(response.body.message).toContain('defaultLanguage');
    const armenia = (await admin.get('/api/public/countries/armenia')).body;
    const dropsDefault = await admin.patch(`/api/admin/countries/${armenia.id}`, { languages: ['ru', 'en'] }).expect(400);
    expect(dropsDefault.body.message).toContain('defaultLanguage');
    const taken = await admin.post('/api/admin/countries', { slug: 'kazakhstan', names: { en: 'Dup' }, defaultLanguage: 'en', languages: ['en'] }).expect(409);
    expect(taken.body.code).toBe('country-slug-taken');
  });

  it('names a refusal the admin pages word in their own language: a taken email, a taken country address', async () => {
    const user = { email: 'twice@vitrina.test', displayName: 'Екі рет, Қайрат', password: 'long-enough-password' };
    await admin.post('/api/admin/users', user).expect(201);
    const again = await admin.post('/api/admin/users', { ...user, email: 'TWICE@vitrina.test' }).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'email-taken', message: expect.any(String) });
  });
});

/**
 * NUL (which PostgreSQL cannot store in text or jsonb) and lone UTF-16
 * surrogates (which JSON may carry as "\ud800" escapes, and jsonb refuses):
 * every edge answers 400 and stores nothing, wherever in a body, query string
 * or path the character hides.
 */
describe('NUL and lone surrogates in input', () => {
  const BAD: { name: string; char: string; inUrl: string }[] = [
    { name: 'NUL', char: '\u0000', inUrl: '%00' },
    { name: 'lone high surrogate', char: '\ud800', inUrl: '%ED%A0%80' },
    { name: 'lone low surrogate', char: '\udc00', inUrl: '%ED%B0%80' },
  ];
  const text = (value: string) => ({ en: { text: value, status: 'original' } });
  let testApp: TestApp;
  let db: DataSource;
  let admin: TestClient;
  let curator: TestClient;
  let moderator: TestClient;
  let kz: string;
  let serial = 0;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    db = testApp.app.get(DataSource);
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    moderator = testApp.client();
    await moderator.login('moderator.kz@vitrina.test');
    kz = (await admin.get('/api/public/countries/kazakhstan').expect(200)).body.id;
  });

  afterAll(() => testApp?.close());

  const studio = (path: string) => `/api/studio/countries/${kz}${path}`;
  /** The JSON text as it travels: the bad character as a JSON escape (`\u0000`, `\ud800`), never raw bytes. */
  function raw(body: unknown): string {
    const json = JSON.stringify(body);
    expect(json).toMatch(/\\u(0000|d800|dc00)/);
    return json;
  }
  async function send(client: TestClient, method: 'post' | 'put' | 'patch', url: string, body: unknown) {
    return client.request(method, url).set('content-type', 'application/json').send(raw(body));
  }
  function expect400(response: { status: number; body: { statusCode?: number; message?: unknown } }, what: string) {
    expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(400);
    expect(response.body, what).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
  }
  const count = async (sql: string, params: unknown[]) => (await db.query(sql, params))[0].n as number;

  it.each(BAD)('refuses items with $name in a text, a nested text, a tag or a new field; stores nothing', async ({ name, char }) => {
    const slug = `bad-item-${++serial}`;
    const item = { slug, kind: 'artefact', title: text('Fine') };
    for (const body of [
      { ...item, title: text(`Bad ${char} title`) },
      { ...item, description: text(`<p>deep ${char}</p>`) },
      { ...item, tags: [{ ru: 'ok' }, { en: 'ok', ru: `t${char}` }] },
      { ...item, date: { earliest: 1941, latest: 1945, display: text(char) } },
      { ...item, [`key${char}`]: 1 },
    ]) {
      expect400(await send(curator, 'post', studio('/items'), body), `new item with ${name}`);
    }
    expect(await count('SELECT count(*)::int AS n FROM items WHERE slug = $1', [slug])).toBe(0);

    const created = (await curator.post(studio('/items'), item).expect(201)).body;
    const edited = { ...editableDocument(created), description: text(`x${char}y`) };
    expect400(await send(curator, 'put', studio(`/items/${created.id}`), edited), `item save with ${name}`);
    const after = (await curator.get(studio(`/items/${created.id}`)).expect(200)).body;
    expect(after).toMatchObject({ version: created.version, title: text('Fine') });
    expect(after.description ?? null).toBeNull();
  });

  it.each(BAD)('refuses people with $name deep in variants, sources and plots; stores nothing', async ({ name, char }) => {
    const slug = `bad-person-${++serial}`;
    const person = { slug, name: 'Иванов', title: text('Ivanov') };
    for (const body of [
      { ...person, variants: ['ok', `Iv${char}`] },
      { ...person, sources: [{ title: `Report ${char}`, identifiers: [] }] },
      { ...person, name: `Иван${char}` },
    ]) {
      expect400(await send(curator, 'post', studio('/people'), body), `person with ${name}`);
    }
    expect(await count('SELECT count(*)::int AS n FROM people WHERE slug = $1', [slug])).toBe(0);
  });

  it.each(BAD)('refuses memorials with $name deep in inscriptions and events; stores nothing', async ({ name, char }) => {
    const slug = `bad-memorial-${++serial}`;
    const memorial = { slug, kind: 'obelisk', title: text('Fine'), location: { lat: 43.2, lng: 76.9 } };
    for (const body of [
      { ...memorial, inscriptions: [{ original: `Никто ${char}`, translations: text('No one') }] },
      { ...memorial, events: [{ date: '1975', type: 'unveiling', description: text(`u${char}`) }] },
    ]) {
      expect400(await send(curator, 'post', studio('/memorials'), body), `memorial with ${name}`);
    }
    expect(await count('SELECT count(*)::int AS n FROM memorials WHERE slug = $1', [slug])).toBe(0);
  });

  it.each(BAD)('refuses media texts with $name; the asset keeps its texts', async ({ name, char }) => {
    // A new image each time: the same bytes again would be the same asset.
    const width = 16 + ++serial;
    const jpeg = await sharp({ create: { width, height: 16, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const asset = (await curator.post(studio('/media')).set('content-type', 'application/octet-stream').send(jpeg).expect(201)).body;
    await curator.patch(studio(`/media/${asset.id}`), { alt: text('A blue square') }).expect(200);
    for (const body of [{ alt: text(`alt ${char}`) }, { caption: text(char) }, { credit: text('c'), transcript: text(`t${char}t`) }]) {
      expect400(await send(curator, 'patch', studio(`/media/${asset.id}`), body), `media texts with ${name}`);
    }
    const after = (await curator.get(studio(`/media/${asset.id}`)).expect(200)).body;
    expect(after.alt).toEqual(text('A blue square'));
    expect(after.caption?.en ?? null).toBeNull();
    expect(after.transcript?.en ?? null).toBeNull();
  });

  it.each(BAD)('refuses $name in studio list filters, audit filters and search query strings', async ({ name, inUrl }) => {
    for (const url of [
      studio(`/items?q=${inUrl}`),
      studio(`/items?q=a${inUrl}b&status=draft`),
      studio(`/memorials?kind=${inUrl}`),
      studio(`/exhibitions?q=${inUrl}`),
      studio(`/media?q=${inUrl}`),
      `/api/audit?actor=${inUrl}`,
      `/api/audit?action=x${inUrl}`,
      `/api/public/search?q=${inUrl}`,
      `/api/public/search/suggest?q=${inUrl}`,
      `/api/public/search/people?q=${inUrl}`,
      `/api/public/search/people?q=x&place=${inUrl}`,
      `/api/public/countries/kazakhstan/home?lang=${inUrl}`,
    ]) {
      expect400(await admin.get(url), `GET ${url} (${name})`);
    }
  });

  it.each(BAD)('refuses $name in path parameters', async ({ name, inUrl }) => {
    for (const url of [
      `/api/public/countries/kazakhstan${inUrl}`,
      `/api/public/countries/kazakhstan/items/photo${inUrl}`,
      `/api/public/countries/kazakhstan/memorials/${inUrl}`,
      studio(`/items/${inUrl}`),
    ]) {
      const response = await admin.get(url);
      expect400(response, `GET ${url} (${name})`);
    }
  });

  it.each(BAD)('refuses a login email with $name with 400, not a failed login', async ({ name, char }) => {
    const visitor = testApp.client();
    await visitor.fetchCsrf();
    expect400(await send(visitor, 'post', '/api/auth/login', { email: `admin${char}@vitrina.test`, password: 'vitrina-demo' }), `login with ${name}`);
    expect400(await send(visitor, 'post', '/api/auth/login', { email: 'admin@vitrina.test', password: `x${char}` }), `password with ${name}`);
    expect((await visitor.get('/api/auth/me')).status).toBe(401);
  });

  it.each(BAD)('refuses review comments with $name; the record stays in review', async ({ name, char }) => {
    const record = (await curator.post(studio('/items'), { slug: `bad-review-${++serial}`, kind: 'artefact', title: text('Fine') }).expect(201)).body;
    await curator.post(studio(`/items/${record.id}/submit`), { version: record.version }).expect(204);
    const review = (action: string) => `/api/review/countries/${kz}/items/${record.id}/${action}`;
    for (const action of ['request-changes', 'reject', 'approve']) {
      expect400(await send(moderator, 'post', review(action), { revision: record.version, comment: `c${char}` }), `${action} with ${name}`);
    }
    const after = (await curator.get(studio(`/items/${record.id}`)).expect(200)).body;
    expect(after).toMatchObject({ status: 'in_review', reviewComment: null });
  });

  it.each(BAD)('refuses user and country names with $name; nothing is created or changed', async ({ name, char }) => {
    const n = ++serial;
    const email = `bad-user-${n}@vitrina.test`;
    expect400(await send(admin, 'post', '/api/admin/users', { email, displayName: `U${char}`, password: 'long-enough-password' }), `new user with ${name}`);
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);
    const user = (await admin.post('/api/admin/users', { email, displayName: 'Fine', password: 'long-enough-password' }).expect(201)).body;
    expect400(await send(admin, 'patch', `/api/admin/users/${user.id}`, { displayName: `F${char}` }), `user rename with ${name}`);
    expect((await admin.get(`/api/admin/users/${user.id}`).expect(200)).body.displayName).toBe('Fine');

    const slug = `badland-${n}`;
    const country = { slug, names: { en: `Bad${char}` }, defaultLanguage: 'en', languages: ['en'] };
    expect400(await send(admin, 'post', '/api/admin/countries', country), `new country with ${name}`);
    expect((await admin.get(`/api/public/countries/${slug}`)).status).toBe(404);
    const armenia = (await admin.get('/api/public/countries/armenia').expect(200)).body;
    expect400(await send(admin, 'patch', `/api/admin/countries/${armenia.id}`, { names: { en: `A${char}` } }), `country rename with ${name}`);
    expect400(await send(admin, 'patch', `/api/admin/countries/${armenia.id}`, { intro: text(`<p>${char}</p>`) }), `country intro with ${name}`);
    expect((await admin.get('/api/public/countries/armenia').expect(200)).body.names).toEqual(armenia.names);
  });

  it.each(BAD)('refuses $name in the query of a public page the page cache already holds', async ({ name, inUrl }) => {
    const visitor = testApp.client();
    const page = '/api/public/countries/armenia/home';
    // Twice: the first answer is stored, the second comes from the cache before routing.
    await visitor.get(page).expect(200);
    await visitor.get(page).expect(200);
    expect400(await visitor.get(`${page}?type=x&a${inUrl}b=1`), `cached page with ${name} in an unknown parameter`);
    expect400(await visitor.get(`${page}?lang=${inUrl}`), `cached page with ${name} in lang`);
  });

  it('still takes well-formed text: paired surrogates (emoji), other control-free Unicode', async () => {
    const slug = `emoji-${++serial}`;
    const created = await curator.post(studio('/items'), { slug, kind: 'artefact', title: text('Медаль 🎖️ «За отвагу» \ud83d\ude00') }).expect(201);
    expect(created.body.title.en.text).toBe('Медаль 🎖️ «За отвагу» 😀');
    expect((await admin.get(studio(`/items?q=${encodeURIComponent('🎖️')}`))).status).toBe(200);
  });
});
