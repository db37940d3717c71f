import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaDerivativesWorker } from '../src/modules/media/media-derivatives.worker';
import { objectsOf, readObject, waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const SERIAL = 'SERIAL-4242';
/** The photo's GPS latitude 43° 15′ 30″ as EXIF writes it: three rationals, in either byte order. */
const LATITUDE = [false, true].map((littleEndian) => {
  const view = new DataView(new ArrayBuffer(24));
  [43, 1, 15, 1, 30, 1].forEach((value, i) => view.setUint32(i * 4, value, littleEndian));
  return Buffer.from(view.buffer);
});

/** A camera photo as phones make them: sideways pixels, an orientation tag, GPS and a body serial. */
function cameraPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#a05030' } })
    .composite([{ input: { create: { width: 200, height: 120, channels: 3, background: '#2050a0' } }, top: 10, left: 10 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'VitrinaCam', Model: 'X1' },
      IFD2: { BodySerialNumber: SERIAL },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 57/1 0/1' },
    })
    .toBuffer();
}

describe('image derivatives', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  const upload = (body: Buffer) =>
    curator.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(body);
  const waitUntilSettled = (id: string) => waitForMedia(curator, kz, id);

  beforeAll(async () => {
    testApp = await startTestApp();
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    kz = (await curator.get('/api/public/countries/kazakhstan')).body.id;
  });

  afterAll(() => testApp?.close());

  it('makes oriented, metadata-free renditions, a placeholder and a IIIF tile pyramid', async () => {
    const uploaded = await upload(await cameraPhoto(2600, 1800)).expect(201);
    const asset = await waitUntilSettled(uploaded.body.id);
    expect(asset).toMatchObject({ status: 'ready', width: 1800, height: 2600, tiled: true, failureReason: null });
    expect(asset.derivativeWidths).toEqual([400, 800, 1600, 1800]);
    expect(Buffer.from(asset.thumbhash, 'base64').length).toBeGreaterThan(5);

    const folder = `${kz}/${asset.id}/`;
    const names = await objectsOf(folder);
    const derived = names.filter((name) => !name.endsWith('/original'));
    expect(derived).toEqual(expect.arrayContaining([`${folder}w400.webp`, `${folder}w1800.webp`, `${folder}w1600.jpg`]));
    const tiles = derived.filter((name) => name.includes('/iiif/') && !name.includes('/iiif/full/'));
    // 1800 × 2600 at 512 px tiles: 4×6 + 2×3 + 1×2 + 1×1 tiles over scale factors 1, 2, 4, 8.
    expect(tiles).toHaveLength(24 + 6 + 2 + 1);
    expect(tiles).toContain(`${folder}iiif/0,0,512,512/512,512/0/default.jpg`);
    expect(tiles).toContain(`${folder}iiif/1536,2048,264,512/264,512/0/default.jpg`);
    expect(tiles).toContain(`${folder}iiif/0,0,1800,2600/225,325/0/default.jpg`);

    // info.json lists the whole-image sizes; each is served at that size.
    const info = JSON.parse((await curator.get(`/iiif/3/${asset.id}/info.json`).expect(200)).text);
    expect(info.sizes).toEqual([
      { width: 225, height: 325 },
      { width: 1418, height: 2048 },
    ]);
    for (const { width, height } of info.sizes) {
      const whole = await curator.get(`/iiif/3/${asset.id}/full/${width},${height}/0/default.jpg`).expect(200);
      expect(await sharp(whole.body).metadata()).toMatchObject({ width, height });
    }

    // No rendition and no tile carries the camera's metadata: no EXIF, XMP or IPTC block, no GPS, no serial.
    const leaks: string[] = [];
    for (const name of derived) {
      const bytes = await readObject(name);
      const metadata = await sharp(bytes).metadata();
      for (const block of ['exif', 'xmp', 'iptc'] as const) if (metadata[block]) leaks.push(`${name} has ${block}`);
      if ((metadata.orientation ?? 1) !== 1) leaks.push(`${name} has orientation ${metadata.orientation}`);
      for (const marker of ['Exif\0\0', SERIAL, 'VitrinaCam']) if (bytes.includes(marker)) leaks.push(`${name} contains ${JSON.stringify(marker)}`);
      if (LATITUDE.some((value) => bytes.includes(value))) leaks.push(`${name} contains the latitude`);
    }
    expect(derived.length).toBeGreaterThan(tiles.length + 4);
    expect(leaks).toEqual([]);
    const w400 = await sharp(await readObject(`${folder}w400.webp`)).metadata();
    expect([w400.width, w400.height]).toEqual([400, 578]);
  });

  it('does not tile small images, and a job run twice leaves the same result', async () => {
    const small = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#335577' } }).png().toBuffer();
    const uploaded = await upload(small).expect(201);
    const asset = await waitUntilSettled(uploaded.body.id);
    expect(asset).toMatchObject({ status: 'ready', tiled: false, derivativeWidths: [400, 800, 900] });
    const before = await objectsOf(`${kz}/${asset.id}/`);
    // As if the worker died after writing files but before marking the asset ready, and the job ran again.
    await testApp.app.get(DataSource).query(`UPDATE media_assets SET status = 'processing' WHERE id = $1`, [asset.id]);
    await testApp.app.get(MediaDerivativesWorker).derive(asset.id);
    expect(await objectsOf(`${kz}/${asset.id}/`)).toEqual(before);
    const again = (await curator.get(`/api/studio/countries/${kz}/media/${asset.id}`).expect(200)).body;
    expect(again).toEqual(asset);
  });

  it('fails a damaged image with its reason, visible to the curator', async () => {
    const good = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#777777' } }).jpeg().toBuffer();
    // Keep the header and the end marker, wreck everything in between.
    const damaged = Buffer.concat([good.subarray(0, 200), Buffer.alloc(good.length - 202, 0x11), good.subarray(-2)]);
    const uploaded = await upload(damaged).expect(201);
    const asset = await waitUntilSettled(uploaded.body.id);
    expect(asset.status).toBe('failed');
    expect(asset.failureReason).toEqual(expect.any(String));
  });
});
