import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UploadRateGuard, UploadTooSlow } from './upload-stream';

const RATE = { bytes: 1024, windowSeconds: 0.2 };
const settle = (guard: UploadRateGuard) =>
  new Promise<Error | 'ended'>((resolve) => {
    guard.once('error', resolve);
    guard.once('end', () => resolve('ended'));
  });

describe('UploadRateGuard', () => {
  it('fails a body that arrives more slowly than the minimum rate', async () => {
    const source = new PassThrough();
    const guard = UploadRateGuard.around(source, { bytes: 1024, windowSeconds: 2 });
    guard.resume();
    source.write(Buffer.alloc(10));
    const outcome = await settle(guard);
    expect(outcome).toBeInstanceOf(UploadTooSlow);
    // The request itself is left open for the answer to be written on it.
    expect(source.destroyed).toBe(false);
  });

  it('does not hold the time its reader leaves bytes waiting against the client', async () => {
    const source = new PassThrough();
    const guard = UploadRateGuard.around(source, RATE);
    source.write(Buffer.alloc(4 * 1024 * 1024));
    // Ten windows in which nothing is read: the client is not the slow side.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(guard.destroyed).toBe(false);
    const outcome = settle(guard);
    guard.resume();
    source.end();
    expect(await outcome).toBe('ended');
  });

  it('passes an early end of the request on as a cut-off, not as slowness', async () => {
    const source = new PassThrough();
    const guard = UploadRateGuard.around(source, RATE);
    const closed = new Promise<boolean>((resolve) => guard.once('close', () => resolve(guard.readableEnded)));
    guard.on('error', () => undefined);
    source.destroy();
    expect(await closed).toBe(false);
  });
});
