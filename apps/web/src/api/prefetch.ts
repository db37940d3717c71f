import { api } from './client';
import { STALE, keyOf, queryClient } from './query-client';

/**
 * Starts a GET at once, before the page that needs it has even loaded its
 * code: on a first visit the page's data and its script then travel together
 * instead of one after the other. The page finds the answer (or the request
 * still on its way) in the query cache under the same key.
 */
export function prefetch(path: string): void {
  // A failure is for the page to show when it asks: prefetchQuery never throws.
  void queryClient.prefetchQuery({
    queryKey: keyOf(path),
    queryFn: ({ signal }) => api<unknown>('GET', path, undefined, { signal }),
    staleTime: STALE.public,
  });
}
