import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPeoplePageSchema } from '@vitrina/contracts';
import { type ActorName, signInActors } from './support/actors';
import { publishDirectly } from './support/publish';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const REGISTER = '/api/public/countries/kazakhstan/people';

interface Summary {
  id: string;
  slug: string;
  name: string;
  memorials: { slug: string }[];
}

/** The register's order: name by its UTF-8 bytes, then id. */
function inRegisterOrder(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

describe('people in the public API and in IIIF manifests', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let db: DataSource;
  let kz: string;
  let am: string;
  let n = 0;
  /** Live people privacy hides, made by these tests. */
  const hidden: string[] = [];

  async function create(countryId: string, collection: 'memorials' | 'people', document: object, by: TestClient = as.curatorKz) {
    const created = await by.post(`/api/studio/countries/${countryId}/${collection}`, { slug: `pp-${++n}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; slug: string; version: number };
  }
  async function publish(countryId: string, collection: 'memorials' | 'people', document: object, by?: TestClient) {
    const created = await create(countryId, collection, document, by);
    await publishDirectly(db, collection, created.id);
    return created;
  }
  const memorialDocument = (title: string) => ({
    kind: 'obelisk',
    title: { ru: text(title) },
    rights: CC_BY,
    location: { lat: 43.2, lng: 76.9 },
  });
  const person = (name: string, extra: object = {}) => ({ name, title: { ru: text(name), en: text(`${name} (en)`) }, ...extra });

  /** Every page of a listing, following nextCursor; `between` runs after each page. Bounded by count. */
  async function everyPage(query: string, between?: (page: number) => Promise<void>): Promise<{ items: Summary[]; pages: number }> {
    const items: Summary[] = [];
    let cursor: string | null = null;
    for (let page = 1; page <= 100; page++) {
      const response = await as.anonymous.get(`${REGISTER}?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const body = publicPeoplePageSchema.parse(response.body);
      items.push(...(body.items as Summary[]));
      cursor = body.nextCursor;
      if (!cursor) return { items, pages: page };
      await between?.(page);
    }
    throw new Error('more than 100 pages');
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    db = testApp.app.get(DataSource);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('pages through a memorial’s people in order, each once, while people are added and unpublished between pages', async () => {
    const memorial = await publish(kz, 'memorials', memorialDocument('Обелиск у школы'));
    const link = { memorials: [{ memorialId: memorial.id, role: 'commemorated' }] };
    const names = ['Бекова Айгуль', 'Ахметов Ерлан', 'Ахметов Ерлан', 'Жумабеков Нурлан', 'Иванов Пётр', 'Kasymov Ermek'];
    const made = [];
    for (const name of names) made.push({ ...(await publish(kz, 'people', person(name, { ...link, death: { date: '1942' }, rank: { ru: 'сержант', en: 'Sergeant' } }))), name });
    // Living, born less than PEOPLE_LIVING_PRIVACY_YEARS ago, no consent: listed nowhere.
    const living = await publish(kz, 'people', person('Живущий Ветеран', { ...link, birth: { date: '1990' } }));
    hidden.push(living.id);
    // A draft is not listed either.
    await create(kz, 'people', person('Черновиков Пётр', link));
    const expected = [...made].sort(inRegisterOrder);

    const first = await everyPage(`memorial=${memorial.slug}&limit=2&lang=en`);
    expect(first.pages).toBe(3);
    expect(first.items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
    expect(first.items.map((item) => item.id)).not.toContain(living.id);
    expect(first.items[0]).toMatchObject({ rank: 'Sergeant', fate: 'unknown', death: { date: '1942' }, birth: null, unit: null });
    expect(first.items[0].memorials).toEqual([{ slug: memorial.slug, title: { text: 'Обелиск у школы', lang: 'ru', status: 'original', fallback: true } }]);

    // After the first page: one person before the cursor and one after are added; one already seen and one not yet are unpublished.
    const [seen, , , notYet] = expected.slice(0, 4);
    let before: { id: string } | undefined;
    let after: { id: string } | undefined;
    const second = await everyPage(`memorial=${memorial.slug}&limit=2`, async (page) => {
      if (page !== 1) return;
      before = await publish(kz, 'people', person('Ааронов Абрам', link));
      after = await publish(kz, 'people', person('Ястребов Яков', link));
      await as.moderatorKz.post(`/api/review/countries/${kz}/people/${seen.id}/unpublish`, {}).expect(204);
      await as.moderatorKz.post(`/api/review/countries/${kz}/people/${notYet.id}/unpublish`, {}).expect(204);
    });
    const ids = second.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stayed = expected.filter((item) => item.id !== notYet.id).map((item) => item.id);
    expect(ids).toEqual([...stayed, after!.id]);
    expect(ids).not.toContain(before!.id);
  });

  it('lists the whole country in order, each public person once, without the living or another country’s people', async () => {
    const living = await publish(kz, 'people', person('Живой Молодой', { birth: { date: '2001-05' } }));
    hidden.push(living.id);
    const consented = await publish(kz, 'people', person('Живой Согласный', { birth: { date: '2001-05' }, livingConsent: true }));
    const armenian = await publish(am, 'people', person('Петросян Ашот'), as.admin);
    const unlinked = await publish(kz, 'people', person('Безмемориальный Олег'));

    const { items, pages } = await everyPage('limit=7');
    expect(pages).toBeGreaterThan(2);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...items].sort(inRegisterOrder).map((item) => item.id)).toEqual(ids);
    expect(ids).toContain(consented.id);
    expect(ids).toContain(unlinked.id);
    expect(ids).not.toContain(living.id);
    expect(ids).not.toContain(armenian.id);
    // Every live public person of the country, as the database holds them.
    const live: { id: string }[] = await db.query(
      `SELECT id FROM people WHERE country_id = $1 AND live_revision IS NOT NULL AND NOT id = ANY($2::uuid[])`,
      [kz, hidden],
    );
    expect([...ids].sort()).toEqual(live.map((row) => row.id).sort());
    expect((await as.anonymous.get('/api/public/countries/armenia/people').expect(200)).body.items.map((item: Summary) => item.id)).toContain(armenian.id);
    // The default page size.
    expect((await as.anonymous.get(REGISTER).expect(200)).body.items.length).toBe(Math.min(50, ids.length));
  });

  it('refuses a bad limit or cursor with 400, an unknown memorial or country with 404, and revalidates with an ETag', async () => {
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'limit=2.5']) {
      const response = await as.anonymous.get(`${REGISTER}?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body), query).toContain('limit');
    }
    const cursors = [
      'not a cursor!',
      'AAAA',
      b64('{"name":"x"}'),
      b64('["Иванов","not-a-uuid"]'),
      b64('["Иванов"]'),
      `${b64('["Иванов","6f1d0c2e-0000-4000-8000-000000000000"]')}A`,
      'x'.repeat(3_000),
    ];
    for (const cursor of cursors) {
      const response = await as.anonymous.get(`${REGISTER}?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status, cursor).toBe(400);
      expect(JSON.stringify(response.body), cursor).toContain('cursor');
    }
    // A well-formed key made by hand is a place in the order like any other.
    await as.anonymous.get(`${REGISTER}?cursor=${b64('["М","6f1d0c2e-0000-4000-8000-000000000000"]')}`).expect(200);
    await as.anonymous.get(`${REGISTER}?memorial=no-such-memorial`).expect(404);
    await as.anonymous.get('/api/public/countries/atlantis/people').expect(404);

    const page = await as.anonymous.get(`${REGISTER}?limit=3`).expect(200);
    expect(page.headers.etag).toBeTruthy();
    await as.anonymous.get(`${REGISTER}?limit=3`).set('if-none-match', page.headers.etag).expect(304);
  });

  it('describes a public person’s photographs as a IIIF Presentation 3.0 manifest, with approved texts only; 404 for a hidden person', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 60, b: 30 } } }).jpeg().toBuffer();
    const uploaded = await as.curatorKz.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(jpeg).expect(201);
    const photo = uploaded.body.id as string;
    expect((await waitForMedia(as.curatorKz, kz, photo)).status).toBe('ready');
    await as.curatorKz
      .patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: { ru: text('Портрет') }, caption: { ru: text('На фронте, 1942') }, rights: CC_BY })
      .expect(200);
    const shown = await publish(kz, 'people', person('Фотографов Илья', { death: { date: '1943' }, media: [{ assetId: photo }] }));
    const living = await publish(kz, 'people', person('Живой Фотограф', { birth: { date: '1995' }, media: [{ assetId: photo }] }));
    hidden.push(living.id);
    const draft = await create(kz, 'people', person('Черновой Фотограф', { media: [{ assetId: photo }] }));
    // A caption nobody approved yet.
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { caption: { ru: text('Неутверждённая подпись') } }).expect(200);

    const response = await as.anonymous.get(`/iiif/manifests/people/${shown.id}`).expect(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const manifest = JSON.parse(response.text);
    expect(manifest['@context']).toContain('http://iiif.io/api/presentation/3/context.json');
    expect(manifest).toMatchObject({
      id: expect.stringMatching(new RegExp(`/iiif/manifests/people/${shown.id}$`)),
      type: 'Manifest',
      label: { ru: ['Фотографов Илья'], en: ['Фотографов Илья (en)'] },
    });
    expect(manifest.items).toHaveLength(1);
    expect(manifest.items[0]).toMatchObject({ type: 'Canvas', width: 1200, height: 800, label: { ru: ['На фронте, 1942'] } });
    const body = manifest.items[0].items[0].items[0].body;
    expect(body).toMatchObject({ type: 'Image', format: 'image/webp' });
    expect(body.id).toMatch(new RegExp(`/api/media/${photo}/w\\d+\\.webp$`));
    expect(response.text).not.toContain('Неутверждённая');

    for (const id of [living.id, draft.id, '6f1d0c2e-0000-4000-8000-000000000000']) await as.anonymous.get(`/iiif/manifests/people/${id}`).expect(404);
    await as.anonymous.get('/iiif/manifests/people/not-a-uuid').expect(400);
    await as.moderatorKz.post(`/api/review/countries/${kz}/people/${shown.id}/unpublish`, {}).expect(204);
    await as.anonymous.get(`/iiif/manifests/people/${shown.id}`).expect(404);
  });
});
