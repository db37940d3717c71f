import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { LISTENER_APPLICATION_NAME, PublicChangesListener } from '../src/infra/http/public-changes-listener';
import { PublicSnapshots, SNAPSHOT_LIMITS, snapshotKey } from '../src/infra/http/public-snapshots';
import { createRootLogger } from '../src/infra/logging/logger';
import { type ActorName, startWithActors } from './support/actors';
import { eventually } from './support/patience';
import { createGalleryExhibition, editableDocument, publishDirectly, unpublishDirectly } from './support/publish';
import { TestClient, type TestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** Keeps the CPU (and this process's event loop) busy, as a busy machine does to a test, for about `ms`. */
function stallEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('public page cache', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let counter = 0;
  /** A second API process (another Nest app) on the same database. */
  let other: NestFastifyApplication;
  let otherVisitor: TestClient;
  let snapshots: PublicSnapshots;
  let otherSnapshots: PublicSnapshots;

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;
  const review = (collection: string, id: string, action: string) => `/api/review/countries/${kz}/${collection}/${id}/${action}`;
  const itemPath = (slug: string) => `/api/public/countries/kazakhstan/items/${slug}?lang=en`;
  const keyOf = (path: string) => snapshotKey(path, undefined);
  /** Both processes have applied every change committed so far. */
  const bothCaughtUp = () => Promise.all([snapshots.catchUp(), otherSnapshots.catchUp()]);

  async function publish(collection: 'items' | 'memorials' | 'exhibitions', id: string, version: number) {
    await as.curatorKz.post(studio(collection, `/${id}/submit`), { version }).expect(204);
    await as.moderatorKz.post(review(collection, id, 'approve'), { revision: version }).expect(204);
  }
  async function publishedItem(description: string) {
    const slug = `cached-${++counter}-${randomUUID().slice(0, 6)}`;
    const created = await as.curatorKz
      .post(studio('items'), { slug, kind: 'artefact', title: { en: text(`Cached ${counter}`) }, description: { en: text(description) }, rights: CC_BY })
      .expect(201);
    await publish('items', created.body.id, created.body.version);
    // The other process may hear of the publication only later, on a busy machine: a page it read
    // meanwhile would be dropped by that late news, so every test starts from a settled state.
    await bothCaughtUp();
    return created.body as { id: string; slug: string; version: number };
  }
  async function edit(id: string, changes: object) {
    const current = (await as.curatorKz.get(studio('items', `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio('items', `/${id}`)).send({ ...editableDocument(current), ...changes });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as { version: number };
  }

  beforeAll(async () => {
    ({ testApp, db, as, kz, am } = await startWithActors());
    const config = loadConfig(testEnv(testApp.databaseUrl));
    other = await createApp(config, createRootLogger(config.logLevel));
    await other.getHttpAdapter().getInstance().ready();
    otherVisitor = new TestClient(other);
    snapshots = testApp.app.get(PublicSnapshots);
    otherSnapshots = other.get(PublicSnapshots);
  });

  afterAll(async () => {
    await other?.close();
    await testApp?.close();
  });

  it('serves a stored page until a new revision is approved, then the new one at once', async () => {
    const record = await publishedItem('First words.');
    const first = await as.anonymous.get(itemPath(record.slug)).expect(200);
    expect(first.body.description.text).toBe('First words.');
    expect(snapshots.holds(keyOf(itemPath(record.slug)))).toBe(true);
    const again = await as.anonymous.get(itemPath(record.slug)).expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    await as.anonymous.get(itemPath(record.slug)).set('if-none-match', first.headers.etag).expect(304);

    // An unapproved edit changes nothing visitors see…
    const draft = await edit(record.id, { description: { en: text('Second words.') } });
    expect((await as.anonymous.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('First words.');
    // …its approval changes it for the very next read.
    await publish('items', record.id, draft.version);
    const after = await as.anonymous.get(itemPath(record.slug)).expect(200);
    expect(after.body.description.text).toBe('Second words.');
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it("keeps its pages, in this process and the other, through a curator's work on drafts", async () => {
    const record = await publishedItem('Kept words.');
    const key = keyOf(itemPath(record.slug));
    await as.anonymous.get(itemPath(record.slug)).expect(200);
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(snapshots.holds(key)).toBe(true);
    expect(otherSnapshots.holds(key)).toBe(true);

    // A new draft, saves of a live record, a submission and a withdrawal: nothing visitors see.
    const created = await as.curatorKz.post(studio('items'), { slug: `draft-${randomUUID().slice(0, 8)}`, kind: 'artefact', title: { en: text('Draft') } }).expect(201);
    const draft = await edit(record.id, { description: { en: text('Draft words.') } });
    await as.curatorKz.post(studio('items', `/${record.id}/submit`), { version: draft.version }).expect(204);
    await as.curatorKz.post(studio('items', `/${record.id}/withdraw`)).expect(204);
    await as.curatorKz.delete(studio('items', `/${created.body.id}`)).expect(204);
    // Any notification those writes sent has been heard by both once they have caught up.
    await bothCaughtUp();
    expect(snapshots.holds(key)).toBe(true);
    expect(otherSnapshots.holds(key)).toBe(true);
    expect((await as.anonymous.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Kept words.');

    // The approval drops the page in both.
    await as.curatorKz.post(studio('items', `/${record.id}/submit`), { version: draft.version }).expect(204);
    await as.moderatorKz.post(review('items', record.id, 'approve'), { revision: draft.version }).expect(204);
    expect((await as.anonymous.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Draft words.');
    await otherSnapshots.catchUp();
    expect((await otherVisitor.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Draft words.');
  });

  it('keeps listening while a heartbeat is answered late, as on a busy machine', async () => {
    const downs: string[] = [];
    let ups = 0;
    const listener = new PublicChangesListener(
      testApp.databaseUrl,
      { change: () => undefined, up: () => ups++, down: (reason) => downs.push(reason) },
      { heartbeatMs: 3_600_000, deadlineMs: 20, reconnectMs: [50] },
    );
    try {
      await listener.start();
      expect(listener.isListening).toBe(true);
      for (let i = 0; i < 3; i++) {
        // The answer comes while the event loop is busy: it waits unread as the deadline passes.
        listener.beat();
        stallEventLoop(200);
        await listener.sync();
        expect(downs).toEqual([]);
      }
      expect(listener.isListening).toBe(true);
      expect(ups).toBe(1);
    } finally {
      await listener.stop();
    }
  });

  it('answers 404 at once after unpublishing or archiving', async () => {
    const record = await publishedItem('Soon gone.');
    await as.anonymous.get(itemPath(record.slug)).expect(200);
    await as.anonymous.get(itemPath(record.slug)).expect(200);
    await as.moderatorKz.post(review('items', record.id, 'unpublish'), { comment: 'Rights in question' }).expect(204);
    await as.anonymous.get(itemPath(record.slug)).expect(404);

    const archived = await publishedItem('Put away.');
    await as.anonymous.get(itemPath(archived.slug)).expect(200);
    await as.moderatorKz.post(review('items', archived.id, 'archive'), {}).expect(204);
    await as.anonymous.get(itemPath(archived.slug)).expect(404);
  });

  it('keeps language apart: ?lang= and Accept-Language get their own pages', async () => {
    const slug = `bilingual-${randomUUID().slice(0, 6)}`;
    const created = await as.curatorKz
      .post(studio('items'), { slug, kind: 'artefact', title: { en: text('In English'), ru: text('По-русски') }, rights: CC_BY })
      .expect(201);
    await publish('items', created.body.id, created.body.version);
    const base = `/api/public/countries/kazakhstan/items/${slug}`;
    for (let i = 0; i < 2; i++) {
      expect((await as.anonymous.get(`${base}?lang=en`).expect(200)).body.title.text).toBe('In English');
      expect((await as.anonymous.get(`${base}?lang=ru`).expect(200)).body.title.text).toBe('По-русски');
      expect((await as.anonymous.get(base).set('accept-language', 'ru-RU,ru;q=0.9').expect(200)).body.title.text).toBe('По-русски');
      expect((await as.anonymous.get(base).set('accept-language', 'en-GB,en;q=0.8').expect(200)).body.title.text).toBe('In English');
      expect((await as.anonymous.get(`${base}?lang=en`).set('accept-language', 'ru').expect(200)).body.title.text).toBe('In English');
    }
  });

  it('drops an item from a stored exhibition as soon as the item is unpublished', async () => {
    const shown = await publishedItem('Shown.');
    const withdrawn = await publishedItem('Withdrawn.');
    const slug = `cached-exhibition-${randomUUID().slice(0, 6)}`;
    const created = await createGalleryExhibition(as.curatorKz, kz, { slug, title: 'Two objects', itemIds: [shown.id, withdrawn.id] });
    await publish('exhibitions', created.id, created.version);
    const path = `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=en`;
    const slugsShown = async () => {
      const body = (await as.anonymous.get(path).expect(200)).body;
      return body.sections[0].blocks[0].items.map((item: { slug: string }) => item.slug);
    };
    expect(await slugsShown()).toEqual([shown.slug, withdrawn.slug]);
    expect(await slugsShown()).toEqual([shown.slug, withdrawn.slug]);
    await as.moderatorKz.post(review('items', withdrawn.id, 'unpublish'), { comment: 'Withdrawn by the lender' }).expect(204);
    expect(await slugsShown()).toEqual([shown.slug]);
  });

  it('shows another process the change: approvals, unpublishing and writes that bypass the API', async () => {
    const record = await publishedItem('Before.');
    const read = () => otherVisitor.get(itemPath(record.slug));
    expect((await read().expect(200)).body.description.text).toBe('Before.');
    expect((await read().expect(200)).body.description.text).toBe('Before.');
    expect(otherSnapshots.holds(keyOf(itemPath(record.slug)))).toBe(true);

    const draft = await edit(record.id, { description: { en: text('After.') } });
    await publish('items', record.id, draft.version);
    await otherSnapshots.catchUp();
    expect((await read().expect(200)).body.description.text).toBe('After.');

    await as.moderatorKz.post(review('items', record.id, 'unpublish'), { comment: 'Gone' }).expect(204);
    await otherSnapshots.catchUp();
    await read().expect(404);

    // Plain SQL (as a media job in a worker process or an operator would write): the triggers tell both processes.
    const direct = await publishedItem('Direct.');
    await as.anonymous.get(itemPath(direct.slug)).expect(200);
    await otherVisitor.get(itemPath(direct.slug)).expect(200);
    await unpublishDirectly(db, 'items', direct.id);
    await bothCaughtUp();
    await as.anonymous.get(itemPath(direct.slug)).expect(404);
    await otherVisitor.get(itemPath(direct.slug)).expect(404);
  });

  it('shows a country edit made in another process', async () => {
    const record = await publishedItem('In a renamed country.');
    const read = async () => (await otherVisitor.get(itemPath(record.slug)).expect(200)).body.country.name.text;
    expect(await read()).toBe('Kazakhstan');
    expect(await read()).toBe('Kazakhstan');
    await as.admin.patch(`/api/admin/countries/${kz}`, { names: { ru: 'Казахстан', en: 'Republic of Kazakhstan', kk: 'Қазақстан' } }).expect(200);
    await otherSnapshots.catchUp();
    expect(await read()).toBe('Republic of Kazakhstan');
    await as.admin.patch(`/api/admin/countries/${kz}`, { names: { ru: 'Казахстан', en: 'Kazakhstan', kk: 'Қазақстан' } }).expect(200);
  });

  it('leaves its pages alone when an anonymous POST or DELETE is refused, whatever the path', async () => {
    const record = await publishedItem('Not for strangers.');
    const key = keyOf(itemPath(record.slug));
    const first = await as.anonymous.get(itemPath(record.slug)).expect(200);
    expect(snapshots.holds(key)).toBe(true);
    const refused = [
      await as.anonymous.post(`/api/no-such-thing/${randomUUID()}`, {}),
      await as.anonymous.delete(itemPath(record.slug)),
      await as.anonymous.post(itemPath(record.slug), {}),
      await as.anonymous.post(review('items', record.id, 'approve'), { revision: record.version }),
      await as.anonymous.post(review('items', record.id, 'unpublish'), { comment: 'No' }),
      await as.anonymous.delete(studio('items', `/${record.id}`)),
      await as.anonymous.request('patch', `/api/admin/countries/${kz}`).send({ names: { en: 'Nowhere' } }),
    ];
    for (const answer of refused) expect([401, 403, 404, 405]).toContain(answer.status);
    expect(refused.some((answer) => answer.status === 404)).toBe(true);
    expect(refused.some((answer) => answer.status === 403 || answer.status === 401)).toBe(true);
    await bothCaughtUp();
    expect(snapshots.holds(key)).toBe(true);
    const again = await as.anonymous.get(itemPath(record.slug)).expect(200);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('keys pages by their known parameters only: 10 000 random query strings do not grow it', { timeout: 600_000 }, async () => {
    const record = await publishedItem('Many ways to ask.');
    const base = `/api/public/countries/kazakhstan/items/${record.slug}`;
    const server = testApp.app.getHttpAdapter().getInstance();
    const get = (url: string, headers: Record<string, string> = {}) => server.inject({ method: 'GET', url, headers });
    const first = await get(`${base}?lang=en`);
    expect(first.statusCode).toBe(200);
    const before = snapshots.size;
    for (let i = 0; i < 10_000; i++) {
      const noise = `${randomUUID().slice(0, 8)}=${i}`;
      // Unknown parameters around a valid lang, in any order; a lang the route refuses; no lang at all.
      const url = [`${base}?${noise}&lang=en`, `${base}?lang=en&${noise}`, `${base}?lang=${noise}`, `${base}?${noise}`][i % 4];
      const answer = await get(url, { 'accept-language': `x-${i}` });
      expect(answer.statusCode, url).toBe(i % 4 === 2 ? 400 : 200);
      if (i % 4 < 2) expect(answer.body).toBe(first.body);
    }
    // At most one more page: the one Accept-Language picks when no lang is given.
    expect(snapshots.size).toBeLessThanOrEqual(before + 1);
    expect(snapshots.size).toBeLessThanOrEqual(SNAPSHOT_LIMITS.maxEntries);
    expect(snapshots.holds(keyOf(`${base}?lang=en`))).toBe(true);
  });

  it('drops only the pages a change shows: an unrelated record, here or in another country, stays', async () => {
    const changed = await publishedItem('Changing.');
    const neighbour = await publishedItem('Next door.');
    const abroadSlug = `abroad-${randomUUID().slice(0, 6)}`;
    const abroad = await as.curatorAm
      .post(`/api/studio/countries/${am}/items`, { slug: abroadSlug, kind: 'artefact', title: { en: text('Abroad') }, rights: CC_BY })
      .expect(201);
    await publishDirectly(db, 'items', abroad.body.id);
    const abroadPath = `/api/public/countries/armenia/items/${abroadSlug}?lang=en`;
    const armeniaHome = '/api/public/countries/armenia/home?lang=en';
    const kept = [itemPath(neighbour.slug), abroadPath, armeniaHome];
    for (const path of [itemPath(changed.slug), ...kept]) await as.anonymous.get(path).expect(200);
    for (const path of kept) await otherVisitor.get(path).expect(200);
    const etags = await Promise.all(kept.map(async (path) => (await as.anonymous.get(path).expect(200)).headers.etag));

    const draft = await edit(changed.id, { description: { en: text('Changed.') } });
    await publish('items', changed.id, draft.version);
    await bothCaughtUp();
    for (const path of kept) {
      expect(snapshots.holds(keyOf(path)), path).toBe(true);
      expect(otherSnapshots.holds(keyOf(path)), path).toBe(true);
    }
    expect(snapshots.holds(keyOf(itemPath(changed.slug)))).toBe(false);
    expect((await as.anonymous.get(itemPath(changed.slug)).expect(200)).body.description.text).toBe('Changed.');
    for (const [i, path] of kept.entries()) expect((await as.anonymous.get(path).expect(200)).headers.etag).toBe(etags[i]);
  });

  it("refreshes a record's page, its country's lists and the exhibitions that show it when a change is approved", async () => {
    const record = await publishedItem('Shown everywhere.');
    const title = `Cached ${counter}`;
    const slug = `showing-${randomUUID().slice(0, 6)}`;
    const created = await as.curatorKz
      .post(studio('exhibitions'), {
        slug,
        title: { en: text('Showing one') },
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'item', itemId: record.id }] }],
      })
      .expect(201);
    await publish('exhibitions', created.body.id, created.body.version);
    const exhibitionPath = `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=en`;
    const homePath = '/api/public/countries/kazakhstan/home?lang=en';
    const titles = async (client: TestClient) => {
      const item = (await client.get(itemPath(record.slug)).expect(200)).body;
      const exhibition = (await client.get(exhibitionPath).expect(200)).body;
      const home = (await client.get(homePath).expect(200)).body;
      return {
        item: item.title.text,
        exhibition: exhibition.sections[0].blocks[0].item.title.text,
        home: home.recentItems.find((recent: { id: string }) => recent.id === record.id)?.title.text,
      };
    };
    for (const client of [as.anonymous, as.anonymous, otherVisitor, otherVisitor]) {
      expect(await titles(client)).toEqual({ item: title, exhibition: title, home: title });
    }
    for (const path of [itemPath(record.slug), exhibitionPath, homePath]) expect(snapshots.holds(keyOf(path)), path).toBe(true);

    const draft = await edit(record.id, { title: { en: text('Renamed') } });
    await publish('items', record.id, draft.version);
    const renamed = { item: 'Renamed', exhibition: 'Renamed', home: 'Renamed' };
    expect(await titles(as.anonymous)).toEqual(renamed);
    await otherSnapshots.catchUp();
    expect(await titles(otherVisitor)).toEqual(renamed);
  });

  it("refreshes a country's stored memorial points when one of its memorials is published, edited or unpublished", async () => {
    const pointsPath = '/api/public/countries/kazakhstan/memorial-points?lang=en';
    const abroadPoints = '/api/public/countries/armenia/memorial-points?lang=en';
    const points = async (client: TestClient) => (await client.get(pointsPath).expect(200)).body.items as { id: string; title: { text: string } }[];
    const titleOf = async (client: TestClient, id: string) => (await points(client)).find((point) => point.id === id)?.title.text;
    const before = await points(as.anonymous);
    expect(before.length).toBeGreaterThanOrEqual(5);
    await otherVisitor.get(pointsPath).expect(200);
    await as.anonymous.get(abroadPoints).expect(200);
    const stored = await as.anonymous.get(pointsPath).expect(200);
    expect(stored.body.items).toEqual(before);
    expect(snapshots.holds(keyOf(pointsPath))).toBe(true);
    expect(otherSnapshots.holds(keyOf(pointsPath))).toBe(true);
    expect(snapshots.holds(keyOf(abroadPoints))).toBe(true);

    // A memorial saved but not yet approved is no point of the map: the stored answer stays.
    const memorials = studio('memorials');
    const created = await as.curatorKz
      .post(memorials, {
        slug: `cached-memorial-${randomUUID().slice(0, 6)}`,
        kind: 'obelisk',
        title: { en: text('Cached obelisk') },
        rights: CC_BY,
        location: { lat: 43.2, lng: 76.9 },
        conditionSurveys: [{ date: '2020-05-01', condition: 'good' }],
      })
      .expect(201);
    const id = created.body.id as string;
    await bothCaughtUp();
    expect(snapshots.holds(keyOf(pointsPath))).toBe(true);
    expect((await as.anonymous.get(pointsPath).expect(200)).headers.etag).toBe(stored.headers.etag);

    // Published: the next read, in this process and the other, shows it.
    await publish('memorials', id, created.body.version);
    expect(await titleOf(as.anonymous, id)).toBe('Cached obelisk');
    expect(await points(as.anonymous)).toHaveLength(before.length + 1);
    expect(snapshots.holds(keyOf(pointsPath))).toBe(true);
    await otherSnapshots.catchUp();
    expect(await titleOf(otherVisitor, id)).toBe('Cached obelisk');
    // Another country's points were not made of it: kept as they were.
    expect(snapshots.holds(keyOf(abroadPoints))).toBe(true);

    // An approved edit shows at once.
    const current = (await as.curatorKz.get(studio('memorials', `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio('memorials', `/${id}`)).send({ ...editableDocument(current), title: { en: text('Renamed obelisk') } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await titleOf(as.anonymous, id)).toBe('Cached obelisk');
    await publish('memorials', id, saved.body.version);
    expect(await titleOf(as.anonymous, id)).toBe('Renamed obelisk');

    // Unpublished: gone from the next read, here and in the other process.
    await as.moderatorKz.post(review('memorials', id, 'unpublish'), { comment: 'Location in question' }).expect(204);
    const after = await points(as.anonymous);
    expect(after.map((point) => point.id)).not.toContain(id);
    expect(after).toEqual(before);
    await otherSnapshots.catchUp();
    expect((await points(otherVisitor)).map((point) => point.id)).not.toContain(id);
  });

  it('keeps nothing while it cannot hear the database, and listens again', { timeout: 600_000 }, async () => {
    const record = await publishedItem('Listening.');
    const key = keyOf(itemPath(record.slug));
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(otherSnapshots.enabled).toBe(true);
    expect(otherSnapshots.holds(key)).toBe(true);
    // Both processes' listening connections are cut, as a database restart or a network fault would.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      LISTENER_APPLICATION_NAME,
    ]);
    // Going down empties it (and so does coming back up, perhaps already done).
    await eventually(() => expect(otherSnapshots.holds(key)).toBe(false));
    if (!otherSnapshots.enabled) {
      await otherVisitor.get(itemPath(record.slug)).expect(200);
      // Read while it could not hear: not kept (unless it was listening again by the time the answer was done).
      expect(otherSnapshots.holds(key) && !otherSnapshots.enabled).toBe(false);
    }
    await eventually(() => expect(otherSnapshots.enabled && snapshots.enabled).toBe(true));
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(otherSnapshots.holds(key)).toBe(true);
  });

  it('never keeps a page whose reads raced a change of what it shows', () => {
    const json = (etag: string) => ({ body: Buffer.from('{}'), etag, contentType: 'application/json' });
    const ticket = snapshots.begin();
    expect(ticket).not.toBeNull();
    snapshots.invalidate(['record raced']);
    snapshots.store('/raced', ticket, json('"x"'), ['record raced']);
    expect(snapshots.lookup('/raced')).toBeUndefined();
    snapshots.store('/elsewhere', ticket, json('"z"'), ['record elsewhere']);
    expect(snapshots.lookup('/elsewhere')?.etag).toBe('"z"');
    snapshots.store('/fresh', snapshots.begin(), json('"y"'), ['record raced']);
    expect(snapshots.lookup('/fresh')?.etag).toBe('"y"');
    snapshots.store('/unknown', snapshots.begin(), json('"u"'), []);
    expect(snapshots.lookup('/unknown')).toBeUndefined();
    snapshots.invalidate(['record raced', 'record elsewhere']);
  });
});
