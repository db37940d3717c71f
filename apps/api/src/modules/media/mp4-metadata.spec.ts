import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fragmentedMp4WithLocation, lociBox, mp4Box, mp4Tree, mp4WithLocation } from '../../../test/support/media-files';
import { blankBoxes, findMetadataBoxes, withoutMetadata } from './mp4-metadata';

const readerOf = (file: Buffer) => {
  const reads: number[] = [];
  const read = async (offset: number, length: number) => {
    reads.push(offset);
    return file.subarray(offset, offset + length);
  };
  return { read, reads };
};

/** A box with a 64-bit size field (size 1, then the real size after the type). */
function largeBox(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(BigInt(16 + payload.length), 8);
  return Buffer.concat([header, payload]);
}

const XMP = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const ftyp = mp4Box('ftyp', Buffer.from('isom'), Buffer.alloc(4), Buffer.from('isom'));

describe('findMetadataBoxes', () => {
  it('finds moov/udta, moov/meta and trak/udta, reading headers in few requests', async () => {
    const file = mp4WithLocation('+1.0+2.0/');
    const { read, reads } = readerOf(file);
    const boxes = await findMetadataBoxes(read, file.length);
    expect(boxes.map((box) => file.toString('latin1', box.offset + 4, box.offset + 8))).toEqual(['udta', 'udta', 'meta']);
    expect(boxes.every((box) => box.headerLength === 8 && box.size === file.readUInt32BE(box.offset))).toBe(true);
    // The whole small file fits one window.
    expect(reads).toEqual([0]);
  });

  it('handles 64-bit sizes, XMP uuid boxes and a top-level meta, and leaves other uuid boxes alone', async () => {
    const file = Buffer.concat([
      ftyp,
      largeBox('meta', Buffer.alloc(40, 7)),
      mp4Box('uuid', XMP, Buffer.from('<x:xmpmeta>GPS</x:xmpmeta>')),
      mp4Box('uuid', Buffer.alloc(16, 1), Buffer.from('spherical')),
      mp4Box('mdat', Buffer.alloc(100)),
    ]);
    const boxes = await findMetadataBoxes(readerOf(file).read, file.length);
    expect(boxes).toEqual([
      { offset: ftyp.length, size: 56, headerLength: 16 },
      { offset: ftyp.length + 56, size: 8 + 16 + 26, headerLength: 8 },
    ]);
    const blanked = blankBoxes(file, 0, boxes);
    expect(blanked.includes('GPS')).toBe(false);
    expect(blanked.readUInt32BE(ftyp.length)).toBe(1); // the 64-bit size field is kept
    expect(blanked.readBigUInt64BE(ftyp.length + 8)).toBe(56n);
    expect(blanked.toString('latin1', ftyp.length + 4, ftyp.length + 8)).toBe('free');
    expect(blanked.includes('spherical')).toBe(true);
  });

  it('stops at a malformed header', async () => {
    const broken = Buffer.concat([ftyp, Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from('udta'), Buffer.alloc(20)]);
    expect(await findMetadataBoxes(readerOf(broken).read, broken.length)).toEqual([]);
  });

  it('finds metadata in every fragment and after them, in moof, traf and mfra, with 64-bit sizes', async () => {
    const location = '+43.2500+076.9500+0850/';
    const file = fragmentedMp4WithLocation(location);
    const boxes = await findMetadataBoxes(readerOf(file).read, file.length);
    const paths = mp4Tree(file).filter((line) => boxes.some((box) => line.endsWith(`@${box.offset}:${box.size}`)));
    expect(paths.map((line) => line.split('@')[0])).toEqual([
      '/moov/trak/udta',
      '/moov/trak/mdia/meta',
      '/moov/udta',
      ...Array.from({ length: 3 }, () => ['/moof/traf/udta', '/moof/traf/meta', '/moof/traf/uuid', '/moof/udta']).flat(),
      '/udta',
      '/mfra/meta',
    ]);
    const blanked = blankBoxes(file, 0, boxes);
    expect(blanked.includes(location), 'the coordinates as text').toBe(false);
    expect(blanked.includes(lociBox('', 76.95, 43.25).subarray(-19, -7)), 'the coordinates in 16.16 fixed point').toBe(false);
    // The file still walks as a box tree: same boxes at the same offsets, the blanked ones now `free`.
    expect(mp4Tree(blanked)).toEqual(mp4Tree(file).filter((line) => !/\/(udta|meta|uuid)\/.+/.test(line)).map((line) => line.replace(/\/(udta|meta|uuid)@/, '/free@')));
  });
});

describe('withoutMetadata', () => {
  it('blanks the same bytes whatever the chunks and the starting position', async () => {
    const file = mp4WithLocation('+43.25+076.95/');
    const boxes = await findMetadataBoxes(readerOf(file).read, file.length);
    const whole = blankBoxes(file, 0, boxes);
    for (const chunk of [1, 7, 64, 4096]) {
      for (const start of [0, 3, boxes[1].offset + 5]) {
        const chunks = [];
        for (let at = start; at < file.length; at += chunk) chunks.push(file.subarray(at, Math.min(at + chunk, file.length)));
        const out: Buffer[] = [];
        for await (const part of withoutMetadata(Readable.from(chunks), start, boxes)) out.push(part as Buffer);
        expect(Buffer.concat(out).equals(whole.subarray(start)), `chunks of ${chunk} from ${start}`).toBe(true);
      }
    }
  });
});
