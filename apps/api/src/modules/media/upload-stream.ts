import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { MarkupScanner } from './markup-scanner';

/** The first bytes of an upload, read before deciding whether to accept it at all. */
export interface UploadHead {
  head: Buffer;
  /** The whole upload, head included, still to be consumed once. */
  body: Readable;
}

/** The client went away before sending the whole body. */
export class UploadCutOff extends Error {}

/** The client sent the body more slowly than the minimum rate. */
export class UploadTooSlow extends Error {}

/** How the request stream said it stopped early: an error of its own, or closing before its end. */
const cutOff = (error?: Error) =>
  error instanceof UploadTooSlow ? error : new UploadCutOff(error ? `the upload was cut off: ${error.message}` : 'the upload was cut off before its end');

export interface MinimumRate {
  bytes: number;
  windowSeconds: number;
}

/** How many looks at the byte count per window: the window slides in steps of this fraction. */
const RATE_CHECKS_PER_WINDOW = 4;

/**
 * Passes an upload on, and fails it with UploadTooSlow once fewer than
 * `rate.bytes` arrived over the last `rate.windowSeconds`. Only time spent
 * waiting for the client counts: while bytes wait on this side (the store is
 * slower, or the server is busy deciding), or the process itself was stalled,
 * the window starts over.
 */
export class UploadRateGuard extends Transform {
  private received = 0;
  private samples: { at: number; received: number }[] = [];
  private lastCheck = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly rate: MinimumRate) {
    super({ highWaterMark: METER_HIGH_WATER });
    const every = (rate.windowSeconds * 1000) / RATE_CHECKS_PER_WINDOW;
    this.timer = setInterval(() => this.check(every), every).unref();
  }

  /** Guards `source`: its errors and early end reach readers of the guard as their own. */
  static around(source: Readable, rate: MinimumRate): UploadRateGuard {
    const guard = new UploadRateGuard(rate);
    source.once('error', (error) => guard.destroy(error));
    source.once('close', () => source.readableEnded || guard.destroy());
    guard.once('error', () => {
      source.unpipe(guard);
      source.pause();
    });
    source.pipe(guard);
    return guard;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    clearInterval(this.timer);
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    clearInterval(this.timer);
    done(error);
  }

  private check(every: number): void {
    const now = performance.now();
    const stalled = now - this.lastCheck > 2 * every;
    this.lastCheck = now;
    if (stalled || this.readableLength > 0 || this.writableLength > 0) {
      this.samples = [{ at: now, received: this.received }];
      return;
    }
    this.samples.push({ at: now, received: this.received });
    const windowMs = this.rate.windowSeconds * 1000;
    // Keep the newest sample at least a window old as the window's start.
    while (this.samples.length > 1 && now - this.samples[1].at >= windowMs) this.samples.shift();
    const start = this.samples[0];
    if (now - start.at >= windowMs && this.received - start.received < this.rate.bytes) {
      this.destroy(
        new UploadTooSlow(`the upload sent ${this.received - start.received} bytes in ${this.rate.windowSeconds} s; at least ${this.rate.bytes} are needed`),
      );
    }
  }
}

/**
 * Reads at least `bytes` (or everything, if less) from `source` without losing
 * what follows: the head is put back with `unshift`, so the body is `source`
 * itself and its chunks flow on without another stream around them.
 */
export function readHead(source: Readable, bytes: number): Promise<UploadHead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const settle = (ended: boolean) => {
      stop();
      const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      if (ended) return resolve({ head, body: Readable.from([head], { objectMode: false }) });
      source.unshift(head);
      resolve({ head, body: source });
    };
    const onReadable = () => {
      for (let chunk: Buffer | null; length < bytes && (chunk = source.read() as Buffer | null) !== null; ) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= bytes) settle(false);
    };
    const onEnd = () => settle(true);
    const fail = (error: UploadCutOff) => {
      stop();
      reject(error);
    };
    const onError = (error: Error) => fail(cutOff(error));
    const onClose = () => fail(cutOff());
    const stop = () => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
    };
    source.on('readable', onReadable);
    source.on('end', onEnd);
    source.on('error', onError);
    source.on('close', onClose);
  });
}

export class SizeMismatch extends Error {}

/** The bytes carry HTML, script or PHP markup. */
export class MarkupFound extends Error {
  constructor(readonly token: string) {
    super(`the file contains markup (${token})`);
  }
}

/** Enough of the end of a file to see how it ends (a PDF's %%EOF may be followed by some whitespace). */
const TAIL_BYTES = 1024;
/**
 * Buffered on each side of the meter. Socket chunks are 64 KiB; with Node's
 * default 16 KiB every chunk would stop the flow and wait for a drain.
 */
const METER_HIGH_WATER = 1024 * 1024;

/**
 * Hashes and counts bytes on their way to the store, scans them for markup
 * when asked, and keeps the last few so the type's trailer can be checked;
 * refuses more bytes than declared.
 */
export class UploadMeter extends Transform {
  private readonly hash = createHash('sha256');
  private readonly last = Buffer.alloc(TAIL_BYTES);
  private lastLength = 0;
  bytes = 0;

  constructor(
    private readonly declaredSize: number,
    private readonly scanner?: MarkupScanner,
  ) {
    super({ highWaterMark: METER_HIGH_WATER });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.declaredSize) {
      done(new SizeMismatch(`the body is longer than its Content-Length (${this.declaredSize} bytes)`));
      return;
    }
    const markup = this.scanner?.scan(chunk);
    if (markup) {
      done(new MarkupFound(markup));
      return;
    }
    this.hash.update(chunk);
    this.keepTail(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes !== this.declaredSize) {
      done(new SizeMismatch(`the body ended after ${this.bytes} of ${this.declaredSize} declared bytes`));
      return;
    }
    const markup = this.scanner?.end();
    done(markup ? new MarkupFound(markup) : null);
  }

  /** The last bytes seen, up to TAIL_BYTES. */
  get tail(): Buffer {
    return this.last.subarray(0, this.lastLength);
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  /** Copies at most TAIL_BYTES per chunk into a fixed buffer: no allocation per chunk. */
  private keepTail(chunk: Buffer): void {
    if (chunk.length >= TAIL_BYTES) {
      chunk.copy(this.last, 0, chunk.length - TAIL_BYTES);
      this.lastLength = TAIL_BYTES;
      return;
    }
    const kept = Math.min(this.lastLength, TAIL_BYTES - chunk.length);
    this.last.copyWithin(0, this.lastLength - kept, this.lastLength);
    chunk.copy(this.last, kept);
    this.lastLength = kept + chunk.length;
  }
}

/**
 * Pipes `source` into `meter`, settling once the meter has taken and checked
 * the whole body. Unlike pipeline(), a failure leaves `source` undestroyed:
 * destroying an unfinished request destroys its socket, and the client would
 * see a reset instead of the answer saying why (415, 400). The rest of a
 * refused body stays unread; the controller answers with Connection: close.
 */
export function feed(source: Readable, meter: UploadMeter): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (!error) return resolve();
      source.unpipe(meter);
      source.pause();
      meter.destroy(error);
      reject(error);
    };
    source.on('error', (error) => settle(cutOff(error)));
    source.on('close', () => source.readableEnded || settle(cutOff()));
    meter.on('error', settle);
    meter.on('finish', () => settle());
    // Destroyed from the store's side (its PUT failed): that side reports why.
    meter.on('close', () => settle(new Error('the object store stopped taking the upload')));
    source.pipe(meter);
  });
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
