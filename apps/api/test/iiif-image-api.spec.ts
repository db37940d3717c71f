import sharp from 'sharp';
import type supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSeadragonTileUrls } from './support/openseadragon';
import { publishDirectly } from './support/publish';
import { objectsOf, storeClient, waitForMedia } from './support/store';
import { TEST_BUCKET } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const RED: Rgb = [220, 30, 30];
const BLUE: Rgb = [30, 60, 200];
const GREEN: Rgb = [30, 170, 60];
const text = (value: string) => ({ text: value, status: 'original' });

/** A white image with coloured blocks at known places, so an answer's pixels show which region it is. */
function picture(width: number, height: number, blocks: { colour: Rgb; left: number; top: number; width: number; height: number }[]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite(blocks.map(({ colour: [r, g, b], left, top, width: w, height: h }) => ({ input: { create: { width: w, height: h, channels: 3, background: { r, g, b } } }, left, top })))
    .png()
    .toBuffer();
}

/** The answer's size, and a check of its colour at a few points (JPEG and WebP are lossy: a tolerance, well inside a block). */
async function decoded(body: Buffer) {
  const { data, info } = await sharp(body).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): Rgb => {
    const i = (y * info.width + x) * info.channels;
    return [data[i], data[i + 1], data[i + 2]];
  };
  return { width: info.width, height: info.height, at, isNear: (x: number, y: number, colour: Rgb) => at(x, y).every((value, i) => Math.abs(value - colour[i]) <= 40) };
}

