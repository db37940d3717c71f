import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithActors } from './support/actors';
import { PDF_AUTHOR, fragmentedMp4WithLocation, inspectPdf, lociBox, mp4Tree, pdfFile, processedAsset, uploadMedia, xmpPacket } from './support/media-files';
import type { TestApp, TestClient } from './support/test-app';

const LOCATION = '+43.2567+076.9286+0850.000/';

/** A three-page PDF as an office suite writes one: Info naming the author, XMP for the document and a page, object streams. */
async function pdfWithAuthor(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.TimesRoman);
  for (const title of ['Catalogue', 'Objects', 'Sources']) document.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 24, font });
  document.setAuthor(PDF_AUTHOR);
  document.setCreator('Writer');
  document.setProducer('LibreOffice 24.2');
  document.setTitle('Internal draft by the author');
  const { context } = document;
  const xmp = (who: string) => context.register(context.stream(xmpPacket(who), { Type: 'Metadata', Subtype: 'XML' }));
  document.catalog.set(PDFName.of('Metadata'), xmp(PDF_AUTHOR));
  document.getPage(1).node.set(PDFName.of('Metadata'), xmp(`${PDF_AUTHOR}, page 2`));
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

describe('location and author metadata of served files', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  let db: DataSource;

  const upload = async (file: Buffer) => {
    const response = await uploadMedia(curator, kz, file).expect(201);
    return processedAsset(curator, kz, response.body.id);
  };

  beforeAll(async () => {
    ({ testApp, db, kz, as: { curatorKz: curator } } = await startWithActors());
  });

  afterAll(() => testApp?.close());

  it('serves a fragmented MP4 without the location in its movie, its fragments and after them', { timeout: 300_000 }, async () => {
    const original = fragmentedMp4WithLocation(LOCATION, 4);
    const fixedPoint = lociBox('', 76.95, 43.25).subarray(-19, -11);
    expect(original.includes(fixedPoint)).toBe(true);
    const film = await upload(original);
    expect(film).toMatchObject({ kind: 'video', status: 'ready' });

    const served = (await curator.get(`/api/media/${film.id}/file`).buffer(true).expect(200)).body as Buffer;
    expect(served.length).toBe(original.length);
    expect(served.includes(LOCATION), 'the coordinates as text').toBe(false);
    expect(served.includes(fixedPoint), 'the coordinates in 16.16 fixed point').toBe(false);
    expect(served.includes('com.apple.quicktime.location')).toBe(false);
    // Still a well-formed file: every box where it was, the metadata ones now `free` of the same size.
    const boxes = mp4Tree(served);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.filter((line) => /\/(udta|meta|uuid)@/.test(line))).toEqual([]);
    expect(boxes.filter((line) => /^\/(moof|mdat)@/.test(line))).toEqual(mp4Tree(original).filter((line) => /^\/(moof|mdat)@/.test(line)));

    // A range inside a fragment's metadata is blanked too.
    const at = original.lastIndexOf(LOCATION);
    const part = await curator.get(`/api/media/${film.id}/file`).set('range', `bytes=${at - 8}-${at + LOCATION.length + 8}`).buffer(true).expect(206);
    expect((part.body as Buffer).equals(served.subarray(at - 8, at + LOCATION.length + 9))).toBe(true);
  });

  it('serves a PDF without its Info author and XMP, still opening with every page', { timeout: 300_000 }, async () => {
    const original = await pdfWithAuthor();
    const before = await inspectPdf(original);
    expect(before.info).toMatchObject({ Author: PDF_AUTHOR, Producer: 'LibreOffice 24.2' });
    expect(before.xmp).toContain(PDF_AUTHOR);
    const document = await upload(original);
    expect(document).toMatchObject({ kind: 'document', status: 'ready' });

    const served = (await curator.get(`/api/media/${document.id}/file`).buffer(true).expect(200)).body as Buffer;
    const after = await inspectPdf(served);
    expect(after.pages).toBe(3);
    expect(after.info).toEqual({});
    expect(after.xmp).toBeNull();
    for (const token of [PDF_AUTHOR, 'LibreOffice', 'Internal draft', 'xmpmeta', '/Metadata', '/Author', '/Producer']) {
      expect(served.includes(token), token).toBe(false);
    }
    expect((await PDFDocument.load(served)).getPageCount()).toBe(3);
    const stored = await db.query('SELECT byte_size::int AS size FROM media_assets WHERE id = $1', [document.id]);
    expect(stored[0].size).toBe(served.length);
  });

  it('does not serve a document before it has been rewritten', async () => {
    const document = await upload(pdfFile('Not rewritten yet'));
    expect(document.status).toBe('ready');
    await db.query(`UPDATE media_assets SET status = 'processing' WHERE id = $1`, [document.id]);
    await curator.get(`/api/media/${document.id}/file`).expect(404);
    await db.query(`UPDATE media_assets SET status = 'ready' WHERE id = $1`, [document.id]);
    await curator.get(`/api/media/${document.id}/file`).expect(200);
  });
});
