import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@vitrina/contracts';
import { DEMO_PASSWORD } from '../../../src/modules/demo/demo-accounts';

export interface InjectRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

export interface InjectResult {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

function cookiesOf(setCookie: string | string[] | number | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
  return Object.fromEntries(list.map((cookie) => cookie.split(';')[0].split('=') as [string, string]));
}

/**
 * A browser-like client over Fastify's in-process `inject`: no sockets, so
 * thousands of requests fit in seconds. Holds the session and CSRF cookies
 * and sends the CSRF header on mutating requests, as the web app does.
 */
export class InjectClient {
  cookies: Record<string, string> = {};

  constructor(private readonly app: NestFastifyApplication) {}

  get csrfToken(): string | undefined {
    return this.cookies[CSRF_COOKIE];
  }

  get cookieHeader(): string {
    return Object.entries(this.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  async send(request: InjectRequest): Promise<InjectResult> {
    const response = await this.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      payload: request.payload,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  /** A request as this client's browser would send it: its cookies, and the CSRF header on writes. */
  async request(request: InjectRequest, options: { csrf?: boolean } = {}): Promise<InjectResult> {
    const headers: Record<string, string> = { ...request.headers };
    if (Object.keys(this.cookies).length > 0 && headers.cookie === undefined) headers.cookie = this.cookieHeader;
    if ((options.csrf ?? true) && request.method !== 'GET' && this.csrfToken && headers[CSRF_HEADER] === undefined) {
      headers[CSRF_HEADER] = this.csrfToken;
    }
    const response = await this.send({ ...request, headers });
    Object.assign(this.cookies, cookiesOf(response.headers['set-cookie']));
    return response;
  }

  async fetchCsrf(): Promise<void> {
    const response = await this.request({ method: 'GET', url: '/api/auth/csrf' });
    if (response.status !== 200) throw new Error(`csrf: ${response.status}`);
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<void> {
    if (!this.csrfToken) await this.fetchCsrf();
    const response = await this.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
    });
    if (response.status !== 200 || !this.cookies[SESSION_COOKIE]) throw new Error(`login of ${email}: ${response.status} ${response.body}`);
  }
}
