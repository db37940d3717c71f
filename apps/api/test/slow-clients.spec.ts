import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, SESSION_COOKIE } from '@vitrina/contracts';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BodyDeadlineEnd, bodyDeadlineEnds } from '../src/bootstrap/connection-limits';
import { startWebServer } from '../src/bootstrap/web-server';
import { mp4File } from './support/media-files';
import { objectsOf } from './support/store';
import { freePort } from './support/test-infra';
import { type TestApp, startTestApp } from './support/test-app';

/** Small limits, so slow clients are cut off soon; assertions only ever wait for a generous ceiling. */
const LIMITS = {
  HTTP_HEADERS_TIMEOUT_SECONDS: '2',
  HTTP_BODY_TIMEOUT_SECONDS: '2',
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '2',
  MEDIA_UPLOAD_MIN_BYTES: '16384',
  MEDIA_UPLOAD_RATE_WINDOW_SECONDS: '2',
};
/** How long a test waits for a connection to be closed before it fails: far beyond any limit above. */
const CLOSE_CEILING_MS = 60_000;
/** Each test may wait out the ceiling and still report its own failure. */
const TEST_TIMEOUT_MS = 3 * CLOSE_CEILING_MS;

interface RawClient {
  socket: Socket;
  /** Everything the server sent so far. */
  text(): string;
  closed: Promise<void>;
}

function openRaw(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    // A reset is one more way of being cut off.
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, text: () => Buffer.concat(chunks).toString('latin1'), closed }));
    socket.once('error', reject);
  });
}

/** Whether the server closed the connection before the ceiling. */
async function closedWithinCeiling(client: RawClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_CEILING_MS)));
  const closed = await Promise.race([client.closed.then(() => true as const), ceiling]);
  clearTimeout(timer);
  if (!closed) client.socket.destroy();
  return closed;
}

/**
 * The end of the body deadline of the request to `url` (fired, or stopped by the answer),
 * or undefined if none ended before the ceiling. Listen before sending the request.
 */
function deadlineEndOf(url: string): Promise<BodyDeadlineEnd | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle(undefined), CLOSE_CEILING_MS);
    const listener = (message: unknown) => {
      if ((message as BodyDeadlineEnd).url === url) settle(message as BodyDeadlineEnd);
    };
    function settle(end: BodyDeadlineEnd | undefined) {
      clearTimeout(timer);
      bodyDeadlineEnds.unsubscribe(listener);
      resolve(end);
    }
    bodyDeadlineEnds.subscribe(listener);
  });
}

/** Writes one byte at a time, a pause between them, until the server closes the connection (bounded by count). */
async function trickle(client: RawClient, bytes: Buffer): Promise<void> {
  let open = true;
  void client.closed.then(() => (open = false));
  for (let i = 0; i < Math.min(bytes.length, 400) && open; i++) {
    client.socket.write(bytes.subarray(i, i + 1));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** Signs in over plain HTTP and returns what a browser would send with an upload. */
async function signIn(base: string, email: string): Promise<Record<string, string>> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie, [CSRF_HEADER]: csrfToken },
    body: JSON.stringify({ email, password: 'vitrina-demo' }),
  });
  expect(login.status).toBe(200);
  const session = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0];
  const body = (await login.json()) as { csrfToken: string };
  return { cookie: session, [CSRF_HEADER]: body.csrfToken };
}

