import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarkupScanner } from '../src/modules/media/markup-scanner';
import { startWithActors } from './support/actors';
import {
  MARKUP_ENCODINGS,
  PDF_AUTHOR,
  inspectPdf,
  mp3File,
  mp4File,
  pdfFile,
  pdfWithActiveContent,
  pdfWithComment,
  pdfWithIncrementalUpdate,
  processedAsset,
  uploadMedia,
  withGifComment,
  withJpegSegment,
  withPngChunk,
  withWebpChunk,
  xmpPacket,
} from './support/media-files';
import type { TestApp, TestClient } from './support/test-app';

/** Markup a browser would act on, one per carrier and encoding in turn. */
const PAYLOADS = [
  '<svg onload=alert(1)>',
  '<iframe src="//evil.test">',
  '<object data="x.swf">',
  '<embed src="x.swf">',
  '<meta http-equiv="refresh" content="0;url=//evil.test">',
  '<?xml-stylesheet type="text/xsl" href="//evil.test/x.xsl"?>',
  '<!DOCTYPE html><p>',
  '<a href="javascript:alert(1)">',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
];

/** Every encoding a browser honours when it sniffs or renders markup. */
const ENCODINGS: [string, (text: string) => Buffer][] = [
  ...MARKUP_ENCODINGS,
  ['mixed case, NUL-padded', (text) => Buffer.from([...text].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('\0'), 'latin1')],
  ['whitespace after <', (text) => Buffer.from(text.replace(/^</, '<\t\n '), 'latin1')],
];

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

function scannerFinds(file: Buffer): string | null {
  const scanner = new MarkupScanner();
  for (let at = 0; at < file.length; at += 4096) {
    const found = scanner.scan(file.subarray(at, at + 4096));
    if (found) return found;
  }
  return scanner.end();
}

