import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_VTT } from '../support/media-files';
import { waitForMedia } from '../support/store';
import { type TestApp, type TestClient, startTestApp } from '../support/test-app';
import { fingerprint } from './support/fingerprint';

/**
 * Insecure direct object references between countries: staff of Armenia
 * naming records and files of Kazakhstan in the path, in the body and deep
 * inside nested documents. The path's country decides access (403 for a
 * foreign country in the path), a foreign id under the own country's path is
 * "not found" (404), and a foreign id inside a body is refused as invalid
 * (400, naming the id). Nothing changes.
 */

const en = (text: string) => ({ en: { text, status: 'original' } });
const ru = (text: string) => ({ ru: { text, status: 'original' } });
const RIGHTS = 'https://creativecommons.org/licenses/by/4.0/';
const unique = () => Math.random().toString(36).slice(2, 8);
const uuid = () => crypto.randomUUID();

let colour = 0;
const jpeg = (shade = ++colour) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: shade % 256, g: 40, b: 160 } } }).jpeg().toBuffer();

describe('IDOR: swapping ids between countries', () => {
  let testApp: TestApp;
  let admin: TestClient;
  let curatorKz: TestClient;
  let moderatorKz: TestClient;
  let curatorAm: TestClient;
  let moderatorAm: TestClient;
  let kz: string;
  let am: string;
  /** Kazakhstan's things. */
  const k = {} as { image: string; video: string; item: string; memorial: string; exhibition: string; submitted: { id: string; version: number }; published: { id: string; slug: string } };
  /** Armenia's own things, which its staff may change. */
  const a = {} as { image: string; item: { id: string; version: number }; memorial: { id: string; version: number }; exhibition: { id: string; version: number } };

  const studio = (countryId: string, path: string) => `/api/studio/countries/${countryId}/${path}`;
  const reviewPath = (countryId: string, path: string) => `/api/review/countries/${countryId}/${path}`;

  async function upload(client: TestClient, countryId: string, body: Buffer): Promise<string> {
    const response = await client.request('post', studio(countryId, 'media')).set('content-type', 'application/octet-stream').send(body);
    expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
    await waitForMedia(client, countryId, response.body.id);
    return response.body.id;
  }

  async function create(client: TestClient, countryId: string, collection: string, body: object) {
    const response = await client.post(studio(countryId, collection), body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.id as string, version: response.body.version as number, slug: response.body.slug as string };
  }

  const item = (extra: object = {}) => ({ slug: `item-${unique()}`, kind: 'artefact', title: ru('Предмет'), rights: RIGHTS, ...extra });
  const memorial = (extra: object = {}) => ({ slug: `memorial-${unique()}`, kind: 'obelisk', title: ru('Памятник'), location: { lat: 40.18, lng: 44.51 }, ...extra });
  const exhibition = (extra: object = {}) => ({ slug: `exhibition-${unique()}`, title: ru('Выставка'), ...extra });
  const section = (...blocks: object[]) => [{ id: uuid(), blocks: blocks.map((block) => ({ id: uuid(), ...block })) }];

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
    const countries = (await admin.get('/api/public/countries').expect(200)).body.items as { id: string; slug: string }[];
    kz = countries.find((c) => c.slug === 'kazakhstan')!.id;
    am = countries.find((c) => c.slug === 'armenia')!.id;
    const moderator = await admin.post('/api/admin/users', { email: 'moderator.am@vitrina.test', displayName: 'Moderator AM', password: 'moderator-password' }).expect(201);
    await admin.post(`/api/admin/users/${moderator.body.id}/memberships`, { countryId: am, role: 'moderator' }).expect(201);
    curatorKz = testApp.client();
    await curatorKz.login('curator.kz@vitrina.test');
    moderatorKz = testApp.client();
    await moderatorKz.login('moderator.kz@vitrina.test');
    curatorAm = testApp.client();
    await curatorAm.login('curator.am@vitrina.test');
    moderatorAm = testApp.client();
    await moderatorAm.login('moderator.am@vitrina.test', 'moderator-password');

    k.image = await upload(curatorKz, kz, await jpeg(7));
    k.video = await upload(curatorKz, kz, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(4096, 3)]));
    await curatorKz.request('put', studio(kz, `media/${k.video}/captions/ru`)).set('content-type', 'text/vtt').send(VALID_VTT).expect(200);
    k.item = (await create(curatorKz, kz, 'items', item({ media: [{ assetId: k.image }] }))).id;
    k.memorial = (await create(curatorKz, kz, 'memorials', memorial())).id;
    k.exhibition = (await create(curatorKz, kz, 'exhibitions', exhibition({ sections: section({ type: 'item', itemId: k.item }) }))).id;
    const submitted = await create(curatorKz, kz, 'items', item());
    await curatorKz.post(studio(kz, `items/${submitted.id}/submit`), { version: submitted.version }).expect(204);
    k.submitted = submitted;
    const published = await create(curatorKz, kz, 'items', item());
    await curatorKz.post(studio(kz, `items/${published.id}/submit`), { version: published.version }).expect(204);
    await moderatorKz.post(reviewPath(kz, `items/${published.id}/approve`), { revision: published.version }).expect(204);
    k.published = published;

    a.image = await upload(curatorAm, am, await jpeg(99));
    a.item = await create(curatorAm, am, 'items', item());
    a.memorial = await create(curatorAm, am, 'memorials', memorial());
    a.exhibition = await create(curatorAm, am, 'exhibitions', exhibition());
  });

  afterAll(() => testApp?.close());

  /** Runs the attacks and checks that no stored row differs afterwards. */
  async function unchanged(attacks: () => Promise<void>) {
    const before = await fingerprint(testApp.databaseUrl);
    await attacks();
    expect(await fingerprint(testApp.databaseUrl)).toEqual(before);
  }

  it("refuses Kazakh media inside an Armenian item's, memorial's or exhibition's body (create and save)", async () => {
    const bodies: [string, object][] = [
      ['items', item({ media: [{ assetId: a.image }, { assetId: k.image }] })],
      ['memorials', memorial({ media: [{ assetId: k.image }] })],
      ['memorials', memorial({ events: [{ date: '1975', type: 'unveiling', media: [{ assetId: a.image }, { assetId: k.image }] }] })],
      ['exhibitions', exhibition({ coverMediaId: k.image })],
      ['exhibitions', exhibition({ sections: section({ type: 'media', assetIds: [a.image, k.image] }) })],
      ['exhibitions', exhibition({ sections: section({ type: 'media', assetIds: [k.video] }) })],
    ];
    const current = { items: a.item, memorials: a.memorial, exhibitions: a.exhibition } as Record<string, { id: string; version: number }>;
    await unchanged(async () => {
      for (const [collection, body] of bodies) {
        const created = await curatorAm.post(studio(am, collection), body);
        expect(created.status, `create ${collection} ${JSON.stringify(body)}`).toBe(400);
        expect(created.body.message).toContain(JSON.stringify(body).includes(k.video) ? k.video : k.image);
        const saved = await curatorAm.put(studio(am, `${collection}/${current[collection].id}`), { ...body, version: current[collection].version });
        expect(saved.status, `save ${collection} ${JSON.stringify(body)}`).toBe(400);
      }
    });
  });

  it("refuses Kazakh items and memorials in an Armenian exhibition: cover, item, gallery and map blocks", async () => {
    const bodies = [
      exhibition({ coverItemId: k.item }),
      exhibition({ sections: section({ type: 'item', itemId: k.item, caption: en('Borrowed') }) }),
      exhibition({ sections: section({ type: 'gallery', itemIds: [a.item.id, k.item] }) }),
      exhibition({ sections: section({ type: 'map', itemIds: [a.item.id], memorialIds: [k.memorial] }) }),
      exhibition({ sections: section({ type: 'map', itemIds: [k.published.id] }) }),
      // Ids of another kind of record of the own country do not pass either.
      exhibition({ sections: section({ type: 'item', itemId: a.memorial.id }) }),
    ];
    await unchanged(async () => {
      for (const body of bodies) {
        const created = await curatorAm.post(studio(am, 'exhibitions'), body);
        expect(created.status, JSON.stringify(body)).toBe(400);
        expect(created.body.message).toMatch(/not found in this country/);
        await curatorAm.put(studio(am, `exhibitions/${a.exhibition.id}`), { ...body, version: a.exhibition.version }).expect(400);
      }
    });
  });

  it('answers 403 when an Armenian curator puts the Kazakh country in the path, whatever the route', async () => {
    await unchanged(async () => {
      await curatorAm.get(studio(kz, `items/${k.item}`)).expect(403);
      await curatorAm.put(studio(kz, `items/${k.item}`), { ...item(), version: 1 }).expect(403);
      await curatorAm.delete(studio(kz, `memorials/${k.memorial}`)).expect(403);
      await curatorAm.get(studio(kz, `exhibitions/${k.exhibition}/preview`)).expect(403);
      await curatorAm.get(studio(kz, 'media')).expect(403);
      await curatorAm.patch(studio(kz, `media/${k.image}`), { alt: ru('Чужая') }).expect(403);
      await curatorAm.request('put', studio(kz, `media/${k.video}/captions/en`)).set('content-type', 'text/vtt').send(VALID_VTT).expect(403);
      await curatorAm.request('post', studio(kz, 'media')).set('content-type', 'application/octet-stream').send(await jpeg(201)).expect(403);
      await curatorAm.post(studio(kz, `items/${k.item}/submit`), { version: 1 }).expect(403);
      await moderatorAm.post(reviewPath(kz, `items/${k.submitted.id}/approve`), { revision: k.submitted.version }).expect(403);
      await moderatorAm.get(reviewPath(kz, 'queue')).expect(403);
      await moderatorAm.get(`/api/audit?countryId=${kz}`).expect(403);
    });
  });

  it('answers 404 for Kazakh record ids under the Armenian path: studio reads, saves, deletes and the workflow', async () => {
    await unchanged(async () => {
      for (const [collection, id] of [['items', k.item], ['memorials', k.memorial], ['exhibitions', k.exhibition]] as const) {
        await curatorAm.get(studio(am, `${collection}/${id}`)).expect(404);
        const body = { items: item(), memorials: memorial(), exhibitions: exhibition() }[collection];
        await curatorAm.put(studio(am, `${collection}/${id}`), { ...body, version: 1 }).expect(404);
        await curatorAm.delete(studio(am, `${collection}/${id}`)).expect(404);
        await curatorAm.post(studio(am, `${collection}/${id}/submit`), { version: 1 }).expect(404);
        await curatorAm.get(studio(am, `${collection}/${id}/revisions`)).expect(404);
        await curatorAm.get(studio(am, `${collection}/${id}/revisions/1`)).expect(404);
        await curatorAm.post(studio(am, `${collection}/${id}/revisions/1/restore`)).expect(404);
      }
      await curatorAm.get(studio(am, `exhibitions/${k.exhibition}/preview`)).expect(404);
      await curatorAm.post(studio(am, `items/${k.submitted.id}/withdraw`)).expect(404);
      // An Armenian id under the wrong collection is no way round it either.
      await curatorAm.get(studio(am, `memorials/${a.item.id}`)).expect(404);
      await curatorAm.post(studio(am, `memorials/${a.item.id}/submit`), { version: a.item.version }).expect(404);
    });
  });

  it('lets no Armenian moderator decide on a Kazakh submission through the Armenian path', async () => {
    const decision = { revision: k.submitted.version, comment: 'Approved from abroad' };
    await unchanged(async () => {
      await moderatorAm.get(reviewPath(am, `items/${k.submitted.id}`)).expect(404);
      for (const action of ['approve', 'request-changes', 'reject']) {
        await moderatorAm.post(reviewPath(am, `items/${k.submitted.id}/${action}`), decision).expect(404);
      }
      await moderatorAm.post(reviewPath(am, `items/${k.published.id}/unpublish`), { comment: 'Taken down from abroad' }).expect(404);
      await moderatorAm.post(reviewPath(am, `items/${k.published.id}/archive`), {}).expect(404);
      await moderatorAm.post(reviewPath(am, `memorials/${k.submitted.id}/approve`), decision).expect(404);
      const queue = (await moderatorAm.get(reviewPath(am, 'queue')).expect(200)).body as { id: string }[];
      expect(queue.map((entry) => entry.id)).not.toContain(k.submitted.id);
    });
    const status = (await curatorKz.get(studio(kz, `items/${k.submitted.id}`)).expect(200)).body.status;
    expect(status).toBe('in_review');
  });

  it('answers 404 for Kazakh media under the Armenian path: metadata, captions and delivery of drafts', async () => {
    await unchanged(async () => {
      await curatorAm.get(studio(am, `media/${k.image}`)).expect(404);
      await curatorAm.patch(studio(am, `media/${k.image}`), { alt: ru('Чужая'), caption: ru('<script>alert(1)</script>') }).expect(404);
      await curatorAm.request('put', studio(am, `media/${k.video}/captions/en`)).set('content-type', 'text/vtt').send(VALID_VTT).expect(404);
      await curatorAm.delete(studio(am, `media/${k.video}/captions/ru`)).expect(404);
      // Armenia's own asset under its own path is refused for what it is (an image takes no captions), not by its country.
      const ownImage = await curatorAm.request('put', studio(am, `media/${a.image}/captions/ru`)).set('content-type', 'text/vtt').send(VALID_VTT).expect(400);
      expect(ownImage.body.message).toBe('Only audio and video have captions');
      const listed = (await curatorAm.get(studio(am, 'media')).expect(200)).body.items as { id: string }[];
      expect(listed.map((m) => m.id)).not.toContain(k.image);
      await curatorAm.get(`/api/media/${k.video}/captions/ru.vtt`).expect(404);
      await curatorAm.get(`/api/media/${k.video}/file`).expect(404);
      await moderatorAm.get(`/iiif/manifests/items/${k.item}`).expect(404);
      await curatorAm.get(`/api/public/countries/armenia/items/${k.published.slug}`).expect(404);
    });
  });

  it('does not hand back a Kazakh asset when Armenia uploads the same bytes', async () => {
    const bytes = await jpeg(7);
    const response = await curatorAm.request('post', studio(am, 'media')).set('content-type', 'application/octet-stream').send(bytes);
    expect(response.status).toBe(201);
    expect(response.body.id).not.toBe(k.image);
    expect(response.body.countryId).toBe(am);
  });

  it("does not let one user mark another's notifications read", async () => {
    const before = (await moderatorKz.get('/api/notifications').expect(200)).body;
    const unread = before.items.filter((n: { read: boolean }) => !n.read).map((n: { id: string }) => n.id);
    expect(unread.length).toBeGreaterThan(0);
    await curatorAm.post('/api/notifications/read', { ids: unread }).expect(200);
    await moderatorAm.post('/api/notifications/read', {}).expect(200);
    const after = (await moderatorKz.get('/api/notifications').expect(200)).body;
    expect(after.unread).toBe(before.unread);
    expect(after.unread).toBeGreaterThan(0);
  });

  it('keeps the audit log of Kazakhstan from Armenian moderators, whatever filter they pass', async () => {
    const entries = (await moderatorAm.get(`/api/audit?entityId=${k.submitted.id}`).expect(200)).body.items;
    expect(entries).toEqual([]);
    const all = (await moderatorAm.get('/api/audit?limit=500').expect(200)).body.items as { countryId: string | null }[];
    // Armenia's own entries (its staff created records and uploaded a file) are there, and only they.
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((entry) => entry.countryId !== am)).toEqual([]);
    const csv = await moderatorAm.get(`/api/audit/export.csv?entityId=${k.submitted.id}`).expect(200);
    expect(csv.text).not.toContain(k.submitted.id);
  });
});
