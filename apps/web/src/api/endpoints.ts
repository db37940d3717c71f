import { queryOptions } from '@tanstack/react-query';
import { type Endpoint, answerSchemaOf } from '@vitrina/contracts';
import { type Method, api } from './client';
import { STALE, keyOf } from './query-client';

/** Reads an endpoint; in development, an answer that breaks its contract schema is reported in the console. */
export async function fetchEndpoint<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<T> {
  const answer = await api<T>('GET', endpoint.path, undefined, { signal });
  // Development only: the production bundle carries no answer schemas (and the visitor's no zod).
  if (import.meta.env.DEV && import.meta.env.MODE !== 'test') {
    const checked = answerSchemaOf(endpoint.path)?.safeParse(answer);
    if (checked && !checked.success) console.warn(`The answer of ${endpoint.path} breaks its contract`, checked.error.issues);
  }
  return answer;
}

/** A write to an endpoint (JSON body); the answer is typed by the endpoint. */
export function sendTo<T>(method: Exclude<Method, 'GET'>, endpoint: Endpoint<T>, body?: unknown): Promise<T> {
  return api<T>(method, endpoint.path, body);
}

/** The query of an endpoint: keyed by its path (see `keyOf`), cancelled with the page that asked for it. */
export function queryOf<T>(endpoint: Endpoint<T>, staleTime: number = STALE.staff) {
  return queryOptions({
    queryKey: keyOf(endpoint.path),
    queryFn: ({ signal }) => fetchEndpoint(endpoint, signal),
    staleTime,
  });
}
