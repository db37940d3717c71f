import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@vitrina/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts';
import { VALID_VTT, mp4File } from '../support/media-files';
import { declaredRoutes } from '../support/routes';
import { type TestApp, startTestApp } from '../support/test-app';
import { fingerprint } from './support/fingerprint';
import { InjectClient, type InjectRequest, type InjectResult } from './support/inject-client';
import { PATIENCE_MS } from '../support/patience';

/**
 * Every mutating route, sent by a signed-in admin's browser with a request
 * that would succeed, but without the CSRF header, with a wrong one, with
 * another session's token, or with a token planted in the CSRF cookie: 403
 * each time and not one row changed. Then the same request with the right
 * token succeeds, which shows it was a real write that the check stopped.
 */

interface Context {
  kz: string;
  am: string;
  scratchUserId: string;
  imageId: string;
  videoId: string;
}

interface Prepared {
  request: InjectRequest;
  /** The status the honest request (with the right token) gets. */
  honest: number;
}

interface Row {
  route: string;
  /** Sets up what the request acts on (as the admin, honestly) and returns it. */
  prepare: (ctx: Context, admin: InjectClient) => Promise<Prepared>;
  /** The route ends the session it runs in: run it in a session of its own. */
  endsSession?: boolean;
}

const json = (method: string, url: string, body: unknown): InjectRequest => ({
  method,
  url,
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(body),
});

/** Routes that end sessions run as this user, so the admin's own sessions live on. */
const THROWAWAY = { email: 'csrf-throwaway@vitrina.test', password: 'throwaway-password' };

const unique = () => Math.random().toString(36).slice(2, 8);
const en = (text: string) => ({ en: { text, status: 'original' } });
const DOCS = {
  items: () => ({ slug: `csrf-item-${unique()}`, kind: 'artefact', title: en('An item'), rights: 'https://creativecommons.org/licenses/by/4.0/' }),
  memorials: () => ({ slug: `csrf-memorial-${unique()}`, kind: 'obelisk', title: en('A memorial'), location: { lat: 43.2, lng: 76.9 } }),
  exhibitions: () => ({ slug: `csrf-exhibition-${unique()}`, title: en('An exhibition') }),
  people: () => ({ slug: `csrf-person-${unique()}`, name: 'Иванов Иван', title: en('Ivan Ivanov'), death: { date: '1943' } }),
};
type Collection = keyof typeof DOCS;

async function ok(admin: InjectClient, request: InjectRequest, label: string): Promise<InjectResult> {
  const response = await admin.request(request);
  if (response.status >= 300) throw new Error(`${label}: ${response.status} ${response.body}`);
  return response;
}

async function freshRecord(ctx: Context, admin: InjectClient, collection: Collection) {
  const created = await ok(admin, json('POST', `/api/studio/countries/${ctx.kz}/${collection}`, DOCS[collection]()), 'create');
  return JSON.parse(created.body) as { id: string; version: number };
}

async function submitted(ctx: Context, admin: InjectClient) {
  const record = await freshRecord(ctx, admin, 'items');
  await ok(admin, json('POST', `/api/studio/countries/${ctx.kz}/items/${record.id}/submit`, { version: record.version }), 'submit');
  return record;
}

/** A fresh image whose derivatives are made, so nothing changes behind a forged request's back. */
async function processedUpload(ctx: Context, admin: InjectClient): Promise<string> {
  const upload = { method: 'POST', url: `/api/studio/countries/${ctx.kz}/media`, headers: { 'content-type': 'application/octet-stream' }, payload: await uniqueJpeg() };
  const { id } = JSON.parse((await ok(admin, upload, 'upload')).body) as { id: string };
  const deadline = Date.now() + PATIENCE_MS;
  while (JSON.parse((await ok(admin, { method: 'GET', url: `/api/studio/countries/${ctx.kz}/media/${id}` }, 'media')).body).status === 'processing') {
    if (Date.now() > deadline) throw new Error(`upload ${id} still processing`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return id;
}

let uploads = 0;
const uniqueJpeg = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: ++uploads % 256, g: 90, b: 30 } } }).jpeg().toBuffer();

function studioRows(collection: Collection): Row[] {
  const base = `/api/studio/countries/:countryId/${collection}`;
  return [
    { route: `POST ${base}`, prepare: async (c) => ({ request: json('POST', `/api/studio/countries/${c.kz}/${collection}`, DOCS[collection]()), honest: 201 }) },
    {
      route: `PUT ${base}/:id`,
      prepare: async (c, admin) => {
        const record = await freshRecord(c, admin, collection);
        return { request: json('PUT', `/api/studio/countries/${c.kz}/${collection}/${record.id}`, { ...DOCS[collection](), version: record.version }), honest: 200 };
      },
    },
    {
      route: `DELETE ${base}/:id`,
      prepare: async (c, admin) => {
        const record = await freshRecord(c, admin, collection);
        return { request: { method: 'DELETE', url: `/api/studio/countries/${c.kz}/${collection}/${record.id}` }, honest: 204 };
      },
    },
  ];
}

