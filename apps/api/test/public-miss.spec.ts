import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { createRootLogger } from '../src/infra/logging/logger';
import { type ActorName, startWithActors } from './support/actors';
import { eventually } from './support/patience';
import { createGalleryExhibition, editableDocument, insertReadyImage, publishDirectly } from './support/publish';
import { TestClient, type TestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * A public page built on a miss (page cache off) reuses live records already
 * read, by (id, live revision, approval): it must send the very bytes a first
 * read sends, and show a new approval or a withdrawal at once.
 */
describe('public pages on a miss', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  /** Other API processes on the same database, without the page cache. */
  const missApps: NestFastifyApplication[] = [];
  let miss: TestClient;

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;
  const review = (collection: string, id: string, action: string) => `/api/review/countries/${kz}/${collection}/${id}/${action}`;

  async function missProcess(): Promise<TestClient> {
    const config = loadConfig(testEnv(testApp.databaseUrl, { PUBLIC_PAGE_CACHE: 'false' }));
    const app = await createApp(config, createRootLogger(config.logLevel));
    await app.getHttpAdapter().getInstance().ready();
    missApps.push(app);
    return new TestClient(app);
  }
  async function publish(collection: 'items' | 'exhibitions', id: string, version: number) {
    await as.curatorKz.post(studio(collection, `/${id}/submit`), { version }).expect(204);
    await as.moderatorKz.post(review(collection, id, 'approve'), { revision: version }).expect(204);
  }
  async function publishedItem(title: string) {
    const slug = `miss-${randomUUID().slice(0, 8)}`;
    const created = await as.curatorKz.post(studio('items'), { slug, kind: 'artefact', title: { en: text(title) }, rights: CC_BY }).expect(201);
    await publish('items', created.body.id, created.body.version);
    return created.body as { id: string; slug: string };
  }

  beforeAll(async () => {
    ({ testApp, db, as, kz } = await startWithActors());
    miss = await missProcess();
  });

  afterAll(async () => {
    for (const app of missApps) await app.close();
    await testApp?.close();
  });

  it('sends the demo exhibitions byte for byte as the page cache and as a process reading them the first time', async () => {
    const pages: string[] = [];
    for (const country of ['kazakhstan', 'armenia']) {
      const home = (await as.anonymous.get(`/api/public/countries/${country}/home`).expect(200)).body;
      expect(home.exhibitions.length).toBeGreaterThan(0);
      for (const { slug } of home.exhibitions) {
        for (const lang of ['en', 'ru']) pages.push(`/api/public/countries/${country}/exhibitions/${slug}?lang=${lang}`);
      }
    }
    // Read once on the miss process, so its second read comes from what it remembers.
    for (const page of pages) await miss.get(page).expect(200);
    const fresh = await missProcess();
    for (const page of pages) {
      const cached = await as.anonymous.get(page).expect(200);
      expect((await as.anonymous.get(page).expect(200)).text).toBe(cached.text);
      const first = await fresh.get(page).expect(200);
      const again = await miss.get(page).expect(200);
      expect(again.text, page).toBe(cached.text);
      expect(first.text, page).toBe(cached.text);
      expect(again.headers.etag).toBe(cached.headers.etag);
      expect(JSON.parse(again.text).sections.length).toBeGreaterThan(0);
    }
  });

  it('shows an item approved again, withdrawn or published again on the very next miss', async () => {
    const kept = await publishedItem('Kept object');
    const changed = await publishedItem('Old title');
    const slug = `miss-exhibition-${randomUUID().slice(0, 6)}`;
    const created = await createGalleryExhibition(as.curatorKz, kz, { slug, title: 'Two objects', itemIds: [kept.id, changed.id] });
    await publish('exhibitions', created.id, created.version);
    const page = `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=en`;
    const titles = async () =>
      (await miss.get(page).expect(200)).body.sections[0].blocks[0].items.map((item: { title: { text: string } }) => item.title.text);
    expect(await titles()).toEqual(['Kept object', 'Old title']);
    expect(await titles()).toEqual(['Kept object', 'Old title']);

    // An unapproved edit shows nowhere; its approval (a new live revision) shows at once.
    const current = (await as.curatorKz.get(studio('items', `/${changed.id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio('items', `/${changed.id}`)).send({ ...editableDocument(current), title: { en: text('New title') } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await titles()).toEqual(['Kept object', 'Old title']);
    await publish('items', changed.id, saved.body.version);
    expect(await titles()).toEqual(['Kept object', 'New title']);

    await as.moderatorKz.post(review('items', changed.id, 'unpublish'), { comment: 'Withdrawn' }).expect(204);
    expect(await titles()).toEqual(['Kept object']);
    // Published again at the same revision: a new approval, shown at once.
    await publishDirectly(db, 'items', changed.id);
    expect(await titles()).toEqual(['Kept object', 'New title']);
    expect((await as.anonymous.get(page).expect(200)).text).toBe((await miss.get(page).expect(200)).text);
  });

  it("shows a change of a shown file's row (processing, withdrawal) on the very next miss", async () => {
    const assetId = await insertReadyImage(db, kz, { alt: { en: text('A photograph') }, rights: CC_BY, thumbhash: 'first' });
    const item = await as.curatorKz
      .post(studio('items'), { slug: `miss-pictured-${randomUUID().slice(0, 6)}`, kind: 'artefact', title: { en: text('Pictured') }, media: [{ assetId }], rights: CC_BY })
      .expect(201);
    await publishDirectly(db, 'items', item.body.id);
    const slug = `miss-pictures-${randomUUID().slice(0, 6)}`;
    const exhibition = await createGalleryExhibition(as.curatorKz, kz, { slug, title: 'Pictures', itemIds: [item.body.id] });
    await publishDirectly(db, 'exhibitions', exhibition.id);
    const page = `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=en`;
    const image = async () => (await miss.get(page).expect(200)).body.sections[0].blocks[0].items[0].image;
    expect((await image()).thumbhash).toBe('first');
    expect((await image()).widths).toEqual([400]);
    await db.query(`UPDATE media_assets SET thumbhash = 'second', derivative_widths = '{400,800}' WHERE id = $1`, [assetId]);
    expect((await image()).thumbhash).toBe('second');
    expect((await image()).widths).toEqual([400, 800]);
    await db.query(`UPDATE media_assets SET withdrawn_at = now() WHERE id = $1`, [assetId]);
    expect(await image()).toBeNull();
  });

  async function exhibitionOf(items: { id: string }[], blocks: Record<string, unknown>[] = []) {
    const slug = `miss-cards-${randomUUID().slice(0, 6)}`;
    const created = await as.curatorKz
      .post(studio('exhibitions'), {
        slug,
        title: { en: text('Cards') },
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'gallery', itemIds: items.map((item) => item.id) }, ...blocks] }],
      })
      .expect(201);
    await publishDirectly(db, 'exhibitions', created.body.id);
    return { id: created.body.id as string, page: (lang: string) => `/api/public/countries/kazakhstan/exhibitions/${slug}?lang=${lang}` };
  }
  /** Saves a record's current document with `changes`, then makes that revision live. */
  async function approveEdit(collection: 'items' | 'exhibitions', id: string, changes: Record<string, unknown> = {}) {
    const current = (await as.curatorKz.get(studio(collection, `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio(collection, `/${id}`)).send({ ...editableDocument(current), ...changes });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await publishDirectly(db, collection, id);
  }
  /** The page on the miss process, checked byte for byte against the page cache and a process reading it the first time. */
  async function missPage(page: string) {
    const again = await miss.get(page).expect(200);
    // The page cache hears of a change made outside its process (publishDirectly, plain SQL) by a
    // database notification: on a busy machine that comes a moment later, so it is waited for.
    await eventually(async () => {
      const cached = await as.anonymous.get(page).expect(200);
      expect(again.text, page).toBe(cached.text);
      expect(again.headers.etag).toBe(cached.headers.etag);
    });
    const fresh = await missProcess();
    expect(again.text, page).toBe((await fresh.get(page).expect(200)).text);
    // Closed at once: a process per check would hold more connections than the database allows.
    await missApps.pop()!.close();
    return JSON.parse(again.text);
  }

  it("shows an item's new translation in its language while the other language's card was kept", async () => {
    const item = await publishedItem('English title');
    const { page } = await exhibitionOf([item]);
    const title = async (lang: string) => (await missPage(page(lang))).sections[0].blocks[0].items[0].title;
    expect(await title('en')).toMatchObject({ text: 'English title', lang: 'en' });
    expect(await title('ru')).toMatchObject({ text: 'English title', lang: 'en', fallback: true });
    await approveEdit('items', item.id, { title: { en: text('English title'), ru: text('Русское название') } });
    expect(await title('ru')).toMatchObject({ text: 'Русское название', lang: 'ru' });
    expect(await title('en')).toMatchObject({ text: 'English title', lang: 'en' });
  });

  it("shows a file's newly approved caption on a card, whichever record's approval gave it", async () => {
    const assetId = await insertReadyImage(db, kz, { alt: { en: text('A photograph') }, caption: { en: text('First caption') }, rights: CC_BY });
    const created = await as.curatorKz
      .post(studio('items'), { slug: `miss-captioned-${randomUUID().slice(0, 6)}`, kind: 'artefact', title: { en: text('Captioned') }, media: [{ assetId }], rights: CC_BY })
      .expect(201);
    const item = created.body as { id: string };
    await publishDirectly(db, 'items', item.id);
    const exhibition = await exhibitionOf([item]);
    const caption = async () => (await missPage(exhibition.page('en'))).sections[0].blocks[0].items[0].image.caption.text;
    expect(await caption()).toBe('First caption');
    const recaption = (value: string) => db.query(`UPDATE media_assets SET caption = $2 WHERE id = $1`, [assetId, { en: text(value) }]);

    // Re-captioned in the studio: visitors still see the approved caption, until the item's new revision is approved.
    await recaption('Second caption');
    expect(await caption()).toBe('First caption');
    await approveEdit('items', item.id);
    expect(await caption()).toBe('Second caption');

    // Shown by the exhibition too, the file shows the exhibition's approved texts, on the card as well
    // (read before each approval, so the card was kept under the file's row version the approval leaves as it is).
    await recaption('Third caption');
    expect(await caption()).toBe('Second caption');
    await approveEdit('exhibitions', exhibition.id, {
      sections: [
        {
          id: randomUUID(),
          blocks: [
            { id: randomUUID(), type: 'gallery', itemIds: [item.id] },
            { id: randomUUID(), type: 'media', assetIds: [assetId] },
          ],
        },
      ],
    });
    expect(await caption()).toBe('Third caption');
    await recaption('Fourth caption');
    expect(await caption()).toBe('Third caption');
    await approveEdit('exhibitions', exhibition.id);
    expect(await caption()).toBe('Fourth caption');
  });
});
