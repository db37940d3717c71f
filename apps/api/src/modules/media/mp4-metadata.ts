import { Transform, type Readable } from 'node:stream';
import type { ObjectStorage } from '../../infra/storage/object-storage.service';

/**
 * Phone videos carry where they were filmed in ISO-BMFF metadata boxes:
 * `udta` (`©xyz`, `loci`), `meta` (Apple's location key) and XMP `uuid`
 * boxes, in the movie and, in a fragmented file, in its fragments too. Visitors get the file with each of those boxes turned into a `free`
 * box of the same size, its contents zeroed: no offset moves (the sample
 * tables point into `mdat` by absolute offset), so byte ranges and seeking
 * work as on the original, and players skip `free` boxes wherever they are.
 */

/** The types whose MIME type says ISO-BMFF (MP4, M4A, MOV). */
export const ISO_BMFF_TYPES = new Set(['video/mp4', 'audio/mp4', 'audio/x-m4a', 'video/quicktime']);

/** A box to blank: where it starts, its whole size, and how long its header is (8, or 16 with a 64-bit size). */
export interface HiddenBox {
  offset: number;
  size: number;
  headerLength: number;
}

const HIDDEN = new Set(['udta', 'meta']);
/**
 * Boxes whose children may be metadata, at any depth: the movie, its tracks
 * and their media (`moov/udta`, `trak/udta`, `mdia/meta`…), the fragments of
 * a fragmented file and their tracks (`moof/udta`, `traf/meta`), the movie
 * extends and the additional metadata container (`meco`), and the fragment
 * index at the end (`mfra`).
 */
const CONTAINERS = new Set(['moov', 'trak', 'edts', 'mdia', 'minf', 'mvex', 'moof', 'traf', 'meco', 'mfra']);
/** Deeper than any of those nest in a well-formed file (moov/trak/mdia/minf/…). */
const MAX_DEPTH = 8;
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
/** Reads are this large, so the headers of neighbouring boxes come in one request. */
const WINDOW = 64 * 1024;
/**
 * A bound on the headers read: a two-hour film cut in one-second fragments has
 * some 50 000 boxes; past this many the file is not one a camera or an encoder
 * writes, and the walk stops.
 */
const MAX_BOXES = 1_000_000;

/** `length` bytes at `offset` of the stored file (fewer at its end). */
export type RangeReader = (offset: number, length: number) => Promise<Buffer>;

class WindowedReader {
  private start = 0;
  private window: Buffer = Buffer.alloc(0);

  constructor(
    private readonly read: RangeReader,
    private readonly size: number,
  ) {}

  async bytes(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(offset + length, this.size);
    if (offset < this.start || end > this.start + this.window.length) {
      this.start = offset;
      this.window = await this.read(offset, Math.min(Math.max(WINDOW, length), this.size - offset));
    }
    return this.window.subarray(offset - this.start, end - this.start);
  }
}

interface BoxHeader {
  type: string;
  size: number;
  headerLength: number;
}

/** The box header at `offset`, or null where the bytes cannot be a box inside [offset, end). */
function parseHeader(bytes: Buffer, offset: number, end: number): BoxHeader | null {
  if (bytes.length < 8) return null;
  const type = bytes.toString('latin1', 4, 8);
  let size = bytes.readUInt32BE(0);
  let headerLength = 8;
  if (size === 1) {
    if (bytes.length < 16) return null;
    size = Number(bytes.readBigUInt64BE(8));
    headerLength = 16;
  } else if (size === 0) {
    size = end - offset; // the box runs to the end of its parent (or of the file)
  }
  return size >= headerLength && offset + size <= end ? { type, size, headerLength } : null;
}

/**
 * The metadata boxes of an ISO-BMFF file, found by reading box headers only,
 * wherever they are: in the movie, its tracks, every fragment and after the
 * last one. Stops at the first malformed header (such a file does not play
 * either) and after MAX_BOXES headers. Found in file order.
 */
export async function findMetadataBoxes(read: RangeReader, fileSize: number): Promise<HiddenBox[]> {
  const reader = new WindowedReader(read, fileSize);
  const found: HiddenBox[] = [];
  let seen = 0;
  const walk = async (start: number, end: number, depth: number): Promise<void> => {
    for (let offset = start; offset + 8 <= end && seen++ < MAX_BOXES; ) {
      const header = parseHeader(await reader.bytes(offset, 32), offset, end);
      if (!header) return;
      const { type, size, headerLength } = header;
      if (HIDDEN.has(type) || (type === 'uuid' && (await isXmp(reader, offset + headerLength)))) {
        found.push({ offset, size, headerLength });
      } else if (CONTAINERS.has(type) && depth < MAX_DEPTH) {
        await walk(offset + headerLength, offset + size, depth + 1);
      }
      offset += size;
    }
  };
  await walk(0, fileSize, 0);
  return found;
}

/** The metadata boxes of a stored file, read through byte ranges; none for files that are not ISO-BMFF. */
export async function storedMetadataBoxes(storage: ObjectStorage, key: string, mimeType: string, byteSize: number): Promise<HiddenBox[]> {
  if (!ISO_BMFF_TYPES.has(mimeType)) return [];
  return findMetadataBoxes((offset, length) => storage.getRangeBuffer(key, offset, length), byteSize);
}

async function isXmp(reader: WindowedReader, at: number): Promise<boolean> {
  return (await reader.bytes(at, 16)).equals(XMP_UUID);
}

/** Blanks the hidden boxes in `bytes`, which start at `position` of the file: type `free`, contents zero. */
export function blankBoxes(bytes: Buffer, position: number, boxes: HiddenBox[]): Buffer {
  return blankSorted(bytes, position, [...boxes].sort((a, b) => a.offset - b.offset));
}

/** The first of `boxes` (sorted by offset) that ends after `position`: a fragmented film has thousands, a chunk touches a few. */
function firstEndingAfter(boxes: HiddenBox[], position: number): number {
  let low = 0;
  let high = boxes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boxes[middle].offset + boxes[middle].size <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function blankSorted(bytes: Buffer, position: number, boxes: HiddenBox[]): Buffer {
  let out = bytes;
  const end = position + bytes.length;
  const fill = (from: number, to: number, value: Buffer | number) => {
    const a = Math.max(from, position);
    const b = Math.min(to, end);
    if (a >= b) return;
    if (out === bytes) out = Buffer.from(bytes);
    if (typeof value === 'number') out.fill(value, a - position, b - position);
    else value.copy(out, a - position, a - from, b - from);
  };
  for (let i = firstEndingAfter(boxes, position); i < boxes.length && boxes[i].offset < end; i++) {
    const box = boxes[i];
    fill(box.offset + 4, box.offset + 8, FREE);
    fill(box.offset + box.headerLength, box.offset + box.size, 0);
  }
  return out;
}

const FREE = Buffer.from('free', 'latin1');

/** The stored bytes from `position` on, as visitors get them. */
export function withoutMetadata(source: Readable, position: number, boxes: HiddenBox[]): Readable {
  if (boxes.length === 0) return source;
  const sorted = [...boxes].sort((a, b) => a.offset - b.offset);
  let at = position;
  const blanking = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = blankSorted(chunk, at, sorted);
      at += chunk.length;
      done(null, out);
    },
  });
  source.on('error', (error) => blanking.destroy(error));
  return source.pipe(blanking);
}
