import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const rate = { limit: 3, windowSeconds: 60 };

  it('lets `limit` requests through per window, then says how long to wait, then lets through again', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now);
    expect([1, 2, 3].map(() => limiter.take('a', rate))).toEqual([
      { allowed: true, limit: 3, remaining: 2, resetSeconds: 60 },
      { allowed: true, limit: 3, remaining: 1, resetSeconds: 60 },
      { allowed: true, limit: 3, remaining: 0, resetSeconds: 60 },
    ]);
    now += 15_500;
    expect(limiter.take('a', rate)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 45 });
    // Another client has its own window.
    expect(limiter.take('b', rate).allowed).toBe(true);
    now += 44_500;
    expect(limiter.take('a', rate)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
  });

  it('never says to wait less than a second', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.take('a', { limit: 1, windowSeconds: 1 });
    now = 999;
    expect(limiter.take('a', { limit: 1, windowSeconds: 1 })).toMatchObject({ allowed: false, resetSeconds: 1 });
  });
});