const review = (c: Context, id: string, action: string) => `/api/review/countries/${c.kz}/items/${id}/${action}`;
const studioRecord = (c: Context, id: string) => `/api/studio/countries/${c.kz}/items/${id}`;

const ROWS: Row[] = [
  { route: 'POST /api/auth/login', prepare: async () => ({ request: json('POST', '/api/auth/login', { email: 'admin@vitrina.test', password: DEMO_PASSWORD }), honest: 200 }) },
  { route: 'POST /api/auth/logout', endsSession: true, prepare: async () => ({ request: { method: 'POST', url: '/api/auth/logout' }, honest: 204 }) },
  {
    route: 'POST /api/auth/password',
    endsSession: true,
    prepare: async () => ({ request: json('POST', '/api/auth/password', { currentPassword: THROWAWAY.password, newPassword: THROWAWAY.password }), honest: 200 }),
  },
  { route: 'POST /api/admin/api-keys', prepare: async () => ({ request: json('POST', '/api/admin/api-keys', { name: `Forged partner ${unique()}` }), honest: 201 }) },
  {
    route: 'DELETE /api/admin/api-keys/:id',
    prepare: async (_c, admin) => {
      const made = await ok(admin, json('POST', '/api/admin/api-keys', { name: `Partner ${unique()}` }), 'make a key');
      return { request: { method: 'DELETE', url: `/api/admin/api-keys/${(JSON.parse(made.body) as { id: string }).id}` }, honest: 200 };
    },
  },
  {
    route: 'POST /api/studio/countries/:countryId/memorials/:memorialId/names',
    prepare: async (c, admin) => {
      const memorial = await freshRecord(c, admin, 'memorials');
      return {
        request: {
          method: 'POST',
          url: `/api/studio/countries/${c.kz}/memorials/${memorial.id}/names?dryRun=false`,
          headers: { 'content-type': 'text/csv' },
          payload: `name,death,fate\nForged ${unique()},1943,killed\n`,
        },
        honest: 200,
      };
    },
  },
  {
    route: 'POST /api/admin/users',
    prepare: async () => ({ request: json('POST', '/api/admin/users', { email: `csrf-${unique()}@vitrina.test`, displayName: 'Forged', password: 'long-enough-password', isAdmin: true }), honest: 201 }),
  },
  { route: 'PATCH /api/admin/users/:id', prepare: async (c) => ({ request: json('PATCH', `/api/admin/users/${c.scratchUserId}`, { isAdmin: true }), honest: 200 }) },
  { route: 'POST /api/admin/users/:id/unlock', prepare: async (c) => ({ request: { method: 'POST', url: `/api/admin/users/${c.scratchUserId}/unlock` }, honest: 200 }) },
  {
    route: 'POST /api/admin/users/:id/memberships',
    prepare: async (c) => ({ request: json('POST', `/api/admin/users/${c.scratchUserId}/memberships`, { countryId: c.am, role: 'moderator' }), honest: 201 }),
  },
  {
    route: 'DELETE /api/admin/users/:id/memberships/:countryId',
    prepare: async (c, admin) => {
      await ok(admin, json('POST', `/api/admin/users/${c.scratchUserId}/memberships`, { countryId: c.kz, role: 'curator' }), 'grant');
      return { request: { method: 'DELETE', url: `/api/admin/users/${c.scratchUserId}/memberships/${c.kz}` }, honest: 204 };
    },
  },
  {
    route: 'POST /api/admin/countries',
    prepare: async () => ({ request: json('POST', '/api/admin/countries', { slug: `forged-${unique()}`, names: { en: 'Forged' }, defaultLanguage: 'en', languages: ['en'] }), honest: 201 }),
  },
  { route: 'PATCH /api/admin/countries/:id', prepare: async (c) => ({ request: json('PATCH', `/api/admin/countries/${c.am}`, { intro: en('Forged intro') }), honest: 200 }) },
  ...studioRows('items'),
  ...studioRows('memorials'),
  ...studioRows('people'),
  ...studioRows('exhibitions'),
  {
    route: 'POST /api/studio/countries/:countryId/people/:id/merge',
    prepare: async (c, admin) => {
      const [survivor, duplicate] = [await freshRecord(c, admin, 'people'), await freshRecord(c, admin, 'people')];
      const body = { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version };
      return { request: json('POST', `/api/studio/countries/${c.kz}/people/${survivor.id}/merge`, body), honest: 200 };
    },
  },
  {
    route: 'POST /api/studio/countries/:countryId/exhibitions/preview',
    prepare: async (c) => ({
      request: json('POST', `/api/studio/countries/${c.kz}/exhibitions/preview?lang=en`, { slug: 'forged-preview', title: en('Forged'), sections: [] }),
      honest: 200,
    }),
  },
  {
    route: 'POST /api/studio/countries/:countryId/media',
    prepare: async (c) => ({
      request: { method: 'POST', url: `/api/studio/countries/${c.kz}/media`, headers: { 'content-type': 'application/octet-stream' }, payload: await uniqueJpeg() },
      honest: 201,
    }),
  },
  {
    route: 'PATCH /api/studio/countries/:countryId/media/:id',
    prepare: async (c) => ({ request: json('PATCH', `/api/studio/countries/${c.kz}/media/${c.imageId}`, { caption: en(`Forged ${unique()}`) }), honest: 200 }),
  },
  {
    route: 'PUT /api/studio/countries/:countryId/media/:id/captions/:lang',
    prepare: async (c) => ({
      request: { method: 'PUT', url: `/api/studio/countries/${c.kz}/media/${c.videoId}/captions/en`, headers: { 'content-type': 'text/vtt' }, payload: VALID_VTT },
      honest: 200,
    }),
  },
  {
    route: 'DELETE /api/studio/countries/:countryId/media/:id/captions/:lang',
    prepare: async (c, admin) => {
      const url = `/api/studio/countries/${c.kz}/media/${c.videoId}/captions/kk`;
      await ok(admin, { method: 'PUT', url, headers: { 'content-type': 'text/vtt' }, payload: VALID_VTT }, 'captions');
      return { request: { method: 'DELETE', url }, honest: 200 };
    },
  },
  ...(['withdraw', 'restore'] as const).map(
    (action): Row => ({
      route: `POST /api/review/countries/:countryId/media/:mediaId/${action}`,
      prepare: async (c, admin) => {
        const id = await processedUpload(c, admin);
        const base = `/api/review/countries/${c.kz}/media/${id}`;
        if (action === 'restore') await ok(admin, json('POST', `${base}/withdraw`, { comment: 'Honest withdrawal' }), 'withdraw');
        return { request: json('POST', `${base}/${action}`, { comment: 'Forged' }), honest: 204 };
      },
    }),
  ),
  { route: 'POST /api/notifications/read', prepare: async () => ({ request: json('POST', '/api/notifications/read', {}), honest: 200 }) },
  {
    route: 'POST /api/studio/countries/:countryId/:collection/:id/submit',
    prepare: async (c, admin) => {
      const record = await freshRecord(c, admin, 'items');
      return { request: json('POST', `${studioRecord(c, record.id)}/submit`, { version: record.version }), honest: 204 };
    },
  },
  {
    route: 'POST /api/studio/countries/:countryId/:collection/:id/withdraw',
    prepare: async (c, admin) => ({ request: { method: 'POST', url: `${studioRecord(c, (await submitted(c, admin)).id)}/withdraw` }, honest: 204 }),
  },
  {
    route: 'POST /api/studio/countries/:countryId/:collection/:id/revisions/:number/restore',
    prepare: async (c, admin) => {
      const record = await freshRecord(c, admin, 'items');
      await ok(admin, json('PUT', studioRecord(c, record.id), { ...DOCS.items(), version: record.version }), 'save');
      return { request: { method: 'POST', url: `${studioRecord(c, record.id)}/revisions/1/restore` }, honest: 200 };
    },
  },
  ...(['approve', 'request-changes', 'reject'] as const).map(
    (action): Row => ({
      route: `POST /api/review/countries/:countryId/:collection/:id/${action}`,
      prepare: async (c, admin) => {
        const record = await submitted(c, admin);
        return { request: json('POST', review(c, record.id, action), { revision: record.version, comment: 'Looks forged' }), honest: 204 };
      },
    }),
  ),
  {
    route: 'POST /api/review/countries/:countryId/:collection/:id/unpublish',
    prepare: async (c, admin) => {
      const record = await submitted(c, admin);
      await ok(admin, json('POST', review(c, record.id, 'approve'), { revision: record.version }), 'approve');
      return { request: json('POST', review(c, record.id, 'unpublish'), { comment: 'Forged' }), honest: 204 };
    },
  },
  {
    route: 'POST /api/review/countries/:countryId/:collection/:id/archive',
    prepare: async (c, admin) => ({ request: json('POST', review(c, (await freshRecord(c, admin, 'items')).id, 'archive'), {}), honest: 204 }),
  },
];

