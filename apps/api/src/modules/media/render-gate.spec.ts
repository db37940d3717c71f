import { describe, expect, it } from 'vitest';
import { RenderGate } from './render-gate';
import { ClientGone, RenderingBusy } from './media-errors';

describe('RenderGate', () => {
  it('runs a few at once, queues a few more in order, refuses the rest at once, and frees every slot', async () => {
    const gate = new RenderGate(2, 1);
    const releases: (() => void)[] = [];
    const order: number[] = [];
    const job = (n: number) =>
      gate.run(async () => {
        order.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        return n;
      });
    const [a, b, c] = [job(1), job(2), job(3)];
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    await expect(job(4)).rejects.toBeInstanceOf(RenderingBusy);
    expect(order).toEqual([1, 2]);
    releases[0]();
    expect(await a).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2, 3]);
    releases[1]();
    releases[2]();
    expect([await b, await c]).toEqual([2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('drops a waiting rendering whose client has gone by its turn', async () => {
    const gate = new RenderGate(1, 1);
    let release = () => {};
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    let rendered = false;
    let hungUp = false;
    const dropped = gate.run(async () => (rendered = true), () => hungUp);
    hungUp = true;
    release();
    await first;
    await expect(dropped).rejects.toBeInstanceOf(ClientGone);
    expect(rendered).toBe(false);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a rendering that fails', async () => {
    const gate = new RenderGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('broken tile')))).rejects.toThrow('broken tile');
    expect(await gate.run(async () => 'next')).toBe('next');
    expect(new RenderingBusy().getStatus()).toBe(503);
    expect(new RenderingBusy().retryAfterSeconds).toBeGreaterThan(0);
  });
});
