import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_PREVIEW_PIXELS, PDF_PREVIEW_SIZE } from '../src/modules/media/pdf-preview';
import { flatGreyPng, pdfWithManyOperators, pdfWithPage } from './support/crafted-files';
import { objectsOf } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/** Small files that would cost the API or its worker far more than their size (issue 11). */
describe('amplification bounds', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  let db: DataSource;
  const upload = (body: Buffer, name: string) =>
    curator
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', encodeURIComponent(name))
      .send(body);

  /** Polls the asset until its job settles; the ceiling (minutes) only stops a hung test. */
  const settled = async (id: string) => {
    for (let polls = 0; polls < 3000; polls++) {
      const asset = (await curator.get(`/api/studio/countries/${kz}/media/${id}`).expect(200)).body;
      if (asset.status !== 'processing') return asset;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`asset ${id} still processing`);
  };

  beforeAll(async () => {
    // The default budget: MEDIA_MAX_IMAGE_PIXELS 100 MP, MEDIA_MAX_PIXELS_PER_BYTE 100.
    testApp = await startTestApp();
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    kz = (await curator.get('/api/public/countries/kazakhstan')).body.id;
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp?.close());

  it('refuses a 97 KB PNG of 100 megapixels at upload with 422, storing nothing', async () => {
    const bomb = flatGreyPng(10_000, 10_000);
    expect(bomb.length).toBeLessThan(100_000);
    const before = await objectsOf(`${kz}/`);

    const response = await upload(bomb, 'flat.png');
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.message).toContain('10000 × 10000');

    expect(await objectsOf(`${kz}/`)).toEqual(before);
    const rows = await db.query(`SELECT count(*)::int AS n FROM media_assets WHERE country_id = $1 AND original_name = 'flat.png'`, [kz]);
    expect(rows[0].n).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM media_uploads WHERE country_id = $1', [kz]))[0].n).toBe(0);
  });

  it('still accepts a flat image under 16 MP, however small its file', async () => {
    const response = await upload(flatGreyPng(4000, 4000), 'flat-small.png');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ width: 4000, height: 4000 });
  });

  it('previews a PDF whose page is 14400 × 14400 points at UserUnit 75 within the pixel budget', async () => {
    const uploaded = await upload(pdfWithPage(14_400, 14_400, 75), 'huge-page.pdf').expect(201);
    const asset = await settled(uploaded.body.id);
    expect(asset).toMatchObject({ status: 'ready', kind: 'document' });
    expect(Math.max(asset.width, asset.height)).toBeLessThanOrEqual(PDF_PREVIEW_SIZE);
    expect(asset.width * asset.height).toBeLessThanOrEqual(PDF_PREVIEW_PIXELS);
    expect([asset.width, asset.height]).toEqual([1600, 1600]);
  }, 600_000);

  it('offers a PDF of too many operators for download without a preview', async () => {
    const uploaded = await upload(pdfWithManyOperators(300_000), 'busy.pdf').expect(201);
    const asset = await settled(uploaded.body.id);
    expect(asset).toMatchObject({ status: 'ready', width: null, height: null, derivativeWidths: [] });
  }, 600_000);
});