describe('active content in uploads', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  let db: DataSource;
  let carriers: [string, (payload: Buffer) => Buffer][];

  const upload = (file: Buffer) => uploadMedia(curator, kz, file);

  beforeAll(async () => {
    ({ testApp, db, kz, as: { curatorKz: curator } } = await startWithActors());
    const picture = () => sharp({ create: { width: 48, height: 32, channels: 3, background: '#335577' } });
    const [jpeg, png, webp, gif] = await Promise.all([picture().jpeg().toBuffer(), picture().png().toBuffer(), picture().webp().toBuffer(), picture().gif().toBuffer()]);
    const xmpHeader = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
    carriers = [
      ['JPEG comment', (payload) => withJpegSegment(jpeg, 0xfe, payload)],
      ['JPEG XMP (APP1)', (payload) => withJpegSegment(jpeg, 0xe1, Buffer.concat([xmpHeader, payload]))],
      ['PNG tEXt', (payload) => withPngChunk(png, 'tEXt', Buffer.concat([Buffer.from('Comment\0'), payload]))],
      ['PNG iTXt', (payload) => withPngChunk(png, 'iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), payload]))],
      ['WebP XMP chunk', (payload) => withWebpChunk(webp, 'XMP ', payload)],
      ['WebP EXIF chunk', (payload) => withWebpChunk(webp, 'EXIF', Buffer.concat([Buffer.from('II*\0'), payload]))],
      ['GIF comment', (payload) => withGifComment(gif, payload)],
      ['PDF comment', (payload) => pdfWithComment(payload)],
    ];
  });

  afterAll(() => testApp?.close());

  it('refuses markup in every carrier, metadata chunk and encoding with 415, and stores nothing', { timeout: 300_000 }, async () => {
    let index = 0;
    for (const [carrier, build] of carriers) {
      for (const [encoding, encode] of ENCODINGS) {
        const payload = PAYLOADS[index++ % PAYLOADS.length];
        const file = build(encode(payload));
        const what = `${carrier}, ${encoding}: ${payload}`;
        // The scanner itself finds it (a GIF would be refused for its type alone).
        expect(scannerFinds(file), what).not.toBeNull();
        const response = await upload(file);
        expect(response.status, what).toBe(415);
        expect(response.body.message, what).toMatch(carrier.startsWith('GIF') ? /not accepted/ : /contains markup/);
        const stored = await db.query('SELECT count(*)::int AS n FROM media_assets WHERE sha256 = $1', [sha256(file)]);
        expect(stored[0].n, what).toBe(0);
      }
    }
  });

  it('accepts clean files of every kind, XMP and EXIF included, without false alarms', { timeout: 300_000 }, async () => {
    const noise = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } });
    const photo = await noise(800, 600).jpeg({ quality: 95 }).withExif({ IFD0: { Artist: 'Museum photographer', Copyright: 'CC BY 4.0' } }).toBuffer();
    const files: [string, Buffer][] = [
      ['JPEG photo with EXIF', photo],
      ['JPEG with an XMP packet', withJpegSegment(photo, 0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmpPacket('A curator'))]))],
      ['PNG', await noise(400, 300).png().toBuffer()],
      ['PNG with an XMP text chunk', withPngChunk(await noise(64, 64).png().toBuffer(), 'iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmpPacket('A curator')}`))],
      ['WebP', await noise(600, 450).webp({ quality: 90 }).toBuffer()],
      // Flat, so its IFD lies within the bytes the type is sniffed from (a noisy TIFF's IFD comes after its pixels).
      ['TIFF', await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } }).tiff().toBuffer()],
      ['PDF', pdfFile('A clean catalogue')],
      ['PDF with compressed streams, by pdf-lib', await pdfWithActiveContent()],
      ['MP4', mp4File()],
      ['MP3', mp3File()],
    ];
    for (const [what, file] of files) {
      const response = await upload(file);
      expect(response.status, `${what}: ${response.body.message}`).toBe(201);
      expect((await processedAsset(curator, kz, response.body.id)).status, what).toBe('ready');
    }
  });

  it('serves a PDF that runs JavaScript on opening without any of its active content, still readable', { timeout: 300_000 }, async () => {
    for (const [what, original] of [
      ['object streams', await pdfWithActiveContent()],
      ['incremental update with /J#61vaScript', pdfWithIncrementalUpdate()],
    ] as const) {
      const before = await inspectPdf(original);
      expect(before.documentScripts, what).not.toBeNull();
      const uploaded = await upload(original).expect(201);
      const asset = await processedAsset(curator, kz, uploaded.body.id);
      expect(asset.status, what).toBe('ready');
      expect(asset.derivativeWidths, `${what}: the preview is drawn`).toContain(400);

      const served = (await curator.get(`/api/media/${asset.id}/file`).buffer(true).expect(200)).body as Buffer;
      expect(served.length, what).toBe(asset.byteSize);
      const after = await inspectPdf(served);
      expect(after, what).toMatchObject({ pages: before.pages, documentScripts: null, openAction: null, attachments: null, pageScripts: [], info: {}, xmp: null });
      expect(after.annotations.some((annotation) => annotation.actions), what).toBe(false);
      expect(after.annotations.filter((annotation) => annotation.url).map((annotation) => annotation.url), what).not.toContain('javascript:app.alert(1)');
      for (const token of ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch', '/EmbeddedFile', '/XFA', '/ObjStm', PDF_AUTHOR]) {
        expect(served.includes(token), `${what}: ${token}`).toBe(false);
      }
      // Ranges follow the rewritten file.
      const part = await curator.get(`/api/media/${asset.id}/file`).set('range', 'bytes=0-99').buffer(true).expect(206);
      expect(part.headers['content-range']).toBe(`bytes 0-99/${served.length}`);
      // The same upload again is the same asset, recognised by the upload's own hash.
      expect((await upload(original).expect(200)).body.id).toBe(asset.id);
    }
  });

  it('does not offer an encrypted PDF, whose contents cannot be checked, and says why', { timeout: 300_000 }, async () => {
    const base = pdfFile('Encrypted report');
    const text = base.toString('latin1');
    const previous = Number(/startxref\n(\d+)/.exec(text)![1]);
    const object = '6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\n';
    const xref = base.length + object.length;
    const update = `${object}xref\n6 1\n${String(base.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /Prev ${previous} >>\nstartxref\n${xref}\n%%EOF\n`;
    const uploaded = await upload(Buffer.concat([base, Buffer.from(update, 'latin1')])).expect(201);
    const asset = await processedAsset(curator, kz, uploaded.body.id);
    expect(asset.status).toBe('failed');
    expect(asset.failureReason).toMatch(/encrypted/);
    await curator.get(`/api/media/${asset.id}/file`).expect(404);
  });
});
