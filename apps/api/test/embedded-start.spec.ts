import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/test-infra';
import { PATIENCE_MS } from './support/patience';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Runs the built API as `npm start` does: no DATABASE_URL, no S3_*, so everything embedded. */
async function startEmbedded(env: Record<string, string>): Promise<Started> {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + PATIENCE_MS;
  while (!output.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start failed:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGINT');
  return new Promise((r) => started.child.once('exit', (code) => r(code)));
}

/** A login through the web server from one loopback address (Linux routes all of 127.0.0.0/8 to lo). */
function loginFrom(port: number, localAddress: string, password: string, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({ email: 'admin@vitrina.test', password });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    cookie: 'vitrina_csrf=start-test',
    'x-csrf-token': 'start-test',
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', localAddress, agent: false, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function postgresRunningIn(dataDir: string): boolean {
  const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return processes.split('\n').some((line) => line.includes('postgres') && line.includes(dataDir));
}

describe('the embedded start (npm start)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let ports: { api: number; web: number };

  beforeAll(async () => {
    if (!existsSync(MAIN) || !existsSync(join(ROOT, 'dist/apps/web/index.html'))) {
      throw new Error('build first: npm run build (npm test does it before running the tests)');
    }
    dataDir = mkdtempSync(join(tmpdir(), 'vitrina-start-'));
    chmodSync(dataDir, 0o755);
    ports = { api: await freePort(), web: await freePort() };
    env = {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      WEB_PORT: String(ports.web),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_S3_PORT: String(await freePort()),
    };
  });

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL and the store, serves API and web, prints the URL and demo logins, and stops cleanly', async () => {
    const started = await startEmbedded(env);
    try {
      expect(started.output()).toContain(`http://localhost:${ports.web}`);
      expect(started.output()).toContain('admin@vitrina.test');
      const health = await fetch(`http://127.0.0.1:${ports.api}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up', storage: 'up' });
      const page = await fetch(`http://127.0.0.1:${ports.web}/some/client/route`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const proxied = await fetch(`http://127.0.0.1:${ports.web}/api/public/countries`);
      expect(((await proxied.json()) as { items: unknown[] }).items).toHaveLength(12);
      const sitemap = await fetch(`http://127.0.0.1:${ports.web}/sitemap.xml`);
      expect(await sitemap.text()).toContain('/kazakhstan/memorials/glory-memorial-almaty</loc>');
      // The API tells visitors of the web server apart by the address the web server saw, whatever they claim.
      const guesses: number[] = [];
      for (let i = 0; i < 6; i++) guesses.push(await loginFrom(ports.web, '127.0.0.2', `guess-${i}`, `198.51.100.${i}`));
      expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(await loginFrom(ports.web, '127.0.0.3', 'vitrina-demo')).toBe(200);
      expect(postgresRunningIn(dataDir)).toBe(true);
    } finally {
      expect(await stop(started)).toBe(0);
    }
    expect(postgresRunningIn(dataDir)).toBe(false);
  });

  it('keeps its data across restarts', async () => {
    const first = await startEmbedded(env);
    const base = `http://127.0.0.1:${ports.api}`;
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ email: 'admin@vitrina.test', password: 'vitrina-demo' }),
    });
    expect(login.status).toBe(200);
    const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const me = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${base}/api/admin/countries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ slug: 'persisted-land', names: { en: 'Persisted' }, defaultLanguage: 'en', languages: ['en'] }),
    });
    expect(created.status).toBe(201);
    expect(await stop(first)).toBe(0);

    const second = await startEmbedded(env);
    try {
      const country = await fetch(`${base}/api/public/countries/persisted-land`);
      expect(country.status).toBe(200);
    } finally {
      await stop(second);
    }
  });
});
