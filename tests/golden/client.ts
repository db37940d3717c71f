import { z } from 'zod';

export const DEMO_PASSWORD = 'vitrina-demo';

/** How a reader asks for a language: the web app's `?lang=`, a browser's Accept-Language, or neither. */
export interface LanguageVariant {
  name: string;
  lang?: string;
  acceptLanguage?: string;
}

/** The UI languages (ru, en), the country's default chain (neither given), and a browser's header alone. */
export const LANGUAGES: LanguageVariant[] = [
  { name: 'en', lang: 'en', acceptLanguage: 'en' },
  { name: 'ru', lang: 'ru', acceptLanguage: 'ru' },
  { name: 'default' },
  { name: 'accept-en', acceptLanguage: 'en-GB,en;q=0.9' },
];
/** For answers that do not depend on the language: asked once, as a Russian browser would. */
export const ANY_LANGUAGE: LanguageVariant = { name: '-', acceptLanguage: 'ru-RU,ru;q=0.9' };

export interface RawAnswer {
  who: string;
  language: string;
  path: string;
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** One reader: anonymous, or signed in with its own cookies. */
export class Session {
  private readonly cookies = new Map<string, string>();
  readonly secrets: string[] = [];

  constructor(
    readonly who: string,
    private readonly baseUrl: string,
  ) {}

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(path: string, language: LanguageVariant): Promise<RawAnswer> {
    const headers: Record<string, string> = { accept: 'application/json, */*', ...this.cookieHeader() };
    if (language.acceptLanguage) headers['accept-language'] = language.acceptLanguage;
    const response = await fetch(this.baseUrl + path, { headers, redirect: 'manual' });
    this.keepCookies(response);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { who: this.who, language: language.name, path, status: response.status, headers: response.headers, bytes };
  }

  /** Signs in as the web app does: a CSRF token first, echoed with the credentials. */
  async signIn(email: string): Promise<void> {
    const csrf = z.object({ csrfToken: z.string() }).parse(await (await this.fetchKeeping('/api/auth/csrf')).json());
    const response = await this.fetchKeeping('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const me = z.object({ csrfToken: z.string() }).parse(await response.json());
    this.secrets.push(csrf.csrfToken, me.csrfToken);
  }

  private async fetchKeeping(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { ...init, headers: { ...this.cookieHeader(), ...(init.headers as object) } });
    this.keepCookies(response);
    return response;
  }
}

/** Appends query parameters, leaving out those without a value. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}
