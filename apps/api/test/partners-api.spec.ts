import {
  type PublicListCollection,
  apiKeyListSchema,
  createdApiKeySchema,
  publicExhibitionsPageSchema,
  publicItemsPageSchema,
  publicMemorialsPageSchema,
} from '@vitrina/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type ActorName } from './support/actors';
import { startWithActors } from './support/actors';
import { editableDocument } from './support/publish';
import type { TestApp, TestClient } from './support/test-app';
import type { DataSource } from 'typeorm';

const SCHEMAS: Record<PublicListCollection, z.ZodType> = {
  items: publicItemsPageSchema,
  memorials: publicMemorialsPageSchema,
  exhibitions: publicExhibitionsPageSchema,
};
const TABLES: Record<PublicListCollection, string> = { items: 'items', memorials: 'memorials', exhibitions: 'exhibitions' };
const list = (collection: PublicListCollection, query = '') => `/api/public/countries/kazakhstan/${collection}${query ? `?${query}` : ''}`;
const ORIGIN = 'https://aggregator.example';

interface Listed {
  id: string;
  slug: string;
  title: { text: string; lang: string };
}

describe('the read API for partners', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let db: DataSource;
  let kz: string;

  beforeAll(async () => {
    ({ testApp, as, db, kz } = await startWithActors());
  });
  afterAll(() => testApp?.close());

  /** Every page of a list, following nextCursor, each checked against its contract; bounded by count. */
  async function everyPage(collection: PublicListCollection, query: string, client: TestClient = as.anonymous): Promise<{ items: Listed[]; pages: number }> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    for (let page = 1; page <= 100; page++) {
      const response = await client.get(list(collection, `${query}${cursor ? `&cursor=${cursor}` : ''}`));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(SCHEMAS[collection].safeParse(response.body).error).toBeUndefined();
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
      if (!cursor) return { items, pages: page };
    }
    throw new Error('more than 100 pages');
  }

  /** The country's live records of a table, newest approved first then by id, as the database orders them. */
  async function liveIds(table: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM "${table}" WHERE country_id = $1 AND live_revision IS NOT NULL ORDER BY published_at DESC, id`,
      [kz],
    );
    return rows.map((row) => row.id);
  }

  describe('CORS', () => {
    it('opens every public GET and HEAD to any origin, without credentials, exposing what a client needs', async () => {
      for (const path of ['/api/public/countries', list('items', 'limit=1'), '/api/public/countries/kazakhstan/home', '/api/public/countries/kazakhstan/home']) {
        const response = await as.anonymous.get(path).set('origin', ORIGIN).expect(200);
        expect(response.headers['access-control-allow-origin']).toBe('*');
        expect(response.headers['access-control-allow-credentials']).toBeUndefined();
        const exposed = String(response.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/);
        expect(exposed).toEqual(expect.arrayContaining(['etag', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']));
      }
      const head = await as.anonymous.agent.head(list('memorials')).set('origin', ORIGIN).expect(200);
      expect(head.headers['access-control-allow-origin']).toBe('*');
    });

    it('answers preflights under /api/public, with the key headers allowed and no credentials', async () => {
      const response = await as.anonymous.agent
        .options(list('exhibitions'))
        .set('origin', ORIGIN)
        .set('access-control-request-method', 'GET')
        .set('access-control-request-headers', 'x-api-key, authorization');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD');
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('x-api-key');
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('keeps staff routes same-origin: no allow-origin on their preflights nor their answers', async () => {
      for (const path of [`/api/studio/countries/${kz}/items`, `/api/review/countries/${kz}/queue`, '/api/admin/api-keys', '/api/admin/users', '/api/auth/login', '/api/auth/me']) {
        const preflight = await as.anonymous.agent
          .options(path)
          .set('origin', ORIGIN)
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'content-type, x-csrf-token');
        expect(preflight.headers['access-control-allow-origin'], path).toBeUndefined();
        expect(preflight.headers['access-control-allow-methods'], path).toBeUndefined();
        const answer = await as.admin.get(path).set('origin', ORIGIN);
        expect(answer.headers['access-control-allow-origin'], path).toBeUndefined();
      }
    });
  });

  describe('lists of every kind', () => {
    it('walks each kind newest approved first, a page at a time, every live record once, each page as its contract says', async () => {
      for (const collection of ['items', 'memorials', 'exhibitions'] as const) {
        const expected = await liveIds(TABLES[collection]);
        expect(expected.length).toBeGreaterThan(0);
        const { items, pages } = await everyPage(collection, 'limit=2&lang=en');
        expect(items.map((item) => item.id)).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 2)));
        const whole = await as.anonymous.get(list(collection, 'limit=200')).expect(200);
        expect(whole.body.nextCursor).toBeNull();
        expect(whole.body.items.map((item: Listed) => item.id)).toEqual(expected);
      }
    });

    it('gives 50 by default, carries an ETag, resolves texts for the reader, shows memorials where they stand', async () => {
      const response = await as.anonymous.get(list('memorials', 'lang=en')).expect(200);
      expect(response.headers.etag).toBeTruthy();
      expect(response.body.items.length).toBeLessThanOrEqual(50);
      for (const memorial of response.body.items) {
        expect(memorial.location).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
        expect(memorial.title.fallback || memorial.title.lang === 'en').toBe(true);
      }
      await as.anonymous.get(list('memorials', 'lang=en')).set('if-none-match', String(response.headers.etag)).expect(304);
    });

    it('shows live records with their approved texts only: a draft is not listed, an unapproved edit not shown', async () => {
      const draft = await as.curatorKz
        .post(`/api/studio/countries/${kz}/items`, { slug: 'partners-draft', kind: 'artefact', title: { ru: { text: 'Черновик', status: 'original' } } })
        .expect(201);
      const [first] = (await as.anonymous.get(list('items', 'limit=1&lang=ru')).expect(200)).body.items as Listed[];
      const current = (await as.curatorKz.get(`/api/studio/countries/${kz}/items/${first.id}`).expect(200)).body;
      const edited = { ...editableDocument(current), title: { ru: { text: 'Неодобренное название', status: 'original' } }, version: current.version };
      const saved = await as.curatorKz.request('put', `/api/studio/countries/${kz}/items/${first.id}`).send(edited);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const { items } = await everyPage('items', 'limit=200&lang=ru');
      expect(items.map((item) => item.id)).not.toContain(draft.body.id);
      expect(items.find((item) => item.id === first.id)?.title.text).toBe(first.title.text);
      expect(JSON.stringify(items)).not.toContain('Неодобренное');
    });

    it('refuses a made-up, edited or foreign cursor and a limit out of bounds with 400, never 500', async () => {
      const page = (await as.anonymous.get(list('items', 'limit=1')).expect(200)).body;
      expect(page.nextCursor).toEqual(expect.any(String));
      const real: string = page.nextCursor;
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const bad = [
        'abc',
        `${real}A`,
        real.slice(0, -2),
        encode(['2024-13-01T00:00:00.000000Z', '6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f']),
        encode(['2024-02-30T00:00:00.000000Z', '6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f']),
        encode(['2024-01-01T25:00:00.000000Z', '6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f']),
        encode(['2024-01-01T00:00:00.000000Z', 'not-a-uuid']),
        encode(['Семёнов', '6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f']),
        encode({ at: '2024-01-01T00:00:00.000000Z' }),
        '_-_-',
      ];
      for (const cursor of bad) {
        for (const collection of ['items', 'memorials', 'exhibitions'] as const) {
          const response = await as.anonymous.get(list(collection, `cursor=${encodeURIComponent(cursor)}`));
          expect(response.status, `${collection} ${cursor}`).toBe(400);
          expect(response.body.message).toMatch(/cursor/);
        }
      }
      // A cursor of the people's register (a name and an id) is not one of these lists'.
      const people = (await as.anonymous.get('/api/public/countries/kazakhstan/people?limit=1').expect(200)).body;
      if (people.nextCursor) await as.anonymous.get(list('items', `cursor=${people.nextCursor}`)).expect(400);
      for (const limit of ['0', '201', '-1', 'x', '1.5']) await as.anonymous.get(list('items', `limit=${limit}`)).expect(400);
      await as.anonymous.get('/api/public/countries/nowhere-land/items').expect(404);
      // A well-formed key past every record gives an empty last page.
      const past = (await as.anonymous.get(list('items', `cursor=${encode(['1999-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`)).expect(200)).body;
      expect(past).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('API keys', () => {
    it('are made, listed and revoked by admins only, shown once, kept hashed, audited, and refused once revoked', async () => {
      await as.anonymous.get('/api/admin/api-keys').expect(401);
      await as.curatorKz.get('/api/admin/api-keys').expect(403);
      await as.moderatorKz.post('/api/admin/api-keys', { name: 'Nope' }).expect(403);
      await as.admin.post('/api/admin/api-keys', { name: '' }).expect(400);

      const created = await as.admin.post('/api/admin/api-keys', { name: 'Europeana', contact: 'ops@europeana.example' }).expect(201);
      expect(createdApiKeySchema.safeParse(created.body).error).toBeUndefined();
      const key: string = created.body.key;
      expect(key).toMatch(/^vtr_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(created.body.prefix)).toBe(true);

      const listed = (await as.admin.get('/api/admin/api-keys').expect(200)).body;
      expect(apiKeyListSchema.safeParse(listed).error).toBeUndefined();
      expect(listed.items.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({ name: 'Europeana', contact: 'ops@europeana.example', revokedAt: null, createdBy: 'admin@vitrina.test' });
      expect(JSON.stringify(listed)).not.toContain(key);
      const [stored] = await db.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
      expect(stored.key_hash).not.toContain(key.slice(4));
      expect(JSON.stringify(await db.query('SELECT * FROM api_keys'))).not.toContain(key);

      // The key works in either header, and raises the limit the answer states.
      const anonymous = await as.anonymous.get(list('items', 'limit=1')).expect(200);
      for (const [header, value] of [['x-api-key', key], ['authorization', `Bearer ${key}`]]) {
        const response = await as.anonymous.get(list('items', 'limit=1')).set(header, value).set('origin', ORIGIN).expect(200);
        expect(Number(response.headers['ratelimit-limit'])).toBeGreaterThanOrEqual(Number(anonymous.headers['ratelimit-limit']));
      }

      // An unknown key is a 401 with a clear message, readable by the partner's script.
      for (const [header, value] of [['x-api-key', 'vtr_made-up'], ['authorization', 'Bearer nonsense'], ['x-api-key', 'x'.repeat(5000)]]) {
        const refused = await as.anonymous.get(list('items')).set(header, value).set('origin', ORIGIN);
        expect(refused.status).toBe(401);
        expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/API key/) });
        expect(refused.headers['access-control-allow-origin']).toBe('*');
        expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      // The same on a page served from the page cache, on OAI-PMH and on IIIF collections.
      await as.anonymous.get('/api/public/countries/kazakhstan/home').expect(200);
      await as.anonymous.get('/api/public/countries/kazakhstan/home').set('x-api-key', 'vtr_made-up').expect(401);
      await as.anonymous.get('/api/oai?verb=Identify').set('x-api-key', 'vtr_made-up').expect(401);
      await as.anonymous.get('/iiif/collections/kazakhstan').set('x-api-key', 'vtr_made-up').expect(401);

      const revoked = await as.admin.delete(`/api/admin/api-keys/${created.body.id}`).expect(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const refused = await as.anonymous.get(list('items')).set('authorization', `Bearer ${key}`).expect(401);
      expect(refused.body.message).toMatch(/revoked/);
      await as.admin.delete(`/api/admin/api-keys/${created.body.id}`).expect(200);
      await as.admin.delete('/api/admin/api-keys/6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f').expect(404);

      const audit = (await as.admin.get(`/api/audit?entityId=${created.body.id}`).expect(200)).body.items as { action: string; actorEmail: string; details: object }[];
      expect(audit.map((entry) => entry.action).sort()).toEqual(['api-key.create', 'api-key.revoke']);
      expect(audit.every((entry) => entry.actorEmail === 'admin@vitrina.test')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(key);
    });
  });

  describe('the OpenAPI document', () => {
    it('lists the lists, the key routes, the key security schemes and the 429 and 401 answers', async () => {
      const doc = (await as.anonymous.get('/api/docs-json').expect(200)).body;
      for (const collection of ['items', 'memorials', 'exhibitions']) {
        const operation = doc.paths[`/api/public/countries/{slug}/${collection}`]?.get;
        expect(operation, collection).toBeDefined();
        expect(operation.tags).toContain('partners');
        expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['slug', 'limit', 'cursor', 'lang']));
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
        expect(operation.responses['429'].headers).toHaveProperty('Retry-After');
        expect(operation.security).toEqual([{}, { apiKey: [] }, { partnerBearer: [] }]);
      }
      for (const path of ['/api/public/countries/{slug}/people', '/api/oai', '/iiif/manifests/{collection}/{id}', '/iiif/collections/{country}']) {
        expect(doc.paths[path]?.get?.responses?.['429'], path).toBeDefined();
      }
      expect(doc.paths['/api/admin/api-keys']).toHaveProperty('get');
      expect(doc.paths['/api/admin/api-keys']).toHaveProperty('post');
      expect(doc.paths['/api/admin/api-keys/{id}']).toHaveProperty('delete');
      expect(doc.paths['/api/admin/api-keys'].get.responses['429']).toBeUndefined();
      expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
      expect(doc.components.securitySchemes.partnerBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });
});
