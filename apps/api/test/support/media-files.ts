import { crc32 } from 'node:zlib';

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
