import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { PublicSnapshots } from '../src/infra/http/public-snapshots';
import { createRootLogger } from '../src/infra/logging/logger';
import { type ActorName, signInActors } from './support/actors';
import { editableDocument, unpublishDirectly } from './support/publish';
import { TestClient, type TestApp, startTestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** Retries a read until it passes: for changes another process learns of by notification. */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}

describe('public page cache', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let counter = 0;
  /** A second API process (another Nest app) on the same database. */
  let other: NestFastifyApplication;
  let otherVisitor: TestClient;
  let snapshots: PublicSnapshots;
  let otherSnapshots: PublicSnapshots;

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;
  const review = (collection: string, id: string, action: string) => `/api/review/countries/${kz}/${collection}/${id}/${action}`;
  const itemPath = (slug: string) => `/api/public/countries/kazakhstan/items/${slug}?lang=en`;

  async function publish(collection: 'items' | 'exhibitions', id: string, version: number) {
    await as.curatorKz.post(studio(collection, `/${id}/submit`), { version }).expect(204);
    await as.moderatorKz.post(review(collection, id, 'approve'), { revision: version }).expect(204);
  }
  async function publishedItem(description: string) {
    const slug = `cached-${++counter}-${randomUUID().slice(0, 6)}`;
    const created = await as.curatorKz
      .post(studio('items'), { slug, kind: 'artefact', title: { en: text(`Cached ${counter}`) }, description: { en: text(description) }, rights: CC_BY })
      .expect(201);
    await publish('items', created.body.id, created.body.version);
    return created.body as { id: string; slug: string; version: number };
  }
  async function edit(id: string, changes: object) {
    const current = (await as.curatorKz.get(studio('items', `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio('items', `/${id}`)).send({ ...editableDocument(current), ...changes });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as { version: number };
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
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
    expect(snapshots.size).toBeGreaterThan(0);
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
    await as.anonymous.get(itemPath(record.slug)).expect(200);
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    const [here, there] = [snapshots.size, otherSnapshots.size];
    expect(here).toBeGreaterThan(0);
    expect(there).toBeGreaterThan(0);

    // A new draft, saves of a live record, a submission and a withdrawal: nothing visitors see.
    const created = await as.curatorKz.post(studio('items'), { slug: `draft-${randomUUID().slice(0, 8)}`, kind: 'artefact', title: { en: text('Draft') } }).expect(201);
    const draft = await edit(record.id, { description: { en: text('Draft words.') } });
    await as.curatorKz.post(studio('items', `/${record.id}/submit`), { version: draft.version }).expect(204);
    await as.curatorKz.post(studio('items', `/${record.id}/withdraw`)).expect(204);
    await as.curatorKz.delete(studio('items', `/${created.body.id}`)).expect(204);
    // A notification, were one sent, arrives within milliseconds: give it time to be wrongly obeyed.
    await new Promise((done) => setTimeout(done, 300));
    expect(snapshots.size).toBe(here);
    expect(otherSnapshots.size).toBe(there);
    expect((await as.anonymous.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Kept words.');

    // The approval empties both.
    await as.curatorKz.post(studio('items', `/${record.id}/submit`), { version: draft.version }).expect(204);
    await as.moderatorKz.post(review('items', record.id, 'approve'), { revision: draft.version }).expect(204);
    expect((await as.anonymous.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Draft words.');
    await eventually(async () => expect((await otherVisitor.get(itemPath(record.slug)).expect(200)).body.description.text).toBe('Draft words.'));
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
    const created = await as.curatorKz
      .post(studio('exhibitions'), {
        slug,
        title: { en: text('Two objects') },
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'gallery', itemIds: [shown.id, withdrawn.id] }] }],
      })
      .expect(201);
    await publish('exhibitions', created.body.id, created.body.version);
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
    expect(otherSnapshots.size).toBeGreaterThan(0);

    const draft = await edit(record.id, { description: { en: text('After.') } });
    await publish('items', record.id, draft.version);
    await eventually(async () => expect((await read().expect(200)).body.description.text).toBe('After.'));

    await as.moderatorKz.post(review('items', record.id, 'unpublish'), { comment: 'Gone' }).expect(204);
    await eventually(async () => {
      await read().expect(404);
    });

    // Plain SQL (as a media job in a worker process or an operator would write): the triggers tell both processes.
    const direct = await publishedItem('Direct.');
    await as.anonymous.get(itemPath(direct.slug)).expect(200);
    await otherVisitor.get(itemPath(direct.slug)).expect(200);
    await unpublishDirectly(db, 'items', direct.id);
    await eventually(async () => {
      await as.anonymous.get(itemPath(direct.slug)).expect(404);
      await otherVisitor.get(itemPath(direct.slug)).expect(404);
    });
  });

  it('shows a country edit made in another process', async () => {
    const record = await publishedItem('In a renamed country.');
    const read = async () => (await otherVisitor.get(itemPath(record.slug)).expect(200)).body.country.name.text;
    expect(await read()).toBe('Kazakhstan');
    expect(await read()).toBe('Kazakhstan');
    await as.admin.patch(`/api/admin/countries/${kz}`, { names: { ru: 'Казахстан', en: 'Republic of Kazakhstan', kk: 'Қазақстан' } }).expect(200);
    await eventually(async () => expect(await read()).toBe('Republic of Kazakhstan'));
    await as.admin.patch(`/api/admin/countries/${kz}`, { names: { ru: 'Казахстан', en: 'Kazakhstan', kk: 'Қазақстан' } }).expect(200);
  });

  it('keeps nothing while it cannot hear the database, and listens again', async () => {
    const record = await publishedItem('Listening.');
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(otherSnapshots.enabled).toBe(true);
    // Both processes' listening connections are cut, as a database restart or a network fault would.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'vitrina public-snapshots' AND datname = current_database()`);
    await eventually(async () => expect(otherSnapshots.enabled).toBe(false), 3000);
    expect(otherSnapshots.size).toBe(0);
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(otherSnapshots.size).toBe(0);
    await eventually(async () => expect(otherSnapshots.enabled && snapshots.enabled).toBe(true), 5000);
    await otherVisitor.get(itemPath(record.slug)).expect(200);
    expect(otherSnapshots.size).toBeGreaterThan(0);
  });

  it('never keeps a page whose reads raced a change', () => {
    const ticket = snapshots.begin();
    expect(ticket).not.toBeNull();
    snapshots.invalidate();
    snapshots.store('/raced', ticket, { body: Buffer.from('{}'), etag: '"x"', contentType: 'application/json' });
    expect(snapshots.lookup('/raced')).toBeUndefined();
    snapshots.store('/fresh', snapshots.begin(), { body: Buffer.from('{}'), etag: '"y"', contentType: 'application/json' });
    expect(snapshots.lookup('/fresh')?.etag).toBe('"y"');
    snapshots.invalidate();
  });
});
