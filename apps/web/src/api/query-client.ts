import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiRequestError } from './client';

/** How long an answer counts as fresh, by kind of data: a page shown again within it is not asked for again. */
export const STALE = {
  /** Visitor pages: published content changes on approval only, and the API caches it too. */
  public: 60_000,
  /** Lists that change rarely (countries, map settings). */
  reference: 5 * 60_000,
  /** Staff work lists and records: others edit them too. */
  staff: 5_000,
  /** The notification badge and list. */
  notifications: 15_000,
} as const;

const MAX_RETRIES = 2;

/**
 * Reads are tried again when the server was not reached (status 0) or failed
 * (5xx); a 4xx answer is final (not found, forbidden, invalid). Mutations are
 * never retried: they may have taken effect.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return error instanceof ApiRequestError && (error.status === 0 || error.status >= 500);
}

/** Short waits, so a lasting failure is shown within about a second. */
export const retryDelay = (attempt: number): number => Math.min(300 * 2 ** attempt, 2_000);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: STALE.staff, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The app's one cache (tests make their own with `createQueryClient`). */
export const queryClient = createQueryClient();

/**
 * The cache key of an API path: its segments after `/api`, then its query
 * parameters as an object. So `['studio', 'countries', id, 'items']` is a
 * prefix of every list and record of that collection, which is what a
 * mutation invalidates.
 */
export function keyOf(path: string): QueryKey {
  const [pathname, search = ''] = path.split('?');
  const segments = pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
  return search ? [...segments, Object.fromEntries(new URLSearchParams(search))] : segments;
}
