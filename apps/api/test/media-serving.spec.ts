import { publishDirectly, unpublishDirectly } from './support/publish';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

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

  const setItemStatus = (status: 'draft' | 'published') =>
    status === 'published' ? publishDirectly(db, 'items', itemId) : unpublishDirectly(db, 'items', itemId);
  const routes = () => [
    `/api/media/${assetId}/w400.webp`,
    `/api/media/${assetId}/w1600.jpg`,
    `/iiif/3/${assetId}/info.json`,
    `/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`,
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
    }
  });

  it('serves a published item’s media to anyone, cacheable for good, with IIIF open to other sites', async () => {
    await setItemStatus('published');
    const webp = await visitor.get(`/api/media/${assetId}/w400.webp`).expect(200);
    expect(webp.headers['content-type']).toBe('image/webp');
    expect(webp.headers['x-content-type-options']).toBe('nosniff');
    expect(webp.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(webp.headers['content-disposition']).toMatch(/^inline; filename="/);
    expect((await sharp(webp.body).metadata()).width).toBe(400);

    const info = await visitor.get(`/iiif/3/${assetId}/info.json`).expect(200);
    expect(info.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(info.text)).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      type: 'ImageService3',
      profile: 'level0',
      width: 2600,
      height: 1800,
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }],
    });
    const tile = await visitor.get(`/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`).expect(200);
    expect(tile.headers['content-type']).toBe('image/jpeg');
    expect(tile.headers['access-control-allow-origin']).toBe('*');

    const page = await visitor.get('/api/public/countries/kazakhstan/items/with-photo?lang=en').expect(200);
    expect(page.body.media).toEqual([
      expect.objectContaining({ id: assetId, tiled: true, widths: [400, 800, 1600, 2400], alt: expect.objectContaining({ text: 'An obelisk', lang: 'en' }) }),
    ]);
  });

  it('withdraws the media again the moment the item is no longer published', async () => {
    await setItemStatus('draft');
    for (const route of routes()) expect((await visitor.get(route)).status, route).toBe(404);
  });

  it('answers guessed ids and names with 404 or 400, never more', async () => {
    await visitor.get('/api/media/00000000-0000-4000-8000-000000000000/w400.webp').expect(404);
    await visitor.get(`/api/media/${assetId}/original`).expect(400);
    await visitor.get(`/api/media/${assetId}/..%2Foriginal`).expect(400);
    await curatorKz.get(`/iiif/3/${assetId}/0,0,512,512/512,512/0/../../original`).expect(404);
    await curatorKz.get(`/iiif/3/${assetId}/9999,9999,512,512/512,512/0/default.jpg`).expect(404);
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
    const manifest = JSON.parse(response.text);
    expect(manifest['@context']).toContain('http://iiif.io/api/presentation/3/context.json');
    expect(manifest).toMatchObject({
      type: 'Manifest',
      label: { ru: ['Карта'] },
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      requiredStatement: { value: { ru: ['Музей (демо)'] } },
      navPlace: { features: [{ geometry: { type: 'Point', coordinates: [76.95, 43.25] } }] },
    });
    expect(manifest.label.en).toBeUndefined();
    const body = manifest.items[0].items[0].items[0].body;
    expect(manifest.items[0]).toMatchObject({ type: 'Canvas', width: 2600, height: 1800 });
    expect(body.service[0]).toMatchObject({ type: 'ImageService3', profile: 'level0' });
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
