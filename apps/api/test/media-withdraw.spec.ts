import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { VALID_VTT, mp4File } from './support/media-files';
import { storeClient, waitForMedia } from './support/store';
import { TEST_BUCKET } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const text = (value: string) => ({ text: value, status: 'original' });
/** The longest any public media answer may be kept by a cache (the documented bound is ten minutes in all). */
const MAX_AGE_CEILING = 600;
/** How many times to ask before giving up on another process's change arriving (each ask waits a little). */
const POLLS = 1200;

function maxAge(cacheControl: string | undefined): number {
  const match = /(?:^|,)\s*max-age=(\d+)/.exec(cacheControl ?? '');
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** An error answer nobody may keep: no-store, and nothing that would let a shared cache hold it. */
function expectUncacheable(response: supertest.Response, url: string): void {
  const cacheControl = response.headers['cache-control'] ?? '';
  expect(cacheControl, url).toContain('no-store');
  expect(cacheControl, url).not.toMatch(/public|max-age|immutable/);
}

describe('withdrawing media: caches, unpublish, archive and the moderator’s withdraw', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let db: DataSource;
  let kz: string;
  let slugs = 0;

  const studio = (path: string) => `/api/studio/countries/${kz}${path}`;
  const desk = (path: string) => `/api/review/countries/${kz}${path}`;

  async function upload(file: Buffer): Promise<string> {
    const uploaded = await as.curatorKz.post(studio('/media')).set('content-type', 'application/octet-stream').send(file).expect(201);
    expect((await waitForMedia(as.curatorKz, kz, uploaded.body.id)).status).toBe('ready');
    return uploaded.body.id as string;
  }
  /** A picture large enough for a IIIF tile pyramid, with what publishing asks of it. */
  async function tiledImage(shade: number): Promise<string> {
    const jpeg = await sharp({ create: { width: 2600, height: 1800, channels: 3, background: { r: shade, g: 80, b: 120 } } }).jpeg().toBuffer();
    const id = await upload(jpeg);
    await as.curatorKz.patch(studio(`/media/${id}`), { rights: CC_BY, alt: { ru: text('Обелиск') } }).expect(200);
    return id;
  }
  async function film(): Promise<string> {
    const id = await upload(mp4File(30_000 + ++slugs));
    await as.curatorKz.patch(studio(`/media/${id}`), { rights: CC_BY, transcript: { ru: text('Расшифровка') } }).expect(200);
    await as.curatorKz.request('put', studio(`/media/${id}/captions/ru`)).set('content-type', 'text/vtt').send(VALID_VTT).expect(200);
    return id;
  }
  /** An item showing these files, published through the review desk. */
  async function publishedItem(assetIds: string[]): Promise<{ id: string; slug: string }> {
    const slug = `withdrawn-${++slugs}`;
    const item = await as.curatorKz
      .post(studio('/items'), { slug, kind: 'photograph', title: { ru: text(`Снимок ${slugs}`) }, rights: CC_BY, media: assetIds.map((assetId) => ({ assetId })) })
      .expect(201);
    await as.curatorKz.post(studio(`/items/${item.body.id}/submit`), { version: 1 }).expect(204);
    await as.moderatorKz.post(desk(`/items/${item.body.id}/approve`), { revision: 1 }).expect(204);
    return { id: item.body.id, slug };
  }
  const imageUrls = (id: string) => [
    `/api/media/${id}/w400.webp`,
    `/api/media/${id}/w1600.jpg`,
    `/iiif/3/${id}/info.json`,
    `/iiif/3/${id}/0,0,512,512/512,512/0/default.jpg`,
    `/iiif/3/${id}/full/max/0/default.jpg`,
  ];
  const filmUrls = (id: string) => [
    `/api/media/${id}/file`,
    `/api/media/${id}/captions/ru.vtt`,
    `/api/media/${id}/captions/ru-${createHash('sha256').update(VALID_VTT).digest('hex')}.vtt`,
  ];
  const publicPage = async (slug: string) => (await as.anonymous.get(`/api/public/countries/kazakhstan/items/${slug}?lang=ru`).expect(200)).body;
  const manifestImages = async (itemId: string) =>
    JSON.parse((await as.anonymous.get(`/iiif/manifests/items/${itemId}`).expect(200)).text).items.map(
      (canvas: { items: { items: { body: { id: string } }[] }[] }) => canvas.items[0].items[0].body.id,
    ) as string[];
  const searchHit = async (itemId: string) => {
    const body = (await as.anonymous.get(`/api/public/search?q=${encodeURIComponent('Снимок')}&lang=ru&limit=50`).expect(200)).body;
    return body.items.find((hit: { id: string }) => hit.id === itemId) as { image: { id: string } | null } | undefined;
  };
  const auditOf = (assetId: string) =>
    db.query(
      `SELECT a.action, a.from_state, a.to_state, a.details, a.actor_id, a.country_id FROM audit_log a WHERE a.entity_id = $1 AND a.action LIKE 'media.%' AND a.action <> 'media.update' AND a.action NOT LIKE 'media.captions%' AND a.action <> 'media.upload' ORDER BY a.id`,
      [assetId],
    ) as Promise<{ action: string; from_state: string; to_state: string; details: Record<string, unknown>; actor_id: string; country_id: string }[]>;

  /** Every URL answers 404 to a visitor, even with the validator a cache would send, and nothing in the answer may be kept. */
  async function expectGoneForVisitors(urls: string[], etags: Map<string, string>): Promise<void> {
    for (const url of urls) {
      const plain = await as.anonymous.get(url);
      expect(plain.status, url).toBe(404);
      expectUncacheable(plain, url);
      const conditional = await as.anonymous.get(url).set('if-none-match', etags.get(url) ?? '"none"');
      expect(conditional.status, `${url} revalidated`).toBe(404);
      expectUncacheable(conditional, url);
    }
  }

  /** Fetches every URL as a visitor: each 200, cacheable briefly, with a validator; returns the validators. */
  async function servedToVisitors(urls: string[]): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    for (const url of urls) {
      const response = await as.anonymous.get(url);
      expect(response.status, url).toBe(200);
      const cacheControl = response.headers['cache-control'];
      expect(cacheControl, url).toMatch(/^public/);
      expect(cacheControl, url).not.toContain('immutable');
      if (!cacheControl.includes('no-cache')) expect(maxAge(cacheControl), url).toBeLessThanOrEqual(MAX_AGE_CEILING);
      expect(response.headers.etag, url).toMatch(/^"[^"]+"$/);
      etags.set(url, response.headers.etag);
    }
    return etags;
  }

  beforeAll(async () => {
    // A fixed public address: info.json names it, so its validator follows it (supertest's port changes per request).
    testApp = await startTestApp({ PUBLIC_URL: 'https://museum.test' });
    db = testApp.app.get(DataSource);
    as = await signInActors(testApp);
    kz = (await as.anonymous.get('/api/public/countries/kazakhstan').expect(200)).body.id;
  });

  afterAll(() => testApp?.close());

  it('gives every public media answer a max-age of at most ten minutes and a validator; a conditional GET answers 304 without reading the store', async () => {
    const image = await tiledImage(10);
    const video = await film();
    const item = await publishedItem([image, video]);
    const urls = [...imageUrls(image), ...filmUrls(video)];
    const etags = await servedToVisitors(urls);
    const manifest = await as.anonymous.get(`/iiif/manifests/items/${item.id}`).expect(200);
    expect(maxAge(manifest.headers['cache-control'])).toBeLessThanOrEqual(MAX_AGE_CEILING);

    for (const url of urls) {
      const revalidated = await as.anonymous.get(url).set('if-none-match', etags.get(url)!);
      expect(revalidated.status, url).toBe(304);
      expect(revalidated.headers.etag, url).toBe(etags.get(url));
      expect(revalidated.text ?? '', url).toBe('');
      // A stale validator gets the whole answer again.
      expect((await as.anonymous.get(url).set('if-none-match', '"stale"')).status, url).toBe(200);
    }
    const lastModified = (await as.anonymous.get(`/api/media/${image}/w400.webp`).expect(200)).headers['last-modified'];
    await as.anonymous.get(`/api/media/${image}/w400.webp`).set('if-modified-since', lastModified).expect(304);

    // The 304 comes from the database row alone: with the object gone from the store, only the full answer notices.
    const rendition = `/api/media/${image}/w800.webp`;
    const validator = (await as.anonymous.get(rendition).expect(200)).headers.etag;
    const [{ country_id: countryId }]: { country_id: string }[] = await db.query(`SELECT country_id FROM media_assets WHERE id = $1`, [image]);
    await storeClient().removeObject(TEST_BUCKET, `${countryId}/${image}/w800.webp`);
    await as.anonymous.get(rendition).expect(404);
    await as.anonymous.get(rendition).set('if-none-match', validator).expect(304);
  });

  it('answers 404 with nothing cacheable on every URL of a file once its record is unpublished, or archived', async () => {
    const image = await tiledImage(20);
    const video = await film();
    const item = await publishedItem([image, video]);
    const urls = [...imageUrls(image), ...filmUrls(video)];
    const etags = await servedToVisitors(urls);
    await as.moderatorKz.post(desk(`/items/${item.id}/unpublish`), { comment: 'Rights in question' }).expect(204);
    await expectGoneForVisitors(urls, etags);
    await as.anonymous.get(`/iiif/manifests/items/${item.id}`).expect(404);

    const other = await tiledImage(30);
    const archived = await publishedItem([other]);
    const otherEtags = await servedToVisitors(imageUrls(other));
    await as.moderatorKz.post(desk(`/items/${archived.id}/archive`), {}).expect(204);
    await expectGoneForVisitors(imageUrls(other), otherEtags);
    // The country's staff still have the file, never cacheable.
    for (const url of imageUrls(other)) expect((await as.curatorKz.get(url).expect(200)).headers['cache-control'], url).toBe('private, no-store');
  });

  it('lets a moderator withdraw one file from every URL, page, manifest and search answer, audited, and restore it', async () => {
    const image = await tiledImage(40);
    const kept = await tiledImage(50);
    const video = await film();
    const item = await publishedItem([image, kept, video]);
    const urls = [...imageUrls(image), ...filmUrls(video)];
    const etags = await servedToVisitors(urls);
    expect((await publicPage(item.slug)).media.map((m: { id: string }) => m.id)).toEqual([image, kept, video]);
    expect((await manifestImages(item.id)).some((id) => id.includes(image))).toBe(true);
    expect((await searchHit(item.id))?.image?.id).toBe(image);

    // Curators and visitors may not; another country's moderator does not even see the file.
    await as.curatorKz.post(desk(`/media/${image}/withdraw`), {}).expect(403);
    await as.curatorAm.post(desk(`/media/${image}/withdraw`), {}).expect(403);
    await as.anonymous.post(desk(`/media/${image}/withdraw`), {}).expect(401);
    await as.moderatorKz.post(desk(`/media/${image}/withdraw`), { comment: 'Consent withdrawn by the family' }).expect(204);
    await as.moderatorKz.post(desk(`/media/${video}/withdraw`), {}).expect(204);
    await as.moderatorKz.post(desk(`/media/${image}/withdraw`), {}).expect(409);

    await expectGoneForVisitors(urls, etags);
    const page = await publicPage(item.slug);
    expect(page.media.map((m: { id: string }) => m.id)).toEqual([kept]);
    expect(JSON.stringify(page)).not.toContain(image);
    expect((await manifestImages(item.id)).filter((id) => id.includes(image))).toEqual([]);
    expect((await searchHit(item.id))?.image?.id).toBe(kept);
    // Staff still see it (to decide on it), never cacheable.
    for (const url of urls) expect((await as.curatorKz.get(url).expect(200)).headers['cache-control'], url).toBe('private, no-store');
    expect((await as.curatorKz.get(studio(`/media/${image}`)).expect(200)).body.withdrawnAt).toEqual(expect.any(String));

    // Restoring brings it back everywhere; caches' validators are still good (the bytes did not change).
    await as.moderatorKz.post(desk(`/media/${image}/restore`), {}).expect(204);
    await as.moderatorKz.post(desk(`/media/${image}/restore`), {}).expect(409);
    await as.moderatorKz.post(desk(`/media/${video}/restore`), {}).expect(204);
    for (const url of urls) expect((await as.anonymous.get(url).set('if-none-match', etags.get(url)!)).status, url).toBe(304);
    expect((await publicPage(item.slug)).media.map((m: { id: string }) => m.id)).toEqual([image, kept, video]);
    expect((await searchHit(item.id))?.image?.id).toBe(image);

    const me = (await as.moderatorKz.get('/api/auth/me').expect(200)).body.user.id;
    expect(await auditOf(image)).toEqual([
      { action: 'media.withdraw', from_state: 'available', to_state: 'withdrawn', actor_id: me, country_id: kz, details: { records: [item.id], comment: 'Consent withdrawn by the family' } },
      { action: 'media.restore', from_state: 'withdrawn', to_state: 'available', actor_id: me, country_id: kz, details: { records: [item.id] } },
    ]);
  });

  it('refuses bad input and other countries’ files with a 4xx, changing nothing', async () => {
    const image = await tiledImage(60);
    await as.moderatorKz.post(desk('/media/not-a-uuid/withdraw'), {}).expect(400);
    await as.moderatorKz.post(desk(`/media/${image}/withdraw`), { comment: 'x'.repeat(5_001) }).expect(400);
    await as.moderatorKz.post(desk(`/media/${image}/withdraw`), { reason: 'unknown field' }).expect(400);
    await as.moderatorKz.post(desk('/media/00000000-0000-4000-8000-000000000000/withdraw'), {}).expect(404);
    const am = (await as.anonymous.get('/api/public/countries/armenia').expect(200)).body.id;
    await as.admin.post(`/api/review/countries/${am}/media/${image}/withdraw`, {}).expect(404);
    expect(await auditOf(image)).toEqual([]);
    expect((await as.curatorKz.get(studio(`/media/${image}`)).expect(200)).body.withdrawnAt).toBeNull();
  });

  it('stops serving a file withdrawn behind this process’s back (another process, plain SQL) without a restart', async () => {
    const image = await tiledImage(70);
    await publishedItem([image]);
    const tile = `/iiif/3/${image}/0,0,512,512/512,512/0/default.jpg`;
    // Served twice, so the second answer comes from what this process remembers; it is the same answer.
    const first = await as.anonymous.get(tile).buffer(true).expect(200);
    const second = await as.anonymous.get(tile).buffer(true).expect(200);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
    const headers = (response: supertest.Response) => {
      const { date: _date, 'x-request-id': _id, connection: _c, 'keep-alive': _k, ...rest } = response.headers;
      return rest;
    };
    expect(headers(second)).toEqual(headers(first));
    await as.anonymous.get(tile).set('if-none-match', first.headers.etag).expect(304);
    await db.query(`UPDATE media_assets SET withdrawn_at = now() WHERE id = $1`, [image]);
    let status = 200;
    for (let poll = 0; poll < POLLS && status !== 404; poll++) {
      status = (await as.anonymous.get(tile)).status;
      if (status !== 404) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(404);
  });
});
