/** One client's allowance: `limit` requests per window of `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** What a request was told: let through or not, and the numbers for the RateLimit-* headers. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the allowance is whole again (at least 1). */
  resetSeconds: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/** Beyond this many clients in a window's time, windows already over are swept out. */
const SWEEP_AT = 50_000;

/**
 * Fixed windows per client, in this process's memory: a client's window
 * starts with its first request and holds `limit` requests; the next one
 * waits for the window's end (Retry-After). With several API processes each
 * counts on its own, so a client behind a balancer that spreads requests may
 * make up to that many times the limit. The clock is injectable, so tests
 * drive windows by count and by a clock they set, never by waiting.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a request of `client` under `rate` (a client's key should name its class, anonymous or partner). */
  take(client: string, rate: RateLimit): RateDecision {
    const now = this.now();
    const length = rate.windowSeconds * 1000;
    let window = this.windows.get(client);
    if (!window || now - window.startedAt >= length) {
      if (!window && this.windows.size >= SWEEP_AT) this.sweep(now, length);
      window = { startedAt: now, count: 0 };
      this.windows.set(client, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + length - now) / 1000));
    if (window.count >= rate.limit) return { allowed: false, limit: rate.limit, remaining: 0, resetSeconds };
    window.count++;
    return { allowed: true, limit: rate.limit, remaining: rate.limit - window.count, resetSeconds };
  }

  get size(): number {
    return this.windows.size;
  }

  /** Drops windows that are over; when too many clients are still in their window, the oldest go. */
  private sweep(now: number, length: number): void {
    for (const [client, window] of this.windows) if (now - window.startedAt >= length) this.windows.delete(client);
    for (const client of this.windows.keys()) {
      if (this.windows.size < SWEEP_AT) break;
      this.windows.delete(client);
    }
  }
}
