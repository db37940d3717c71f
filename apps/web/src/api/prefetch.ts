import { api } from './client';

const started = new Map<string, Promise<unknown>>();

/**
 * Starts a GET at once, before the page that needs it has even loaded its
 * code: on a first visit the page's data and its script then travel together
 * instead of one after the other.
 */
export function prefetch(path: string): void {
  if (started.has(path)) return;
  const request = api<unknown>('GET', path);
  // A failure is for the page to show when it asks; nobody may be listening yet.
  request.catch(() => undefined);
  started.set(path, request);
}

/** The prefetched answer for `path`, handed out once: later reads go to the network again. */
export function takePrefetched<T>(path: string): Promise<T> | undefined {
  const request = started.get(path);
  started.delete(path);
  return request as Promise<T> | undefined;
}
