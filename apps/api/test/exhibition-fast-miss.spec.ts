import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { createRootLogger } from '../src/infra/logging/logger';
import { PublicSnapshots } from '../src/infra/http/public-snapshots';
import { PublicSiteService } from '../src/modules/site/public-site.service';
import { type ActorName, startWithActors } from './support/actors';
import { editableDocument, insertReadyImage, publishDirectly, unpublishDirectly } from './support/publish';
import { TestClient, type TestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
/** Headers that differ between any two answers, whoever makes them. */
// The rate-limit headers count this client's requests (partners module): they differ from one answer to the next.
const PER_ANSWER = new Set(['date', 'x-request-id', 'set-cookie', 'connection', 'keep-alive', 'ratelimit-remaining', 'ratelimit-reset']);

/**
 * An exhibition page on a miss (page cache off) is answered before Nest for a
 * plain anonymous GET, made in one round trip to the database from its plan
 * (what its last page was made of): the answer must be the route's own, and
 * a change of anything the page shows must show on the very next read.
 */
describe('exhibition pages on a miss, answered before Nest from a plan', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let missApp: NestFastifyApplication;
  let miss: TestClient;
  /** The demo curator signed in on the miss process: its reads carry a session cookie. */
  let signedIn: TestClient;
  let site: PublicSiteService;
  /** Requests of the miss process that Nest routed to a handler (not answered before it). */
  let reachedNest = 0;
  /** Round trips of the miss process to the database: through the ORM, and prepared statements on its pool. */
  let queries: ReturnType<typeof vi.spyOn>[];
  const queryCount = () => queries.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;

  beforeAll(async () => {
    ({ testApp, db, as, kz } = await startWithActors());
    const config = loadConfig(testEnv(testApp.databaseUrl, { PUBLIC_PAGE_CACHE: 'false' }));
    missApp = await createApp(config, createRootLogger(config.logLevel));
    const server = missApp.getHttpAdapter().getInstance();
    server.addHook('preHandler', async () => {
      reachedNest++;
    });
    await server.ready();
    miss = new TestClient(missApp);
    signedIn = new TestClient(missApp);
    await signedIn.login('curator.kz@vitrina.test');
    site = missApp.get(PublicSiteService);
    // Counted, not replaced: every query still reaches PostgreSQL.
    const dataSource = missApp.get(DataSource);
    queries = [vi.spyOn(dataSource, 'query'), vi.spyOn((dataSource.driver as PostgresDriver).master as Pool, 'query')];
  });

  afterAll(async () => {
    for (const spy of queries ?? []) spy.mockRestore();
    await missApp?.close();
    await testApp?.close();
  });

  async function publishedItem(title: string, media: { assetId: string }[] = []) {
    const created = await as.curatorKz
      .post(studio('items'), { slug: `fast-${randomUUID().slice(0, 8)}`, kind: 'artefact', title: { en: text(title) }, media, rights: CC_BY })
      .expect(201);
    await publishDirectly(db, 'items', created.body.id);
    return created.body as { id: string; slug: string };
  }
  async function exhibitionOf(itemIds: string[]) {
    const slug = `fast-${randomUUID().slice(0, 8)}`;
    const created = await as.curatorKz
      .post(studio('exhibitions'), {
        slug,
        title: { en: text('Fast') },
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'gallery', itemIds }] }],
      })
      .expect(201);
    await publishDirectly(db, 'exhibitions', created.body.id);
    return { id: created.body.id as string, slug, page: `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=en` };
  }
  async function approveEdit(collection: 'items' | 'exhibitions', id: string, changes: Record<string, unknown>) {
    const current = (await as.curatorKz.get(studio(collection, `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio(collection, `/${id}`)).send({ ...editableDocument(current), ...changes });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await publishDirectly(db, collection, id);
  }
  /** The page on the miss process, checked against the page cache's; how many queries and Nest routings it took. */
  async function read(page: string) {
    const [queriesBefore, nestBefore] = [queryCount(), reachedNest];
    const answer = await miss.get(page).expect(200);
    const cost = { queries: queryCount() - queriesBefore, viaNest: reachedNest - nestBefore };
    // A change written straight to the database reaches the page cache by notification: wait for it first.
    await testApp.app.get(PublicSnapshots).catchUp();
    expect(answer.text, page).toBe((await as.anonymous.get(page).expect(200)).text);
    return { body: JSON.parse(answer.text), ...cost };
  }
  const titles = (body: { sections: { blocks: { items: { title: { text: string } }[] }[] }[] }) =>
    body.sections[0].blocks[0].items.map((item) => item.title.text);
  const headersOf = (response: { headers: Record<string, string> }) =>
    Object.fromEntries(Object.entries(response.headers).filter(([name]) => !PER_ANSWER.has(name)));

  it("answers a plain anonymous read with the route's very answer, and leaves every other read to Nest", async () => {
    const home = (await as.anonymous.get('/api/public/countries/kazakhstan/home').expect(200)).body;
    for (const { slug } of home.exhibitions as { slug: string }[]) {
      for (const query of ['?lang=en', '?lang=ru', '']) {
        const page = `/api/public/countries/kazakhstan/exhibitions/${slug}${query}`;
        const nestBefore = reachedNest;
        const fast = await miss.get(page).set('accept-language', 'ru').expect(200);
        expect(reachedNest, page).toBe(nestBefore);
        // With a session, and with a parameter the route ignores, Nest answers.
        const withSession = await signedIn.get(page).set('accept-language', 'ru').expect(200);
        const other = await miss.get(`${page}${query ? '&' : '?'}utm=1`).set('accept-language', 'ru').expect(200);
        expect(reachedNest, page).toBe(nestBefore + 2);
        for (const viaNest of [withSession, other]) {
          expect(viaNest.text, page).toBe(fast.text);
          expect(headersOf(viaNest), page).toEqual(headersOf(fast));
        }
        expect(fast.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(fast.headers['content-security-policy']).toBeTruthy();
        const unchanged = await miss.get(page).set('accept-language', 'ru').set('if-none-match', fast.headers.etag).expect(304);
        expect(unchanged.text).toBe('');
        expect(unchanged.headers.etag).toBe(fast.headers.etag);
      }
    }
    // A slug nobody published, an unknown language, a slug the schema refuses: Nest's own answers.
    const nestBefore = reachedNest;
    const missing = await miss.get('/api/public/countries/kazakhstan/exhibitions/no-such-exhibition?lang=en').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: 'No such exhibition' });
    expect(missing.headers['cache-control']).toBe('no-store');
    await miss.get('/api/public/countries/kazakhstan/exhibitions/some-slug?lang=xx').expect(400);
    await miss.get('/api/public/countries/kazakhstan/exhibitions/double--hyphen?lang=en').expect(400);
    expect(reachedNest - nestBefore).toBe(3);
  });

  it('reads the database once per page while nothing it shows changes', async () => {
    const items = await Promise.all(['One', 'Two', 'Three'].map((title) => publishedItem(title)));
    const { slug, page } = await exhibitionOf(items.map((item) => item.id));
    // The first read makes the plan, the second keeps what its page showed; from then on one query.
    await read(page);
    await read(page);
    expect(site.plans.get('kazakhstan', slug)?.shown).toBeDefined();
    for (let i = 0; i < 3; i++) {
      const { body, queries: count, viaNest } = await read(page);
      expect(titles(body)).toEqual(['One', 'Two', 'Three']);
      expect(count).toBe(1);
      expect(viaNest).toBe(0);
    }
  });

  it("shows at once an item unpublished or approved again, and a file's newly approved caption, then reads once again", async () => {
    const assetId = await insertReadyImage(db, kz, { alt: { en: text('A photograph') }, caption: { en: text('First caption') }, rights: CC_BY });
    const pictured = await publishedItem('Pictured', [{ assetId }]);
    const other = await publishedItem('Other');
    const { slug, page } = await exhibitionOf([pictured.id, other.id]);
    const caption = (body: { sections: { blocks: { items: { image: { caption: { text: string } } }[] }[] }[] }) =>
      body.sections[0].blocks[0].items[0].image.caption.text;
    await read(page);
    expect(caption((await read(page)).body)).toBe('First caption');
    expect((await read(page)).queries).toBe(1);
    const kept = site.plans.get('kazakhstan', slug)!.shown;
    expect(kept).toBeDefined();

    await unpublishDirectly(db, 'items', other.id);
    expect(titles((await read(page)).body)).toEqual(['Pictured']);
    expect(site.plans.get('kazakhstan', slug)!.shown).not.toBe(kept);
    await publishDirectly(db, 'items', other.id);
    expect(titles((await read(page)).body)).toEqual(['Pictured', 'Other']);

    // Re-captioned in the studio: nothing shows until the item's new revision is approved, then at once.
    await db.query(`UPDATE media_assets SET caption = $2 WHERE id = $1`, [assetId, { en: text('Second caption') }]);
    expect(caption((await read(page)).body)).toBe('First caption');
    await approveEdit('items', pictured.id, {});
    expect(caption((await read(page)).body)).toBe('Second caption');
    await read(page);
    expect((await read(page)).queries).toBe(1);

    // A withdrawn file is not shown, on the very next read.
    await db.query(`UPDATE media_assets SET withdrawn_at = now() WHERE id = $1`, [assetId]);
    expect((await read(page)).body.sections[0].blocks[0].items[0].image).toBeNull();
  });

  it('follows the exhibition to its new items when a new revision of it is approved', async () => {
    const first = await publishedItem('First');
    const second = await publishedItem('Second');
    const exhibition = await exhibitionOf([first.id]);
    await read(exhibition.page);
    await read(exhibition.page);
    const before = site.plans.get('kazakhstan', exhibition.slug)!;
    await approveEdit('exhibitions', exhibition.id, {
      sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'gallery', itemIds: [second.id, first.id] }] }],
    });
    expect(titles((await read(exhibition.page)).body)).toEqual(['Second', 'First']);
    const after = site.plans.get('kazakhstan', exhibition.slug)!;
    expect(after.exhibitionKey).not.toBe(before.exhibitionKey);
    expect(after.itemIds).toEqual([second.id, first.id]);
    await read(exhibition.page);
    expect((await read(exhibition.page)).queries).toBe(1);
  });

  it("shows the country's renamed name on the very next miss, then reads once again", async () => {
    const item = await publishedItem('Named');
    const { page } = await exhibitionOf([item.id]);
    await read(page);
    await read(page);
    const [{ names }] = await db.query(`SELECT names FROM countries WHERE slug = 'kazakhstan'`);
    try {
      await db.query(`UPDATE countries SET names = names || '{"en": "Qazaqstan"}'::jsonb WHERE slug = 'kazakhstan'`);
      const renamed = await read(page);
      expect(renamed.body.country.name.text).toBe('Qazaqstan');
      expect((await read(page)).queries).toBe(1);
    } finally {
      await db.query(`UPDATE countries SET names = $1 WHERE slug = 'kazakhstan'`, [JSON.stringify(names)]);
    }
    expect((await read(page)).body.country.name.text).toBe(names.en);
  });
});
