import http from 'node:http';
import { crc32 } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { objectsOf } from './support/store';
import { freePort } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

async function jpeg(seed: number, size = 64): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: seed % 255, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** A real PNG whose header is rewritten to claim 50000 × 50000 pixels: a decompression bomb in a few bytes. */
async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).png().toBuffer());
  // Signature (8) + length (4) + "IHDR" (4), then width and height; the CRC covers type and data.
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('media uploads', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  let db: DataSource;
  const upload = (body: Buffer, name = 'photo.jpg', countryId = kz) =>
    curator
      .post(`/api/studio/countries/${countryId}/media`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', encodeURIComponent(name))
      .send(body);

  beforeAll(async () => {
    testApp = await startTestApp({ MEDIA_MAX_IMAGE_BYTES: '200000' });
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    kz = (await curator.get('/api/public/countries/kazakhstan')).body.id;
    db = testApp.app.get(DataSource);
  });

  afterAll(() => testApp?.close());

  it('stores a real image under a key made of ids, with its hash and size, and reuses it on a second upload', async () => {
    const file = await jpeg(1);
    const first = await upload(file, '../../etc/Дедушка\u0000.jpg');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', byteSize: file.length, width: 64, height: 64, status: 'processing' });
    expect(first.body.originalName).toBe('Дедушка.jpg');
    expect(first.body.sha256).toBe((await import('node:crypto')).createHash('sha256').update(file).digest('hex'));
    const folder = `${kz}/${first.body.id}/`;
    const stored = await objectsOf(folder);
    expect(stored).toContain(`${folder}original`);
    // Besides the original, only derivatives the job queue may have written by now: names from ids, never from the file.
    for (const name of stored) expect(name.slice(folder.length)).toMatch(/^(original|w\d+\.(webp|jpg)|iiif\/[\d,]+\/[\d,]+\/0\/default\.jpg)$/);

    const again = await upload(file, 'copy.jpg');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const rows = await db.query('SELECT count(*)::int AS n FROM media_assets WHERE sha256 = $1', [first.body.sha256]);
    expect(rows[0].n).toBe(1);
    expect((await objectsOf(`${kz}/`)).filter((name) => name.endsWith('/original'))).toHaveLength(1);
  });

  it('judges the type by the bytes, refusing SVG, HTML named .jpg, and a JPEG with HTML appended', async () => {
    // Only originals: derivatives of earlier uploads may still be arriving from the job queue.
    const originals = async () => (await objectsOf(`${kz}/`)).filter((name) => name.endsWith('/original'));
    const before = await originals();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const polyglot = Buffer.concat([await jpeg(2), Buffer.from('<html><script>alert(1)</script></html>')]);
    for (const [name, body] of [['drawing.svg', svg], ['photo.jpg', html], ['photo2.jpg', polyglot]] as const) {
      const response = await upload(body, name);
      expect(response.status, name).toBe(415);
      expect(response.body.message).toEqual(expect.any(String));
    }
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]);
    expect((await upload(elf, 'tool.jpg')).status).toBe(415);
    expect(await originals()).toEqual(before);
    expect((await db.query('SELECT count(*)::int AS n FROM media_assets'))[0].n).toBe(1);
  });

  it('refuses a decompression bomb from its header with 422', async () => {
    const response = await upload(await pngBomb(), 'bomb.png');
    expect(response.status).toBe(422);
    expect(response.body.message).toContain('50000 × 50000');
  });

  it('enforces the per-type size limit with 413, and asks for a Content-Length', async () => {
    const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(200_000);
    expect((await upload(big, 'big.jpg')).status).toBe(413);

    const chunked = await sendRaw(testApp, curator, { 'transfer-encoding': 'chunked' }, [await jpeg(3)]);
    expect(chunked.status).toBe(411);
  });

  it('answers 413 to a declared length beyond every limit before reading the body', async () => {
    const response = await sendRaw(testApp, curator, { 'content-length': String(50 * 1024 ** 3) }, [Buffer.alloc(1024)]);
    expect(response.status).toBe(413);
  });

  it('rejects a body shorter than its Content-Length and leaves nothing behind', async () => {
    const file = await jpeg(4);
    const response = await sendRaw(testApp, curator, { 'content-length': String(file.length + 500) }, [file], true);
    expect([400, 0]).toContain(response.status);
    expect((await db.query('SELECT count(*)::int AS n FROM media_assets'))[0].n).toBe(1);
  });

  it('sets alt text and captions only in the country’s languages', async () => {
    const created = await upload(await jpeg(5), 'alt.jpg');
    const url = `/api/studio/countries/${kz}/media/${created.body.id}`;
    await curator.patch(url, { alt: { hy: { text: 'Լուսանկար', status: 'original' } } }).expect(400);
    const updated = await curator
      .patch(url, { alt: { ru: { text: 'Фотография', status: 'original' } }, rights: 'https://creativecommons.org/licenses/by/4.0/' })
      .expect(200);
    expect(updated.body.alt.ru.text).toBe('Фотография');
    const armenian = testApp.client();
    await armenian.login('curator.am@vitrina.test');
    await armenian.get(url).expect(403);
  });

  it('answers 503 with Retry-After when the store is down, leaving no row', async () => {
    const down = await startTestApp({ S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
    try {
      const client = down.client();
      await client.login('curator.kz@vitrina.test');
      const country = (await client.get('/api/public/countries/kazakhstan')).body.id;
      const response = await client
        .post(`/api/studio/countries/${country}/media`)
        .set('content-type', 'application/octet-stream')
        .send(await jpeg(6));
      expect(response.status).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      const rows = await down.app.get(DataSource).query('SELECT count(*)::int AS n FROM media_assets');
      expect(rows[0].n).toBe(0);
    } finally {
      await down.close();
    }
  });
});

/** A hand-made request, for bodies supertest cannot send (chunked, lying about their length). */
async function sendRaw(
  testApp: TestApp,
  client: TestClient,
  headers: Record<string, string>,
  chunks: Buffer[],
  endEarly = false,
): Promise<{ status: number }> {
  const server = testApp.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cookies = await client.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  const kz = (await client.get('/api/public/countries/kazakhstan')).body.id;
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/studio/countries/${kz}/media`,
        headers: {
          'content-type': 'application/octet-stream',
          cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
          'x-csrf-token': client.csrfToken!,
          ...headers,
        },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    request.on('error', () => resolve({ status: 0 }));
    for (const chunk of chunks) request.write(chunk);
    if (endEarly) setTimeout(() => request.destroy(), 300);
    else if (!headers['content-length'] || Number(headers['content-length']) === chunks.reduce((n, c) => n + c.length, 0)) request.end();
  });
}
