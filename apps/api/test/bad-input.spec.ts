import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await admin.post('/api/admin/countries', { slug: 'kazakhstan', names: { en: 'Dup' }, defaultLanguage: 'en', languages: ['en'] }).expect(409);
  });
});
