import { editableDocument, publishDirectly } from './support/publish';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { createRootLogger } from '../src/infra/logging/logger';
import { VALID_VTT, mp4File, mp4WithLocation } from './support/media-files';
import { openSeadragonTileUrls } from './support/openseadragon';
import { TEST_BUCKET, freePort } from './support/test-infra';
import { storeClient, waitForMedia } from './support/store';
import { type TestApp, TestClient, startTestApp, testEnv } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });

describe('serving media: derivatives and IIIF', () => {
  let testApp: TestApp;
  let curatorKz: TestClient;
  let curatorAm: TestClient;
  let visitor: TestClient;
  let kz: string;
  let am: string;
  let assetId: string;
  let itemId: string;
  let db: DataSource;

  const publishItem = () => publishDirectly(db, 'items', itemId);
  const routes = () => [
    `/api/media/${assetId}/w400.webp`,
    `/api/media/${assetId}/w1600.jpg`,
    `/iiif/3/${assetId}/info.json`,
    `/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`,
    `/iiif/3/${assetId}/full/325,225/0/default.jpg`,
    `/iiif/3/${assetId}/full/max/0/default.jpg`,
  ];

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    [curatorKz, curatorAm, visitor] = [testApp.client(), testApp.client(), testApp.client()];
    await curatorKz.login('curator.kz@vitrina.test');
    await curatorAm.login('curator.am@vitrina.test');
    kz = (await visitor.get('/api/public/countries/kazakhstan')).body.id;
    am = (await visitor.get('/api/public/countries/armenia')).body.id;
    const image = await sharp({ create: { width: 2600, height: 1800, channels: 3, background: '#446688' } }).jpeg().toBuffer();
    const uploaded = await curatorKz
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .send(image)
      .expect(201);
    assetId = uploaded.body.id;
    await waitForMedia(curatorKz, kz, assetId);
    await curatorKz
      .patch(`/api/studio/countries/${kz}/media/${assetId}`, { alt: { ru: text('Обелиск'), en: text('An obelisk') } })
      .expect(200);
    const item = await curatorKz
      .post(`/api/studio/countries/${kz}/items`, { slug: 'with-photo', kind: 'photograph', title: { ru: text('С фото') }, media: [{ assetId }] })
      .expect(201);
    itemId = item.body.id;
  });

  afterAll(() => testApp?.close());

  it('hides a draft’s media from visitors and other countries on every route, and shows it to the country’s staff', async () => {
    for (const route of routes()) {
      expect((await visitor.get(route)).status, `visitor ${route}`).toBe(404);
      expect((await curatorAm.get(route)).status, `curator of Armenia ${route}`).toBe(404);
      const staff = await curatorKz.get(route);
      expect(staff.status, `curator of Kazakhstan ${route}`).toBe(200);
      expect(staff.headers['cache-control'], route).toContain('no-store');
      expect(staff.headers['access-control-allow-origin'], route).toBeUndefined();
      // Only public answers may be used by other sites.
      expect(staff.headers['cross-origin-resource-policy'], route).toBe('same-site');
    }
  });

  it('serves a published item’s media to anyone, cacheable five minutes and revalidated, with IIIF open to other sites', async () => {
    await publishItem();
    const webp = await visitor.get(`/api/media/${assetId}/w400.webp`).expect(200);
    expect(webp.headers['content-type']).toBe('image/webp');
    expect(webp.headers['x-content-type-options']).toBe('nosniff');
    // Short enough that a withdrawal reaches every cache within ten minutes (docs/operations.md).
    expect(webp.headers['cache-control']).toBe('public, max-age=300');
    await visitor.get(`/api/media/${assetId}/w400.webp`).set('if-none-match', webp.headers.etag).expect(304);
    expect(webp.headers['content-disposition']).toMatch(/^inline; filename="/);
    expect((await sharp(webp.body).metadata()).width).toBe(400);
    expect(webp.headers['access-control-allow-origin']).toBe('*');
    expect(webp.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const info = await visitor.get(`/iiif/3/${assetId}/info.json`).expect(200);
    expect(info.headers['cache-control']).toBe('public, max-age=300');
    expect(info.headers['access-control-allow-origin']).toBe('*');
    expect(info.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(JSON.parse(info.text)).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      type: 'ImageService3',
      profile: 'level1',
      width: 2600,
      height: 1800,
      maxWidth: 2048,
      maxHeight: 2048,
      // The one-tile level of the pyramid, and `max`.
      sizes: [
        { width: 325, height: 225 },
        { width: 2048, height: 1418 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }],
    });
    const tile = await visitor.get(`/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`).expect(200);
    expect(tile.headers['content-type']).toBe('image/jpeg');
    expect(tile.headers['cache-control']).toBe('public, max-age=300');
    expect(tile.headers['access-control-allow-origin']).toBe('*');
    const revalidated = await visitor.get(`/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`).set('if-none-match', tile.headers.etag).expect(304);
    expect(revalidated.headers['access-control-allow-origin']).toBe('*');
    expect(tile.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const page = await visitor.get('/api/public/countries/kazakhstan/items/with-photo?lang=en').expect(200);
    expect(page.body.media).toEqual([
      expect.objectContaining({ id: assetId, tiled: true, widths: [400, 800, 1600, 2400], alt: expect.objectContaining({ text: 'An obelisk', lang: 'en' }) }),
    ]);
  });

  it('answers every request OpenSeadragon makes from info.json, and each listed size and max, with an image of that size', async () => {
    const info = JSON.parse((await visitor.get(`/iiif/3/${assetId}/info.json`).expect(200)).text);
    const tiles = openSeadragonTileUrls(info);
    // 2600 × 1800 in 512 px tiles at scale factors 1, 2, 4, 8: 6×4 + 3×2 + 2×1 + 1.
    expect(tiles).toHaveLength(24 + 6 + 2 + 1);
    expect(tiles).toContain(`${info.id}/full/325,225/0/default.jpg`);
    const whole = [...info.sizes.map((size: { width: number; height: number }) => `${info.id}/full/${size.width},${size.height}/0/default.jpg`), `${info.id}/full/max/0/default.jpg`];
    // `max` is the whole image within maxWidth × maxHeight.
    const scale = Math.min(1, info.maxWidth / info.width, info.maxHeight / info.height);
    const maxSize = [Math.round(info.width * scale), Math.round(info.height * scale)];

    const failures: string[] = [];
    for (const url of [...tiles, ...whole]) {
      const response = await visitor.get(new URL(url).pathname);
      if (response.status !== 200) {
        failures.push(`${url}: ${response.status}`);
        continue;
      }
      const size = url.split('/').at(-3)!;
      const expected = size === 'max' ? maxSize : size.split(',').map(Number);
      const { width, height } = await sharp(response.body).metadata();
      if (width !== expected[0] || height !== expected[1]) failures.push(`${url}: ${width}×${height}, not ${expected.join('×')}`);
      if (response.headers['access-control-allow-origin'] !== '*') failures.push(`${url}: no CORS`);
    }
    expect(failures).toEqual([]);
    // The other spellings of the same requests: the whole region by its pixels, and `max` of a full-resolution tile.
    await visitor.get(`/iiif/3/${assetId}/0,0,2600,1800/325,225/0/default.jpg`).expect(200);
    await visitor.get(`/iiif/3/${assetId}/0,0,512,512/max/0/default.jpg`).expect(200);
  });

  it('answers malformed, level-2 or wholly outside image requests with 400, and images that do not exist with 404', async () => {
    const image = (path: string) => `/iiif/3/${assetId}/${path}`;
    const malformed = [
      image('0,0,512/512,512/0/default.jpg'),
      image('0,0,512,512,1/512,512/0/default.jpg'),
      image('a,b,c,d/512,512/0/default.jpg'),
      image('-1,0,512,512/512,512/0/default.jpg'),
      image('0,0,0,512/512,512/0/default.jpg'),
      image('1234567,0,512,512/512,512/0/default.jpg'),
      image('pct:0,0,50,50/max/0/default.jpg'),
      image('full/!512,512/0/default.jpg'),
      image('full/pct:50/0/default.jpg'),
      image('full/^max/0/default.jpg'),
      image('full/0,0/0/default.jpg'),
      image('full/max/90/default.jpg'),
      image('full/max/!0/default.jpg'),
      image('full/max/0/gray.jpg'),
      image('full/max/0/default.png'),
      image('full/max/0/default'),
      image('full/max/0/%00.jpg'),
      '/iiif/3/not-an-id/full/max/0/default.jpg',
      '/iiif/3/not-an-id/info.json',
    ];
    const statuses = await Promise.all(malformed.map(async (url) => [url, (await visitor.get(url)).status] as const));
    expect(statuses.filter(([, status]) => status !== 400)).toEqual([]);
    // Well-formed, but wholly outside the image (level 1 renders any region and size within it: iiif-image-api.spec.ts).
    await visitor.get(image('9999,9999,512,512/512,512/0/default.jpg')).expect(400);
    await visitor.get(image('0,0,512,512/256,256/0/default.jpg')).expect(200);
    await visitor.get(image('full/1300,900/0/default.jpg')).expect(200);
    await visitor.get('/iiif/3/00000000-0000-4000-8000-000000000000/full/max/0/default.jpg').expect(404);
  });

  it('withdraws the media again the moment the item is no longer published', async () => {
    // Through the review desk, as moderators do: a change made behind the API's back (plain SQL) reaches
    // its memo of public files on the database's notification instead (media-withdraw.spec.ts).
    const moderator = testApp.client();
    await moderator.login('moderator.kz@vitrina.test');
    await moderator.post(`/api/review/countries/${kz}/items/${itemId}/unpublish`, {}).expect(204);
    for (const route of routes()) expect((await visitor.get(route)).status, route).toBe(404);
  });

  it('answers guessed ids and names with 404 or 400, never more', async () => {
    await visitor.get('/api/media/00000000-0000-4000-8000-000000000000/w400.webp').expect(404);
    await visitor.get(`/api/media/${assetId}/original`).expect(400);
    await visitor.get(`/api/media/${assetId}/..%2Foriginal`).expect(400);
    await curatorKz.get(`/iiif/3/${assetId}/0,0,512,512/512,512/0/../../original`).expect(404);
    await curatorKz.get(`/iiif/3/${assetId}/9999,9999,512,512/512,512/0/default.jpg`).expect(400);
    await curatorKz.get(`/iiif/3/${assetId}/0,0,512,512/512,512/90/default.jpg`).expect(400);
  });

  it('describes published items and exhibitions as IIIF Presentation 3.0 manifests', async () => {
    const item = await curatorKz
      .post(`/api/studio/countries/${kz}/items`, {
        slug: 'manifested',
        kind: 'document',
        title: { ru: text('Карта'), en: { text: 'Map (machine)', status: 'machine' } },
        creditLine: { ru: text('Музей (демо)') },
        rights: 'https://creativecommons.org/licenses/by/4.0/',
        location: { lat: 43.25, lng: 76.95 },
        media: [{ assetId }],
      })
      .expect(201);
    const exhibition = await curatorKz
      .post(`/api/studio/countries/${kz}/exhibitions`, {
        slug: 'manifested-story',
        title: { ru: text('История') },
        sections: [{ id: crypto.randomUUID(), blocks: [{ id: crypto.randomUUID(), type: 'item', itemId: item.body.id }] }],
      })
      .expect(201);
    await visitor.get(`/iiif/manifests/items/${item.body.id}`).expect(404);
    await publishDirectly(db, 'items', item.body.id);
    await publishDirectly(db, 'exhibitions', exhibition.body.id);

    const response = await visitor.get(`/iiif/manifests/items/${item.body.id}`).expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const manifest = JSON.parse(response.text);
    expect(manifest['@context']).toContain('http://iiif.io/api/presentation/3/context.json');
    expect(manifest).toMatchObject({
      type: 'Manifest',
      label: { ru: ['Карта'] },
      // IIIF wants the canonical http:// form of a licence URI, whatever form the curator pasted.
      rights: 'http://creativecommons.org/licenses/by/4.0/',
      requiredStatement: { value: { ru: ['Музей (демо)'] } },
      navPlace: { features: [{ geometry: { type: 'Point', coordinates: [76.95, 43.25] } }] },
    });
    expect(manifest.label.en).toBeUndefined();
    const body = manifest.items[0].items[0].items[0].body;
    expect(manifest.items[0]).toMatchObject({ type: 'Canvas', width: 2600, height: 1800 });
    expect(body.service[0]).toMatchObject({ type: 'ImageService3', profile: 'level1' });
    expect(body.service[0].id).toMatch(new RegExp(`/iiif/3/${assetId}$`));

    const story = JSON.parse((await visitor.get(`/iiif/manifests/exhibitions/${exhibition.body.id}`).expect(200)).text);
    expect(story.items).toHaveLength(1);
    expect(story.label).toEqual({ ru: ['История'] });
  });

  it('refuses to show another country’s media on an item', async () => {
    const response = await curatorAm.post(`/api/studio/countries/${am}/items`, {
      slug: 'borrowed-photo',
      kind: 'photograph',
      title: { ru: text('Чужое фото') },
      media: [{ assetId }],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(assetId);
  });
});

describe('serving sound and film: versioned captions, no location in the file, store faults', () => {
  const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
  const LOCATION = '+43.2567+076.9286/';
  let testApp: TestApp;
  let curator: TestClient;
  let moderator: TestClient;
  let visitor: TestClient;
  let kz: string;
  let db: DataSource;
  let counter = 0;

  const studio = (path: string) => `/api/studio/countries/${kz}${path}`;
  const uploadFilm = async (file: Buffer) => {
    const uploaded = await curator.post(studio('/media')).set('content-type', 'application/octet-stream').send(file).expect(201);
    const asset = await waitForMedia(curator, kz, uploaded.body.id);
    expect(asset.status).toBe('ready');
    // A transcript lets a film without captions be published too.
    await curator.patch(studio(`/media/${asset.id}`), { rights: CC_BY, transcript: { ru: text('Расшифровка') } }).expect(200);
    return asset.id as string;
  };
  const putCaptions = (id: string, lang: string, body: string) =>
    curator.request('put', studio(`/media/${id}/captions/${lang}`)).set('content-type', 'text/vtt').send(body).expect(200);
  /** Saves, submits and approves a revision through the review desk, as moderators do. */
  const approveLatest = async (itemId: string) => {
    const current = (await curator.get(studio(`/items/${itemId}`)).expect(200)).body;
    await curator.post(studio(`/items/${itemId}/submit`), { version: current.version }).expect(204);
    await moderator.post(`/api/review/countries/${kz}/items/${itemId}/approve`, { revision: current.version }).expect(204);
  };
  const publishedFilm = async (filmId: string) => {
    const slug = `film-${++counter}`;
    const item = await curator
      .post(studio('/items'), { slug, kind: 'story', title: { ru: text('Фильм') }, rights: CC_BY, media: [{ assetId: filmId }] })
      .expect(201);
    await approveLatest(item.body.id);
    return { id: item.body.id as string, slug };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    [curator, moderator, visitor] = [testApp.client(), testApp.client(), testApp.client()];
    await curator.login('curator.kz@vitrina.test');
    await moderator.login('moderator.kz@vitrina.test');
    kz = (await visitor.get('/api/public/countries/kazakhstan')).body.id;
  });

  afterAll(() => testApp?.close());

  it('shows visitors the captions the live revision recorded until a revision with new ones is approved', async () => {
    const film = await uploadFilm(mp4File(20_000));
    const oldCaptions = VALID_VTT;
    const newCaptions = 'WEBVTT\n\n00:00.000 --> 00:03.000\nНовый перевод.\n';
    await putCaptions(film, 'ru', oldCaptions);
    const item = await publishedFilm(film);
    const publicCaptions = async () => {
      const page = await visitor.get(`/api/public/countries/kazakhstan/items/${item.slug}?lang=ru`).expect(200);
      const url = page.body.media[0].captions[0].url as string;
      return { url, text: (await visitor.get(url).expect(200)).text };
    };
    const live = await publicCaptions();
    expect(live.text).toBe(oldCaptions);
    expect(live.url).toBe(`/api/media/${film}/captions/ru-${createHash('sha256').update(oldCaptions).digest('hex')}.vtt`);
    const versioned = await visitor.get(live.url).expect(200);
    expect(versioned.headers['cache-control']).toBe('public, max-age=300');
    expect(versioned.headers['access-control-allow-origin']).toBe('*');

    // A curator replaces the captions of the published film: visitors see no change…
    await putCaptions(film, 'ru', newCaptions);
    expect(await publicCaptions()).toEqual(live);
    expect((await visitor.get(`/api/media/${film}/captions/ru.vtt`).expect(200)).text).toBe(oldCaptions);
    // …the country's staff see the latest, and the new file is nobody else's until approved.
    expect((await curator.get(`/api/media/${film}/captions/ru.vtt`).expect(200)).text).toBe(newCaptions);
    const newUrl = `/api/media/${film}/captions/ru-${createHash('sha256').update(newCaptions).digest('hex')}.vtt`;
    expect((await curator.get(newUrl).expect(200)).headers['cache-control']).toBe('private, no-store');
    await visitor.get(newUrl).expect(404);

    // The next revision is saved with the new captions and approved: now visitors get them.
    const current = (await curator.get(studio(`/items/${item.id}`)).expect(200)).body;
    await curator.request('put', studio(`/items/${item.id}`)).send(editableDocument(current)).expect(200);
    const review = (await moderator.get(`/api/review/countries/${kz}/items/${item.id}`).expect(200)).body;
    expect(review.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'mediaTexts.captionVersions.ru', assetId: film, change: 'changed' })]));
    await approveLatest(item.id);
    const after = await publicCaptions();
    expect(after).toEqual({ url: newUrl, text: newCaptions });
    expect((await visitor.get(`/api/media/${film}/captions/ru.vtt`).expect(200)).text).toBe(newCaptions);
  });

  it('keeps the live captions when a curator deletes them, until the deletion is approved', async () => {
    const film = await uploadFilm(mp4File(21_000));
    await putCaptions(film, 'ru', VALID_VTT);
    const item = await publishedFilm(film);
    const url = (await visitor.get(`/api/public/countries/kazakhstan/items/${item.slug}?lang=ru`).expect(200)).body.media[0].captions[0].url;
    await curator.delete(studio(`/media/${film}/captions/ru`)).expect(200);
    expect((await visitor.get(url).expect(200)).text).toBe(VALID_VTT);
    await curator.get(`/api/media/${film}/captions/ru.vtt`).expect(404);
  });

  it('blanks the location boxes of an MP4 for everyone, keeping every offset, whole and in ranges', async () => {
    const original = mp4WithLocation(LOCATION);
    const film = await uploadFilm(original);
    await publishedFilm(film);
    const url = `/api/media/${film}/file`;
    const served = (await visitor.get(url).buffer(true).expect(200)).body as Buffer;
    expect(served.length).toBe(original.length);
    expect(served.includes(LOCATION), 'the coordinates are served').toBe(false);
    expect(served.includes('com.apple.quicktime.location')).toBe(false);
    expect(served.includes('Back camera'), 'the track name in trak/udta').toBe(false);
    // Every box is where it was: the blanked ones are `free` boxes of their old size, the rest byte for byte the same.
    expect(topLevelBoxes(served)).toEqual(topLevelBoxes(original));
    const moovAt = original.indexOf('moov') - 4;
    expect(childBoxes(served, moovAt)).toEqual(childBoxes(original, moovAt).map(([type, offset, size]) => [type === 'udta' || type === 'meta' ? 'free' : type, offset, size]));
    const mdatAt = original.indexOf('mdat') - 4;
    expect(served.subarray(mdatAt).equals(original.subarray(mdatAt))).toBe(true);

    // Ranges line up with the whole file, across the blanked boxes and inside them.
    for (const [start, end] of [[0, 99], [moovAt, moovAt + 500], [served.indexOf('free') - 10, served.indexOf('free') + 10], [mdatAt - 3, mdatAt + 4], [served.length - 7, served.length - 1]]) {
      const part = await visitor.get(url).set('range', `bytes=${start}-${end}`).buffer(true).expect(206);
      expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${served.length}`);
      expect((part.body as Buffer).equals(served.subarray(start, end + 1)), `bytes ${start}-${end}`).toBe(true);
    }
    // A file processed before the boxes were recorded is looked at when served.
    await db.query(`UPDATE media_assets SET metadata_boxes = NULL WHERE id = $1`, [film]);
    expect(((await visitor.get(url).buffer(true).expect(200)).body as Buffer).equals(served)).toBe(true);
  });

  it('answers 404 when a stored file is missing and 503 with Retry-After when the store is down, never 500', async () => {
    const film = await uploadFilm(mp4File(22_000));
    await publishedFilm(film);
    const image = await sharp({ create: { width: 2100, height: 600, channels: 3, background: '#335577' } }).jpeg().toBuffer();
    const photo = (await curator.post(studio('/media')).set('content-type', 'application/octet-stream').send(image).expect(201)).body.id;
    await waitForMedia(curator, kz, photo);
    const reads = [
      [`/api/media/${film}/file`, 'bytes=0-99'],
      [`/api/media/${film}/file`, undefined],
      [`/api/media/${photo}/w400.webp`, undefined],
      [`/iiif/3/${photo}/0,0,512,512/512,512/0/default.jpg`, undefined],
    ] as const;

    // The store is down: a second API process on the same database whose store does not answer.
    const config = loadConfig(testEnv(testApp.databaseUrl, { S3_ENDPOINT: `http://127.0.0.1:${await freePort()}`, SEED_DEMO: 'false', RUN_JOBS_IN_API: 'false' }));
    const storeless = await createApp(config, createRootLogger('silent'));
    try {
      await storeless.getHttpAdapter().getInstance().ready();
      const client = new TestClient(storeless);
      await client.login('curator.kz@vitrina.test');
      for (const [route, range] of reads) {
        const response = await (range ? client.get(route).set('range', range) : client.get(route));
        expect(response.status, `${route} ${range ?? ''}`).toBe(503);
        expect(Number(response.headers['retry-after']), route).toBeGreaterThan(0);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    } finally {
      await storeless.close();
    }

    // The objects are gone from a store that answers.
    const names: string[] = [];
    for await (const entry of storeClient().listObjectsV2(TEST_BUCKET, `${kz}/`, true)) {
      const name = (entry as { name: string }).name;
      if (name.includes(film) || name.includes(photo)) names.push(name);
    }
    for (const name of names) await storeClient().removeObject(TEST_BUCKET, name);
    for (const [route, range] of reads) {
      const response = await (range ? curator.get(route).set('range', range) : curator.get(route));
      expect(response.status, `${route} ${range ?? ''}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

/** [type, offset, size] of each box from `start` to `end`. */
function boxesBetween(file: Buffer, start: number, end: number): [string, number, number][] {
  const boxes: [string, number, number][] = [];
  for (let offset = start; offset + 8 <= end; ) {
    const size = file.readUInt32BE(offset);
    boxes.push([file.toString('latin1', offset + 4, offset + 8), offset, size]);
    offset += size;
  }
  return boxes;
}
const topLevelBoxes = (file: Buffer) => boxesBetween(file, 0, file.length);
const childBoxes = (file: Buffer, at: number) => boxesBetween(file, at + 8, at + file.readUInt32BE(at));