/** The slow-client checks, against the API itself or the built-in web server in front of it. */
function slowClientChecks(
  context: () => {
    port: number;
    testApp: TestApp;
    kazakhstanId: string;
    /** A GET this server answers itself, under its own body deadline (a proxied GET reaches the API without its body). */
    ownGetPath: string;
  },
) {
  const base = () => `http://127.0.0.1:${context().port}`;

  /**
   * Another client is answered meanwhile. Asked of a route that reads only the configuration: the health
   * check also asks PostgreSQL and the store, and says 503 when a loaded machine keeps them past its 2 s
   * limit, which is not what these tests are about (seen with two test suites running at once).
   */
  async function stillServes(): Promise<void> {
    const response = await fetch(`${base()}/api/public/map-config`);
    expect(response.status).toBe(200);
  }

  it('closes a connection whose headers never end, and serves others meanwhile', async () => {
    const client = await openRaw(context().port);
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await stillServes();
    expect(await closedWithinCeiling(client)).toBe(true);
    expect(client.text()).not.toMatch(/^HTTP\/1\.1 200/);
    await stillServes();
  }, TEST_TIMEOUT_MS);

  it('cuts off a login whose body stops halfway with 408', async () => {
    const url = `/api/auth/login?halfway=${randomUUID()}`;
    const deadlineEnd = deadlineEndOf(url);
    const client = await openRaw(context().port);
    const body = JSON.stringify({ email: 'admin@vitrina.test', password: 'vitrina-demo' });
    client.socket.write(head('POST', url, { host: '127.0.0.1', 'content-type': 'application/json', 'content-length': body.length }));
    client.socket.write(body.slice(0, 20));
    await stillServes();
    expect(await closedWithinCeiling(client)).toBe(true);
    expect(client.text()).toMatch(/^HTTP\/1\.1 408/);
    expect((await deadlineEnd)?.outcome).toBe('fired');
    await stillServes();
  }, TEST_TIMEOUT_MS);

  it('answers a GET that carries a body nobody reads, closes it, and stays up past the body deadline', async () => {
    const url = `${context().ownGetPath}?unread=${randomUUID()}`;
    const deadlineEnd = deadlineEndOf(url);
    const client = await openRaw(context().port);
    client.socket.write(head('GET', url, { host: '127.0.0.1', 'content-type': 'application/json', 'content-length': 50 }));
    client.socket.write('{"unread":');
    expect(await closedWithinCeiling(client)).toBe(true);
    expect(client.text()).toMatch(/^HTTP\/1\.1 200/);
    // The deadline is over, however late its timer ran: the answer stopped its clock, so nothing
    // is left to fire (had it fired first, an unheeded body error would have thrown in this process).
    expect((await deadlineEnd)?.outcome).toBe('stopped');
    await stillServes();
  }, TEST_TIMEOUT_MS);

  it('closes a kept-alive connection left idle', async () => {
    const client = await openRaw(context().port);
    client.socket.write(head('GET', '/api/health', { host: '127.0.0.1', connection: 'keep-alive' }));
    expect(await closedWithinCeiling(client)).toBe(true);
    expect(client.text()).toMatch(/^HTTP\/1\.1 200/);
  }, TEST_TIMEOUT_MS);

  it('cuts off a trickling upload with 408 and leaves no row or object behind', async () => {
    const { testApp, kazakhstanId } = context();
    const auth = await signIn(base(), 'curator.kz@vitrina.test');
    const before = await objectsOf(`${kazakhstanId}/`);
    const file = mp4File(2 * 1024 * 1024 + 4321);
    const client = await openRaw(context().port);
    client.socket.write(
      head('POST', `/api/studio/countries/${kazakhstanId}/media`, {
        host: '127.0.0.1',
        'content-type': 'application/octet-stream',
        'content-length': file.length,
        ...auth,
      }),
    );
    // Past the head the API sniffs, so the upload is recorded and its object is being written when the trickle starts.
    const fast = 768 * 1024;
    client.socket.write(file.subarray(0, fast));
    const trickling = trickle(client, file.subarray(fast));
    expect(await closedWithinCeiling(client)).toBe(true);
    await trickling;
    expect(client.text()).toMatch(/^HTTP\/1\.1 408/);
    expect(client.text()).toMatch(/too slow/);

    const db = testApp.app.get(DataSource);
    expect(await db.query('SELECT id FROM media_assets WHERE country_id = $1 AND byte_size = $2', [kazakhstanId, file.length])).toEqual([]);
    expect(await db.query('SELECT asset_id FROM media_uploads WHERE country_id = $1', [kazakhstanId])).toEqual([]);
    expect(await objectsOf(`${kazakhstanId}/`)).toEqual(before);
    await stillServes();
  }, TEST_TIMEOUT_MS);

  it('takes a large upload sent at an ordinary pace', async () => {
    const { kazakhstanId } = context();
    const auth = await signIn(base(), 'curator.kz@vitrina.test');
    const file = mp4File(24 * 1024 * 1024 + 123);
    const response = await fetch(`${base()}/api/studio/countries/${kazakhstanId}/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...auth },
      body: file,
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { byteSize: number }).byteSize).toBe(file.length);
  }, TEST_TIMEOUT_MS);
}

describe('slow clients of the API', () => {
  let testApp: TestApp;
  let port: number;
  let kazakhstanId: string;

  beforeAll(async () => {
    testApp = await startTestApp(LIMITS);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    port = (testApp.app.getHttpServer().address() as AddressInfo).port;
    const countries = (await testApp.client().get('/api/public/countries').expect(200)).body.items;
    kazakhstanId = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
  });

  afterAll(() => testApp?.close());

  slowClientChecks(() => ({ port, testApp, kazakhstanId, ownGetPath: '/api/health' }));
});

describe('slow clients of the built-in web server', () => {
  let testApp: TestApp;
  let web: { close(): Promise<unknown> };
  let port: number;
  let distDir: string;
  let kazakhstanId: string;

  beforeAll(async () => {
    testApp = await startTestApp(LIMITS);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    const apiPort = (testApp.app.getHttpServer().address() as AddressInfo).port;
    distDir = mkdtempSync(join(tmpdir(), 'vitrina-web-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><html lang="en"><body></body></html>');
    port = await freePort();
    web = await startWebServer({
      distDir,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      host: '127.0.0.1',
      port,
      logger: pino({ level: 'silent' }),
      limits: testApp.config.http,
    });
    const countries = (await testApp.client().get('/api/public/countries').expect(200)).body.items;
    kazakhstanId = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
  });

  afterAll(async () => {
    await web?.close();
    await testApp?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  slowClientChecks(() => ({ port, testApp, kazakhstanId, ownGetPath: '/kazakhstan' }));

  it('cuts off a page request whose body never arrives', async () => {
    const client = await openRaw(port);
    client.socket.write(head('POST', '/kazakhstan', { host: '127.0.0.1', 'content-type': 'application/json', 'content-length': 100 }));
    client.socket.write('{"a":');
    expect(await closedWithinCeiling(client)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  }, TEST_TIMEOUT_MS);
});