describe('IIIF Image API 3.0 level 1', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let visitor: TestClient;
  let kz: string;
  let db: DataSource;
  /** 900 × 600, red block at 300,200 (200 × 100): below the tiling size, rendered from its WebP. */
  let small: string;
  /** 2600 × 1800, blue block at 1200,900 (400 × 300, across tile edges), green at the bottom-right corner: rendered from its pyramid. */
  let tiled: string;
  let slugs = 0;

  const iiif = (id: string, path: string) => `/iiif/3/${id}/${path}`;
  async function upload(file: Buffer): Promise<string> {
    const uploaded = await curator.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(file).expect(201);
    expect((await waitForMedia(curator, kz, uploaded.body.id)).status).toBe('ready');
    return uploaded.body.id as string;
  }
  async function publish(assetIds: string[]): Promise<void> {
    const item = await curator
      .post(`/api/studio/countries/${kz}/items`, { slug: `iiif-${++slugs}`, kind: 'photograph', title: { ru: text('Снимок') }, media: assetIds.map((assetId) => ({ assetId })) })
      .expect(201);
    await publishDirectly(db, 'items', item.body.id);
  }
  async function image(url: string, client = visitor): Promise<supertest.Response & { image: Awaited<ReturnType<typeof decoded>> }> {
    const response = await client.get(url).buffer(true);
    expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.headers['content-type'], url).toBe('image/jpeg');
    return Object.assign(response, { image: await decoded(response.body as Buffer) });
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    [curator, visitor] = [testApp.client(), testApp.client()];
    await curator.login('curator.kz@vitrina.test');
    kz = (await visitor.get('/api/public/countries/kazakhstan')).body.id;
    small = await upload(await picture(900, 600, [{ colour: RED, left: 300, top: 200, width: 200, height: 100 }]));
    tiled = await upload(
      await picture(2600, 1800, [
        { colour: BLUE, left: 1200, top: 900, width: 400, height: 300 },
        { colour: GREEN, left: 2500, top: 1700, width: 100, height: 100 },
      ]),
    );
    await publish([small, tiled]);
  });

  afterAll(() => testApp?.close());

  it('describes a small image at level 1, as JSON-LD open to every site, with sizes and a tile grid', async () => {
    const response = await visitor.get(iiif(small, 'info.json')).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json; ?profile="http:\/\/iiif\.io\/api\/image\/3\/context\.json"(; charset=utf-8)?$/);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const info = JSON.parse(response.text);
    expect(info).toEqual({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: expect.stringMatching(new RegExp(`/iiif/3/${small}$`)),
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level1',
      width: 900,
      height: 600,
      sizes: [
        { width: 400, height: 267 },
        { width: 800, height: 533 },
        { width: 900, height: 600 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2] }],
    });
    // Every tile OpenSeadragon asks for, and every listed size, is answered at its size.
    const urls = [...openSeadragonTileUrls(info), ...info.sizes.map((s: { width: number; height: number }) => `${info.id}/full/${s.width},${s.height}/0/default.jpg`)];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const { image: answer } = await image(new URL(url).pathname);
      expect([answer.width, answer.height].join(','), url).toBe(url.split('/').at(-3));
    }
  });

  it('describes a tiled image at level 1 with its stored pyramid and the bound of its max', async () => {
    const info = JSON.parse((await visitor.get(iiif(tiled, 'info.json')).expect(200)).text);
    expect(info).toMatchObject({
      profile: 'level1',
      width: 2600,
      height: 1800,
      maxWidth: 2048,
      maxHeight: 2048,
      sizes: [
        { width: 325, height: 225 },
        { width: 2048, height: 1418 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }],
    });
  });

  it('redirects the base URI to info.json (baseUriRedirect), open to every site', async () => {
    const response = await visitor.get(`/iiif/3/${small}`).expect(303);
    expect(response.headers.location).toMatch(new RegExp(`/iiif/3/${small}/info.json$`));
    expect(response.headers['access-control-allow-origin']).toBe('*');
    await visitor.get(new URL(response.headers.location).pathname).expect(200);
  });

  it('renders a region by pixels and a square of a small image', async () => {
    const block = await image(iiif(small, '300,200,200,100/max/0/default.jpg'));
    expect([block.image.width, block.image.height]).toEqual([200, 100]);
    for (const [x, y] of [[10, 10], [100, 50], [189, 89]]) expect(block.image.isNear(x, y, RED), `${x},${y}: ${block.image.at(x, y)}`).toBe(true);
    // Rendered answers carry what stored tiles carry.
    expect(block.headers['cache-control']).toBe('public, max-age=300');
    expect(block.headers['access-control-allow-origin']).toBe('*');
    expect(block.headers.etag).toMatch(/^"[\w-]+"$/);
    await visitor.get(iiif(small, '300,200,200,100/max/0/default.jpg')).set('if-none-match', block.headers.etag).expect(304);

    const around = (await image(iiif(small, '250,150,300,200/max/0/default.jpg'))).image;
    expect([around.width, around.height]).toEqual([300, 200]);
    expect(around.isNear(150, 100, RED)).toBe(true);
    expect(around.isNear(20, 20, WHITE)).toBe(true);
    expect(around.isNear(280, 180, WHITE)).toBe(true);

    // The centred square of a 900 × 600 image starts at x = 150: the block is at 150..350, 200..300 in it.
    const square = (await image(iiif(small, 'square/max/0/default.jpg'))).image;
    expect([square.width, square.height]).toEqual([600, 600]);
    expect(square.isNear(250, 250, RED)).toBe(true);
    expect(square.isNear(100, 250, WHITE)).toBe(true);
    expect(square.isNear(400, 250, WHITE)).toBe(true);
  });

  it('scales to w,, ,h, w,h and max, keeping the picture where it was', async () => {
    for (const [size, width, height] of [['450,', 450, 300], [',300', 450, 300], ['max', 900, 600], ['300,300', 300, 300]] as const) {
      const scaled = (await image(iiif(small, `full/${size}/0/default.jpg`))).image;
      expect([scaled.width, scaled.height], size).toEqual([width, height]);
      // The block's centre, 400,250 of 900 × 600, at this scale.
      expect(scaled.isNear(Math.round((400 * width) / 900), Math.round((250 * height) / 600), RED), size).toBe(true);
      expect(scaled.isNear(Math.round((100 * width) / 900), Math.round((100 * height) / 600), WHITE), size).toBe(true);
    }
  });

  it('renders a tiled image’s regions from its tiles at the level their size needs, and still sends stored tiles as stored', async () => {
    // Across four full-resolution tiles: the blue block is at 100..500, 100..400 of this region.
    const region = (await image(iiif(tiled, '1100,800,600,500/max/0/default.jpg'))).image;
    expect([region.width, region.height]).toEqual([600, 500]);
    expect(region.isNear(300, 250, BLUE)).toBe(true);
    expect(region.isNear(110, 110, BLUE)).toBe(true);
    expect(region.isNear(50, 50, WHITE)).toBe(true);
    expect(region.isNear(550, 450, WHITE)).toBe(true);

    for (const [path, width, height] of [['full/1300,', 1300, 900], ['full/,450', 650, 450], ['full/100,100', 100, 100], ['square/300,', 300, 300]] as const) {
      const whole = (await image(iiif(tiled, `${path}/0/default.jpg`))).image;
      expect([whole.width, whole.height], path).toEqual([width, height]);
      // The blue block's centre (1400, 1050) and a white point (300, 300), scaled; square starts at x = 400.
      const [left, side] = path.startsWith('square') ? [400, 1800] : [0, 2600];
      const scale = (value: number, of: number, to: number) => Math.round((value * to) / of);
      expect(whole.isNear(scale(1400 - left, side, width), scale(1050, 1800, height), BLUE), path).toBe(true);
      expect(whole.isNear(scale(300, side, width), scale(300, 1800, height), WHITE), path).toBe(true);
    }

    // The stored tile and full/max, byte for byte what the pyramid holds.
    const stored = await objectsOf(`${kz}/${tiled}/iiif/`);
    expect(stored).toContain(`${kz}/${tiled}/iiif/1024,1024,512,512/512,512/0/default.jpg`);
    const tile = await image(iiif(tiled, '1024,1024,512,512/512,512/0/default.jpg'));
    expect(tile.image.isNear(300, 50, BLUE)).toBe(true);
    expect(tile.headers['content-disposition']).toContain('1024_1024_512_512');
    const max = await image(iiif(tiled, 'full/max/0/default.jpg'));
    expect([max.image.width, max.image.height]).toEqual([2048, 1418]);
  });

  it('crops a region crossing the image’s edge to the image', async () => {
    const corner = (await image(iiif(small, '800,500,512,512/max/0/default.jpg'))).image;
    expect([corner.width, corner.height]).toEqual([100, 100]);
    const scaled = (await image(iiif(small, '800,500,512,512/50,/0/default.jpg'))).image;
    expect([scaled.width, scaled.height]).toEqual([50, 50]);
    const green = (await image(iiif(tiled, '2500,1700,512,512/max/0/default.jpg'))).image;
    expect([green.width, green.height]).toEqual([100, 100]);
    expect(green.isNear(50, 50, GREEN)).toBe(true);
  });

  it('answers 400 with a clear message to regions wholly outside, oversized sizes and every level-2 syntax', async () => {
    const refused: [string, string, RegExp][] = [
      [small, '900,0,10,10/max/0/default.jpg', /wholly outside the 900 × 600 image/],
      [small, '0,600,10,10/max/0/default.jpg', /wholly outside/],
      [small, 'full/901,/0/default.jpg', /upscaling/],
      [small, 'full/,601/0/default.jpg', /upscaling/],
      [small, '0,0,100,100/200,200/0/default.jpg', /upscaling/],
      [tiled, 'full/2049,/0/default.jpg', /maxWidth/],
      [tiled, 'full/2100,1000/0/default.jpg', /maxWidth/],
      [small, 'full/^max/0/default.jpg', /level 2/],
      [small, 'full/^1000,/0/default.jpg', /level 2/],
      [small, 'full/pct:50/0/default.jpg', /level 2/],
      [small, 'full/!300,300/0/default.jpg', /level 2/],
      [small, 'pct:10,10,50,50/max/0/default.jpg', /level 2/],
      [small, 'full/max/90/default.jpg', /rotation 0 only/],
      [small, 'full/max/!0/default.jpg', /rotation 0 only/],
      [small, 'full/max/0/gray.jpg', /default\.jpg only/],
      [small, 'full/max/0/bitonal.jpg', /default\.jpg only/],
      [small, 'full/max/0/default.png', /default\.jpg only/],
      [small, 'full/max/0/default.webp', /default\.jpg only/],
    ];
    for (const [id, path, message] of refused) {
      const response = await visitor.get(iiif(id, path));
      expect(response.status, path).toBe(400);
      expect(response.body.message, path).toMatch(message);
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('keeps an unpublished image from visitors on every route, and serves it to its country’s staff privately', async () => {
    const draft = await upload(await picture(700, 500, [{ colour: RED, left: 0, top: 0, width: 100, height: 100 }]));
    const urls = [`/iiif/3/${draft}`, iiif(draft, 'info.json'), iiif(draft, 'full/max/0/default.jpg'), iiif(draft, '0,0,100,100/50,/0/default.jpg'), iiif(draft, '9999,0,1,1/max/0/default.jpg')];
    for (const url of urls) expect((await visitor.get(url)).status, url).toBe(404);
    const staff = await image(iiif(draft, '0,0,100,100/50,/0/default.jpg'), curator);
    expect(staff.image.isNear(25, 25, RED)).toBe(true);
    expect(staff.headers['cache-control']).toBe('private, no-store');
    expect(staff.headers['access-control-allow-origin']).toBeUndefined();
    expect((await curator.get(iiif(draft, 'info.json')).expect(200)).headers['cache-control']).toBe('private, no-store');
    expect((await curator.get(`/iiif/3/${draft}`).expect(303)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a repeated rendered request from the bytes kept, not by rendering again', async () => {
    const id = await upload(await picture(640, 480, [{ colour: BLUE, left: 100, top: 100, width: 100, height: 100 }]));
    await publish([id]);
    const url = iiif(id, '50,50,200,200/120,/0/default.jpg');
    const first = await image(url);
    // The only thing it could be rendered from is gone from the store…
    const webps = (await objectsOf(`${kz}/${id}/`)).filter((name) => name.endsWith('.webp'));
    expect(webps).toContain(`${kz}/${id}/w640.webp`);
    for (const name of webps) await storeClient().removeObject(TEST_BUCKET, name);
    await visitor.get(iiif(id, '50,50,200,200/121,/0/default.jpg')).expect(404);
    // …and the same request is answered all the same, with the same bytes under the same validator.
    const second = await image(url);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(second.image.isNear(60, 60, BLUE)).toBe(true);
  });
});
