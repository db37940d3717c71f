import { type ApiError, CSRF_COOKIE, CSRF_HEADER, apiRoutes } from '@vitrina/contracts';
import i18n, { type TFunction } from 'i18next';

/** The sentence a person reads for a failed request, by HTTP status; 0 means the server was not reached. */
const STATUS_KEYS: Record<number, string> = {
  0: 'errors.request.network',
  400: 'errors.request.invalid',
  401: 'errors.request.signedOut',
  403: 'errors.request.forbidden',
  404: 'errors.request.notFound',
  409: 'errors.request.conflict',
  413: 'errors.request.tooLarge',
  415: 'errors.request.unsupported',
  422: 'errors.request.unprocessable',
  429: 'errors.request.throttled',
  503: 'errors.request.unavailable',
};

function statusKey(status: number, overrides: Record<number, string> = {}): string {
  return overrides[status] ?? STATUS_KEYS[status] ?? (status >= 500 ? 'errors.request.server' : 'errors.request.failed');
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    // Callers that show `message` as it is get the server's words, or a translated sentence when it gave none.
    super(body?.message ?? i18n.t(statusKey(status), { status }));
  }
}

/** A failure as it is shown: a translated sentence, and the server's own (English) words as a detail. */
export interface Failure {
  message: string;
  detail?: string;
}

/**
 * Describes any error thrown by `api`, `apiText` or an upload. `overrides`
 * names other translation keys for some statuses (an upload's 413 is about its file).
 */
export function describeFailure(error: unknown, t: TFunction, overrides: Record<number, string> = {}): Failure {
  if (!(error instanceof ApiRequestError)) {
    return { message: t('errors.request.unexpected'), detail: error instanceof Error ? error.message : undefined };
  }
  return { message: t(statusKey(error.status, overrides), { status: error.status }), detail: error.body?.message };
}

export function readCookie(name: string): string | undefined {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : undefined;
}

async function csrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  const response = await fetch(apiRoutes.auth.csrf().path, { credentials: 'same-origin' });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Aborts the request (a query whose page was left); the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** JSON over fetch with the session cookie; mutating calls echo the CSRF token. */
export function api<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) }, options);
}

/** A text body of another type (a WebVTT file, say); the answer is JSON. */
export function apiText<T>(method: Method, path: string, type: string, text: string): Promise<T> {
  return send<T>(method, path, { type, text }, {});
}

async function send<T>(method: Method, path: string, body: { type: string; text: string } | undefined, { signal }: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body) headers['content-type'] = body.type;
  let response: Response;
  try {
    if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body?.text, signal });
  } catch (error) {
    // fetch rejects only when no answer came (offline, connection refused): the browser's own words are not shown.
    if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    throw new ApiRequestError(0, undefined);
  }
  if (response.status === 204) return undefined as T;
  const payload = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
  if (!response.ok) throw new ApiRequestError(response.status, payload as ApiError | undefined);
  return payload as T;
}
