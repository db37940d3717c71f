import http from 'node:http';
import { crc32 } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { mp4File, pdfFile, withPngText } from './support/media-files';
import { objectsOf, waitForMedia } from './support/store';
import { freePort } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';
import { PATIENCE_MS } from './support/patience';

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

  // Only originals: derivatives of earlier uploads may still be arriving from the job queue.
  const originals = async () => (await objectsOf(`${kz}/`)).filter((name) => name.endsWith('/original'));
  const count = async (table: 'media_assets' | 'media_uploads') => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

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

  it('refuses images and PDFs carrying markup anywhere, even split across network chunks, and stores nothing', async () => {
    const before = await originals();
    const assets = await count('media_assets');
    const script = '<script>alert(1)</script>';
    const jpegEnd = Buffer.from([0xff, 0xd9]);
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#102030' } }).png().toBuffer();
    const files: [string, Buffer, string][] = [
      // Ends with FF D9 as a JPEG should: only the markup inside gives it away.
      ['JPEG + HTML + FFD9', Buffer.concat([await jpeg(7), Buffer.from(`<html><body>${script}</body></html>`), jpegEnd]), '<html'],
      ['PNG with a script in a text chunk before IEND', withPngText(png, 'Comment', `<SCRIPT src="//evil.test/x.js"></SCRIPT>`), '<script'],
      ['PDF with a script before %%EOF', pdfFile(script), '<script'],
      ['PDF with a javascript: link', pdfFile('javascript:alert(1)'), 'javascript:'],
    ];
    for (const [what, body, token] of files) {
      const response = await upload(body, 'file.bin');
      expect(response.status, what).toBe(415);
      expect(response.body.message, what).toContain(`markup (${token})`);
    }

    // Past the first 512 KiB the upload is already streaming to the store when the token arrives, cut in two.
    const large = pdfFile('a long report', 700_000);
    large.write('<scr' + 'ipt>alert(1)</script>', 600_000, 'latin1');
    const cut = 600_000 + '<scr'.length;
    const waited = sendRaw(testApp, curator, { 'content-length': String(large.length) }, [large.subarray(0, cut), large.subarray(cut)], {
      // The server has read everything sent so far, so its last chunk ends in the middle of the token.
      between: async () => {
        await until(async () => (await count('media_uploads')) > 0, 'the upload to start streaming to the store');
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    });
    expect((await waited).status).toBe(415);

    expect(await originals()).toEqual(before);
    expect(await count('media_assets')).toBe(assets);
    expect(await count('media_uploads')).toBe(0);
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
    const before = await originals();
    const assets = await count('media_assets');
    // Larger than the head the API reads first, so the PUT to the store is under way when the body stops short.
    const file = mp4File(1024 * 1024);
    const response = await sendRaw(testApp, curator, { 'content-length': String(file.length + 500) }, [file], {
      cutOff: () => until(async () => (await count('media_uploads')) > 0, 'the upload to start streaming to the store'),
    });
    // The client closed its side: what answers is the HTTP server's own 400 for a cut-off request.
    expect(response.status).toBe(400);
    // The handler cleans up after itself; once its pending record is gone, nothing else may be left.
    await until(async () => (await count('media_uploads')) === 0, 'the upload to be cleaned up');
    expect(await originals()).toEqual(before);
    expect(await count('media_assets')).toBe(assets);
  });

  it('processes a failed asset again when its file is uploaded again', async () => {
    const file = await jpeg(8);
    const first = await upload(file, 'retry.jpg');
    expect(first.status).toBe(201);
    await waitForMedia(curator, kz, first.body.id);
    // As the worker leaves it when it gave up, for instance after being killed on every attempt.
    await db.query(
      `UPDATE media_assets SET status = 'failed', failure_reason = 'gave up', processing_attempts = 6, derivative_widths = NULL WHERE id = $1`,
      [first.body.id],
    );

    const again = await upload(file, 'retry-again.jpg');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'processing', failureReason: null });
    const asset = await waitForMedia(curator, kz, first.body.id);
    expect(asset).toMatchObject({ status: 'ready', failureReason: null });
    expect(asset.derivativeWidths.length).toBeGreaterThan(0);
    const [row] = await db.query(`SELECT processing_attempts FROM media_assets WHERE id = $1`, [first.body.id]);
    expect(row.processing_attempts).toBe(1);
    // Still one original: the second upload's copy was removed.
    expect((await originals()).filter((name) => name.includes(first.body.id))).toHaveLength(1);
    expect(await count('media_uploads')).toBe(0);
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

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = PATIENCE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface RawOptions {
  /** Awaited before each chunk after the first. */
  between?: () => Promise<void>;
  /** Awaited after the last chunk; then the client closes its side of the connection without sending the rest. */
  cutOff?: () => Promise<void>;
}

/** A hand-made request, for bodies supertest cannot send (chunked, in separate network writes, lying about their length). */
async function sendRaw(
  testApp: TestApp,
  client: TestClient,
  headers: Record<string, string>,
  chunks: Buffer[],
  options: RawOptions = {},
): Promise<{ status: number }> {
  const server = testApp.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cookies = await client.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  const kz = (await client.get('/api/public/countries/kazakhstan')).body.id;
  return new Promise((resolve, reject) => {
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
    request.on('error', reject);
    void (async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (i > 0) await options.between?.();
        request.write(chunk);
      }
      if (options.cutOff) {
        await options.cutOff();
        request.socket?.end();
      } else if (!headers['content-length'] || Number(headers['content-length']) === chunks.reduce((n, c) => n + c.length, 0)) {
        request.end();
      }
    })().catch(reject);
  });
}
