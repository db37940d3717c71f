import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** The first bytes of an upload, read before deciding whether to accept it at all. */
export interface UploadHead {
  head: Buffer;
  /** The whole upload, head included, still to be consumed once. */
  body: Readable;
}

/** Reads at least `bytes` (or everything, if less) from `source` without losing what follows. */
export async function readHead(source: Readable, bytes: number): Promise<UploadHead> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let finished = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* everything() {
    yield head;
    if (finished) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, body: Readable.from(everything(), { objectMode: false }) };
}

export class SizeMismatch extends Error {}

/**
 * Hashes and counts bytes on their way to the store and keeps the last few,
 * so the type's trailer can be checked; refuses more bytes than declared.
 */
/** Enough of the end of a file to see how it ends (a PDF's %%EOF may be followed by some whitespace). */
const TAIL_BYTES = 1024;

export class UploadMeter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  tail = Buffer.alloc(0);

  constructor(private readonly declaredSize: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.declaredSize) {
      done(new SizeMismatch(`the body is longer than its Content-Length (${this.declaredSize} bytes)`));
      return;
    }
    this.hash.update(chunk);
    this.tail = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]).subarray(-TAIL_BYTES);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes !== this.declaredSize) {
      done(new SizeMismatch(`the body ended after ${this.bytes} of ${this.declaredSize} declared bytes`));
      return;
    }
    done();
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_END = Buffer.from('49454e44ae426082', 'hex');

/**
 * Whether the bytes after the image's own end marker are empty: a JPEG or PNG
 * with something appended (an HTML or script payload, a ZIP) is a polyglot.
 */
export function endsCleanly(mimeType: string, tail: Buffer): boolean {
  if (mimeType === 'image/jpeg') return tail.subarray(-2).equals(JPEG_END);
  if (mimeType === 'image/png') return tail.subarray(-8).equals(PNG_END);
  // Incremental updates may follow a PDF's first %%EOF, but the file always ends with one.
  if (mimeType === 'application/pdf') return /%%EOF\s*$/.test(tail.subarray(-1024).toString('latin1'));
  return true;
}

/** Keeps a file name only as harmless metadata: no directories, no control characters. */
export function sanitiseFileName(raw: string | undefined): string | null {
  if (!raw) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || null;
}