describe('CSRF on every mutating route', () => {
  let testApp: TestApp;
  let admin: InjectClient;
  /** Another signed-in admin: their token must not work in the first admin's session. */
  let otherAdmin: InjectClient;
  let ctx: Context;

  async function waitReady(id: string) {
    for (let i = 0; i < PATIENCE_MS / 200; i++) {
      const asset = JSON.parse((await admin.request({ method: 'GET', url: `/api/studio/countries/${ctx.kz}/media/${id}` })).body);
      if (asset.status !== 'processing') return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    admin = new InjectClient(testApp.app);
    await admin.login('admin@vitrina.test');
    otherAdmin = new InjectClient(testApp.app);
    await otherAdmin.login('admin@vitrina.test');
    const countries = JSON.parse((await admin.request({ method: 'GET', url: '/api/public/countries' })).body).items as { id: string; slug: string }[];
    const idOf = (slug: string) => countries.find((c) => c.slug === slug)!.id;
    ctx = { kz: idOf('kazakhstan'), am: idOf('armenia'), scratchUserId: '', imageId: '', videoId: '' };
    const scratch = await ok(admin, json('POST', '/api/admin/users', { email: 'csrf-scratch@vitrina.test', displayName: 'Scratch', password: 'scratch-password' }), 'user');
    ctx.scratchUserId = JSON.parse(scratch.body).id;
    await ok(admin, json('POST', '/api/admin/users', { ...THROWAWAY, displayName: 'Throwaway' }), 'throwaway user');
    const upload = async (payload: Buffer) =>
      JSON.parse((await ok(admin, { method: 'POST', url: `/api/studio/countries/${ctx.kz}/media`, headers: { 'content-type': 'application/octet-stream' }, payload }, 'upload')).body).id as string;
    ctx.imageId = await upload(await uniqueJpeg());
    ctx.videoId = await upload(mp4File());
    await waitReady(ctx.imageId);
    await waitReady(ctx.videoId);
  });

  afterAll(() => testApp?.close());

  it('has a row for every mutating route the application declares', () => {
    const mutating = declaredRoutes(testApp.app)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`);
    expect(mutating.filter((route) => !ROWS.some((row) => row.route === route))).toEqual([]);
    expect(ROWS.map((row) => row.route).filter((route) => !mutating.includes(route))).toEqual([]);
  });

  for (const row of ROWS) {
    it(row.route, async () => {
      let client = admin;
      if (row.endsSession) {
        client = new InjectClient(testApp.app);
        await client.login(THROWAWAY.email, THROWAWAY.password);
      }
      const { request, honest } = await row.prepare(ctx, admin);
      const before = await fingerprint(testApp.databaseUrl);
      const session = client.cookies[SESSION_COOKIE];
      const forgeries: Record<string, InjectRequest> = {
        'no header': request,
        'a wrong header': { ...request, headers: { ...request.headers, [CSRF_HEADER]: 'forged-token' } },
        'an empty header': { ...request, headers: { ...request.headers, [CSRF_HEADER]: '' } },
        'the token with a space': { ...request, headers: { ...request.headers, [CSRF_HEADER]: `${client.csrfToken} ` } },
        "another session's token": { ...request, headers: { ...request.headers, [CSRF_HEADER]: otherAdmin.csrfToken! } },
        // Double-submit with a cookie the attacker planted (from a sibling subdomain, say): the session's own token wins.
        'a planted cookie and matching header': {
          ...request,
          headers: { ...request.headers, cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=planted`, [CSRF_HEADER]: 'planted' },
        },
        // A cross-site <form enctype="text/plain"> carries the cookies and a JSON-looking body, but no custom header.
        'a text/plain form post': {
          ...request,
          headers: { ...request.headers, 'content-type': 'text/plain', origin: 'https://evil.test' },
          payload: '{"email":"admin@vitrina.test","x":"=1"}',
        },
      };
      const seen: Record<string, number> = {};
      for (const [name, forged] of Object.entries(forgeries)) {
        seen[name] = (await client.request(forged, { csrf: false })).status;
      }
      // A visitor with no session and no CSRF cookie at all.
      seen['a visitor without a token'] = (await new InjectClient(testApp.app).request(request)).status;
      // The same as an urlencoded form post: refused (Fastify has no parser for it, 415, before the guard's 403).
      const form = { ...request, headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' };
      const formStatus = (await client.request(form, { csrf: false })).status;
      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, 403])));
      expect([403, 415]).toContain(formStatus);
      expect(await fingerprint(testApp.databaseUrl)).toEqual(before);

      const response = await client.request(request);
      expect(response.status, response.body).toBe(honest);
      if (row.route === 'POST /api/studio/countries/:countryId/media') {
        await waitReady(JSON.parse(response.body).id);
        // What the fingerprint would have caught had a forgery got through: a stored object, a queued job, an audit entry.
        const after = await fingerprint(testApp.databaseUrl);
        for (const part of ['objects', 'jobs', 'audit_log', 'media_assets']) expect(after[part], part).not.toBe(before[part]);
      }
    });
  }
});
