import { publishDirectly } from './support/publish';
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaCleanupWorker } from '../src/modules/media/media-cleanup.worker';
import { VALID_VTT, mp3File, mp4File, pdfFile } from './support/media-files';
import { storeClient, waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });

describe('sound, film and documents; media of exhibitions and memorial events; clean-up', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let visitor: TestClient;
  let kz: string;
  let db: DataSource;

  const upload = async (file: Buffer, name: string) => {
    const response = await curator
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', name)
      .send(file)
      .expect(201);
    return waitForMedia(curator, kz, response.body.id);
  };
  const media = (id: string) => `/api/studio/countries/${kz}/media/${id}`;
  const putCaptions = (id: string, lang: string, body: string) =>
    curator.request('put', `${media(id)}/captions/${lang}`).set('content-type', 'text/vtt').send(body);
  const publish = (table: 'items' | 'memorials' | 'exhibitions', id: string) => publishDirectly(db, table, id);

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    [curator, visitor] = [testApp.client(), testApp.client()];
    await curator.login('curator.kz@vitrina.test');
    kz = (await visitor.get('/api/public/countries/kazakhstan')).body.id;
  });

  afterAll(() => testApp?.close());

  it('keeps video as uploaded, takes a transcript and WebVTT captions, and refuses bad captions with the reason', async () => {
    const video = await upload(mp4File(), 'interview.mp4');
    expect(video).toMatchObject({ kind: 'video', mimeType: 'video/mp4', status: 'ready', captionLanguages: [] });

    const bad = await putCaptions(video.id, 'ru', 'not captions at all').expect(400);
    expect(bad.body.message).toMatch(/WebVTT.*line 1/);
    await putCaptions(video.id, 'ru', 'WEBVTT\n\n').expect(400); // no cues
    await putCaptions(video.id, 'hy', VALID_VTT).expect(400); // not a language of Kazakhstan
    await putCaptions(video.id, 'xx', VALID_VTT).expect(400);
    await putCaptions(video.id, 'ru', `WEBVTT\n\n${'00:00.000 --> 00:01.000\nx\n\n'.repeat(50_000)}`).expect(413);
    expect((await curator.get(media(video.id)).expect(200)).body.captionLanguages).toEqual([]);

    const withCaptions = await putCaptions(video.id, 'ru', VALID_VTT).expect(200);
    expect(withCaptions.body.captionLanguages).toEqual(['ru']);
    const withTranscript = await curator.patch(media(video.id), { transcript: { en: text('Hello. These are memories.') } }).expect(200);
    expect(withTranscript.body.transcript.en.text).toBe('Hello. These are memories.');

    const image = await upload(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } }).png().toBuffer(), 'a.png');
    await putCaptions(image.id, 'ru', VALID_VTT).expect(400);
  });

  it('serves a published film with ranges and its captions, never an unpublished one, and never an image original', async () => {
    const file = mp4File(100_000);
    const video = await upload(Buffer.concat([file.subarray(0, 90_000), Buffer.alloc(10_000, 1)]), 'film.mp4');
    await putCaptions(video.id, 'ru', VALID_VTT).expect(200);
    const image = await upload(await sharp({ create: { width: 60, height: 40, channels: 3, background: '#654321' } }).jpeg().toBuffer(), 'b.jpg');
    const item = await curator
      .post(`/api/studio/countries/${kz}/items`, {
        slug: 'film-and-photo',
        kind: 'story',
        title: { ru: text('Фильм') },
        media: [{ assetId: video.id }, { assetId: image.id }],
      })
      .expect(201);

    const routes = [`/api/media/${video.id}/file`, `/api/media/${video.id}/captions/ru.vtt`];
    for (const route of routes) expect((await visitor.get(route)).status, route).toBe(404);
    expect((await curator.get(routes[0])).status).toBe(200);

    await publish('items', item.body.id);
    const whole = await visitor.get(routes[0]).buffer(true).expect(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['content-disposition']).toBe(`inline; filename="${video.id}.mp4"`);
    expect(whole.headers['x-content-type-options']).toBe('nosniff');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.length).toBe(100_000);

    const part = await visitor.get(routes[0]).set('range', 'bytes=90000-90009').buffer(true).expect(206);
    expect(part.headers['content-range']).toBe('bytes 90000-90009/100000');
    expect([...part.body]).toEqual(Array(10).fill(1));
    await visitor.get(routes[0]).set('range', 'bytes=200000-').expect(416);

    const captions = await visitor.get(routes[1]).expect(200);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.text).toBe(VALID_VTT);
    // The unversioned URL follows the live revision: caches must revalidate, unlike renditions.
    expect(captions.headers['cache-control']).toBe('public, no-cache');
    expect(whole.headers['cache-control']).toBe('public, max-age=300');
    await visitor.get(`/api/media/${video.id}/captions/en.vtt`).expect(404);
    // The original of an image is never served, published or not: only its derivatives.
    await visitor.get(`/api/media/${image.id}/file`).expect(404);
    await curator.get(`/api/media/${image.id}/file`).expect(404);

    const page = await visitor.get('/api/public/countries/kazakhstan/items/film-and-photo?lang=ru').expect(200);
    expect(page.body.media[0]).toMatchObject({
      kind: 'video',
      fileUrl: `/api/media/${video.id}/file`,
      // The version the live revision recorded: the file's SHA-256.
      captions: [{ lang: 'ru', url: `/api/media/${video.id}/captions/ru-${createHash('sha256').update(VALID_VTT).digest('hex')}.vtt` }],
    });
    expect(page.body.image).toMatchObject({ id: image.id, fileUrl: null });
  });

  it('draws a PDF’s first page as its preview and offers the PDF as a download', async () => {
    const pdf = await upload(pdfFile(), 'report.pdf');
    expect(pdf).toMatchObject({ kind: 'document', status: 'ready' });
    expect(pdf.derivativeWidths).toContain(400);
    const preview = await curator.get(`/api/media/${pdf.id}/w400.webp`).expect(200);
    const { width, height } = await sharp(preview.body).metadata();
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(400); // a portrait page
    // The page is white with dark text, not an empty canvas.
    const stats = await sharp(preview.body).stats();
    expect(stats.channels[0].min).toBeLessThan(100);
    expect(stats.channels[0].max).toBeGreaterThan(200);
    const download = await curator.get(`/api/media/${pdf.id}/file`).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${pdf.id}.pdf"`);
    expect(download.headers['content-type']).toBe('application/pdf');

    // HTML smuggled after the end of a PDF makes it a polyglot.
    await curator
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .send(Buffer.concat([pdfFile('other'), Buffer.from('<html><script>alert(1)</script></html>')]))
      .expect(415);
  });

  it('publishes exhibition covers and media blocks, and memorial event photographs, with their records only', async () => {
    const image = (color: string) => sharp({ create: { width: 80, height: 60, channels: 3, background: color } }).jpeg().toBuffer();
    const cover = await upload(await image('#aa0000'), 'cover.jpg');
    const inStory = await upload(await image('#00aa00'), 'story.jpg');
    const audio = await upload(mp3File(), 'song.mp3');
    const restoration = await upload(await image('#0000aa'), 'restored.jpg');
    expect(audio).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg' });

    const exhibition = await curator
      .post(`/api/studio/countries/${kz}/exhibitions`, {
        slug: 'with-media',
        title: { ru: text('С медиа') },
        coverMediaId: cover.id,
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'media', assetIds: [inStory.id, audio.id] }] }],
      })
      .expect(201);
    const memorial = await curator
      .post(`/api/studio/countries/${kz}/memorials`, {
        slug: 'restored-obelisk',
        kind: 'obelisk',
        title: { ru: text('Обелиск') },
        location: { lat: 43.2, lng: 76.9 },
        events: [{ date: '2020-05-01', type: 'restoration', media: [{ assetId: restoration.id }] }],
      })
      .expect(201);
    const others = await curator
      .post(`/api/studio/countries/${kz}/exhibitions`, { slug: 'foreign', title: { ru: text('x') }, coverMediaId: randomUUID() })
      .expect(400);
    expect(others.body.message).toMatch(/Media not found in this country/);

    for (const id of [cover.id, inStory.id, restoration.id]) await visitor.get(`/api/media/${id}/w80.webp`).expect(404);
    await publish('exhibitions', exhibition.body.id);
    await publish('memorials', memorial.body.id);
    for (const id of [cover.id, inStory.id, restoration.id]) await visitor.get(`/api/media/${id}/w80.webp`).expect(200);
    await visitor.get(`/api/media/${audio.id}/file`).expect(200);

    const story = await visitor.get('/api/public/countries/kazakhstan/exhibitions/with-media?lang=ru').expect(200);
    expect(story.body.coverImage.id).toBe(cover.id);
    expect(story.body.sections[0].blocks[0]).toMatchObject({ type: 'media', media: [{ id: inStory.id }, { id: audio.id, kind: 'audio' }] });
    const page = await visitor.get('/api/public/countries/kazakhstan/memorials/restored-obelisk?lang=ru').expect(200);
    expect(page.body.events[0].media[0].id).toBe(restoration.id);
  });

  it('removes the objects of uploads cut short once they are old enough, and once a day any folder no row names', async () => {
    // Its own bucket: other test files share the test store, and their objects are not this database's.
    const isolated = await startTestApp({ S3_BUCKET: `cleanup-${Date.now()}` });
    try {
      const client = isolated.client();
      await client.login('curator.kz@vitrina.test');
      const country = (await client.get('/api/public/countries/kazakhstan').expect(200)).body.id;
      const isolatedDb = isolated.app.get(DataSource);
      const pending = async () => (await isolatedDb.query('SELECT asset_id FROM media_uploads ORDER BY asset_id')).map((row: { asset_id: string }) => row.asset_id);
      const kept = await client
        .post(`/api/studio/countries/${country}/media`)
        .set('content-type', 'application/octet-stream')
        .send(await sharp({ create: { width: 30, height: 30, channels: 3, background: '#777777' } }).png().toBuffer())
        .expect(201);
      await waitForMedia(client, country, kept.body.id);
      expect(await pending()).toEqual([]); // a finished upload clears its record

      // What a crash between the PUT and the row leaves: the pending record and the objects, no row.
      const bucket = isolated.config.storage.bucket;
      const crashed = randomUUID();
      await isolatedDb.query('INSERT INTO media_uploads (asset_id, country_id) VALUES ($1, $2)', [crashed, country]);
      await storeClient().putObject(bucket, `${country}/${crashed}/original`, Buffer.from('left behind by a crash'));
      await storeClient().putObject(bucket, `${country}/${crashed}/w400.webp`, Buffer.from('and a derivative'));
      // A crash just after the row: the record names an asset that exists, whose objects stay.
      await isolatedDb.query('INSERT INTO media_uploads (asset_id, country_id) VALUES ($1, $2)', [kept.body.id, country]);
      // No pending record names it (an upload made after a restored dump): the 15-minute sweep never lists the bucket.
      const unnamed = `${country}/${randomUUID()}/original`;
      await storeClient().putObject(bucket, unnamed, Buffer.from('put there by hand'));
      const sweeper = isolated.app.get(MediaCleanupWorker);

      expect(await sweeper.sweep(60_000)).toMatchObject({ removedAssets: 0 }); // too young yet
      expect(await pending()).toEqual([crashed, kept.body.id].sort());
      const report = await sweeper.sweep(0);
      expect(report).toMatchObject({ removedAssets: 1, removedObjects: 2 });
      expect(await pending()).toEqual([]);
      const left: string[] = [];
      for await (const entry of storeClient().listObjectsV2(bucket, '', true)) left.push(entry.name as string);
      expect(left.some((key) => key.includes(crashed))).toBe(false);
      expect(left).toContain(`${country}/${kept.body.id}/original`);
      expect(left).toContain(unnamed);

      // The daily pass walks the asset folders: it removes the unnamed one, and leaves the asset and an upload under way.
      const streaming = randomUUID();
      await isolatedDb.query('INSERT INTO media_uploads (asset_id, country_id) VALUES ($1, $2)', [streaming, country]);
      await storeClient().putObject(bucket, `${country}/${streaming}/original`, Buffer.from('still arriving'));
      expect(await sweeper.reconcile(60_000)).toMatchObject({ removedAssets: 0 }); // too young yet
      expect(await sweeper.reconcile(0)).toEqual({ checkedFolders: 3, removedAssets: 1, removedObjects: 1 });
      const after: string[] = [];
      for await (const entry of storeClient().listObjectsV2(bucket, '', true)) after.push(entry.name as string);
      expect(after).not.toContain(unnamed);
      expect(after).toContain(`${country}/${kept.body.id}/original`);
      expect(after).toContain(`${country}/${streaming}/original`);
    } finally {
      await isolated.close();
    }
  });
});
