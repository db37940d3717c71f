import { type ApiError, CSRF_COOKIE, CSRF_HEADER } from '@vitrina/contracts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

function readCookie(name: string): string | undefined {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : undefined;
}

async function csrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** JSON over fetch with the session cookie; mutating calls echo the CSRF token. */
export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) });
}

/** A text body of another type (a WebVTT file, say); the answer is JSON. */
export function apiText<T>(method: Method, path: string, type: string, text: string): Promise<T> {
  return send<T>(method, path, { type, text });
}

async function send<T>(method: Method, path: string, body: { type: string; text: string } | undefined): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body) headers['content-type'] = body.type;
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body?.text });
  if (response.status === 204) return undefined as T;
  const payload = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
  if (!response.ok) throw new ApiRequestError(response.status, payload as ApiError | undefined);
  return payload as T;
}
