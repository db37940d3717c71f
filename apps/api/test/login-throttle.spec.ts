import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CSRF_COOKIE, CSRF_HEADER } from '@vitrina/contracts';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, trustWebServerHop } from '../src/bootstrap/web-server';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts';
import { freePort } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/** Free failures per account and address, and per address across accounts, in these tests. */
const PAIR_FREE = 3;
const ADDRESS_FREE = 6;

/**
 * The API trusts exactly the hop of the built-in web server (loopback), as
 * `npm start` wires it; here each test client plays a visitor whose address
 * that hop reports in X-Forwarded-For.
 */
function throttleEnv(): Record<string, string> {
  return {
    TRUST_PROXY: String(trustWebServerHop(false)),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PAIR_FREE),
    LOGIN_MAX_FAILURES_PER_ADDRESS: String(ADDRESS_FREE),
    LOGIN_BACKOFF_BASE_SECONDS: '60',
    LOGIN_BACKOFF_MAX_SECONDS: '3600',
  };
}

describe('login throttling by account and address', () => {
  let testApp: TestApp;
  let admin: TestClient;
  let db: DataSource;
  const password = 'the-owners-password';

  beforeAll(async () => {
    testApp = await startTestApp(throttleEnv());
    db = testApp.app.get(DataSource);
    admin = testApp.client();
    await admin.fetchCsrf();
    await admin.login('admin@vitrina.test');
  });

  afterAll(() => testApp?.close());

  async function createUser(email: string): Promise<string> {
    return (await admin.post('/api/admin/users', { email, displayName: email, password }).expect(201)).body.id;
  }

  /** A visitor at `address`, holding a CSRF token. */
  async function visitor(): Promise<TestClient> {
    const client = testApp.client();
    await client.fetchCsrf();
    return client;
  }

  const login = (client: TestClient, address: string, email: string, pass: string) =>
    client.post('/api/auth/login', { email, password: pass }).set('X-Forwarded-For', address);

  /** Makes the failures of an address older by `seconds`, as if the attacker had waited. */
  async function age(address: string, seconds: number): Promise<void> {
    await db.query(`UPDATE login_failures SET failed_at = failed_at - make_interval(secs => $2) WHERE address = $1`, [address, seconds]);
  }

  it('lets the owner in from another address while an attacker hammers the account', async () => {
    await createUser('victim@vitrina.test');
    const attacker = await visitor();
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_FREE + 2; i++) statuses.push((await login(attacker, '203.0.113.10', 'victim@vitrina.test', `guess-${i}`)).status);
    expect(statuses).toEqual([...Array(PAIR_FREE).fill(401), 429, 429]);
    // Even the right password is not checked from the throttled address.
    await login(attacker, '203.0.113.10', 'victim@vitrina.test', password).expect(429);

    const owner = await visitor();
    const signedIn = await login(owner, '198.51.100.20', 'victim@vitrina.test', password).expect(200);
    expect(signedIn.body.user.email).toBe('victim@vitrina.test');
    // The owner's success forgives the owner's address only.
    await login(attacker, '203.0.113.10', 'victim@vitrina.test', 'guess-again').expect(429);
  });

  it('answers the attacker 429 with a Retry-After that grows with every further failure', async () => {
    await createUser('grow@vitrina.test');
    const attacker = await visitor();
    const address = '203.0.113.11';
    for (let i = 0; i < PAIR_FREE; i++) await login(attacker, address, 'grow@vitrina.test', `guess-${i}`).expect(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await login(attacker, address, 'grow@vitrina.test', 'too-soon').expect(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      await age(address, wait);
      await login(attacker, address, 'grow@vitrina.test', `late-guess-${round}`).expect(401);
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits[1]).toBeGreaterThan(60);
    expect(waits[1]).toBeLessThanOrEqual(120);
    expect(waits[2]).toBeGreaterThan(120);
    expect(waits[2]).toBeLessThanOrEqual(240);
  });

  it('throttles an address that fails across many accounts, and no other address', async () => {
    const spray = await visitor();
    for (let i = 0; i < ADDRESS_FREE; i++) await login(spray, '203.0.113.12', `sprayed-${i}@vitrina.test`, 'guess').expect(401);
    const refused = await login(spray, '203.0.113.12', 'sprayed-new@vitrina.test', 'guess').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const other = await visitor();
    await login(other, '198.51.100.21', 'sprayed-new@vitrina.test', 'guess').expect(401);
    await login(other, '198.51.100.21', 'curator.kz@vitrina.test', DEMO_PASSWORD).expect(200);
  });

  it('counts a burst of parallel guesses one by one', async () => {
    const attacker = await visitor();
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(attacker, '203.0.113.13', 'burst@vitrina.test', `guess-${i}`)),
    );
    const statuses = burst.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(PAIR_FREE).fill(401), ...Array(10 - PAIR_FREE).fill(429)]);
  });

  it('lets an administrator clear the lock of an account, with an audit entry', async () => {
    const id = await createUser('locked@vitrina.test');
    const owner = await visitor();
    for (let i = 0; i < PAIR_FREE; i++) await login(owner, '198.51.100.22', 'locked@vitrina.test', `typo-${i}`).expect(401);
    await login(owner, '198.51.100.22', 'locked@vitrina.test', password).expect(429);

    const curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    await curator.post(`/api/admin/users/${id}/unlock`).expect(403);
    await login(owner, '198.51.100.22', 'locked@vitrina.test', password).expect(429);

    const unlocked = await admin.post(`/api/admin/users/${id}/unlock`).expect(200);
    expect(unlocked.body).toEqual({ clearedFailures: PAIR_FREE });
    await login(owner, '198.51.100.22', 'locked@vitrina.test', password).expect(200);

    const entries = await db.query(`SELECT actor_email, details FROM audit_log WHERE action = 'user.unlock' AND entity_id = $1`, [id]);
    expect(entries).toEqual([{ actor_email: 'admin@vitrina.test', details: { email: 'locked@vitrina.test', clearedFailures: PAIR_FREE } }]);
    await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/unlock').expect(404);
  });
});

/** A visitor of the web server, connecting from its own loopback address (Linux routes all of 127.0.0.0/8 to lo). */
function postThrough(
  port: number,
  localAddress: string,
  path: string,
  body: object,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString(), headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

describe('client addresses through the built-in web server', () => {
  let testApp: TestApp;
  let web: { close(): Promise<unknown> };
  let webPort: number;
  let distDir: string;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp(throttleEnv());
    db = testApp.app.get(DataSource);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    distDir = mkdtempSync(join(tmpdir(), 'vitrina-web-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><html lang="en"><body></body></html>');
    webPort = await freePort();
    const apiPort = (testApp.app.getHttpServer().address() as AddressInfo).port;
    web = await startWebServer({ distDir, apiUrl: `http://127.0.0.1:${apiPort}`, host: '127.0.0.1', port: webPort, logger: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    await web?.close();
    await testApp?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  const csrf = { cookie: `${CSRF_COOKIE}=web-test-token`, [CSRF_HEADER]: 'web-test-token' };

  it('tells two visitors apart and believes no X-Forwarded-For a visitor sends', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_FREE + 1; i++) {
      const forged = { ...csrf, 'x-forwarded-for': `198.51.100.${100 + i}` };
      statuses.push((await postThrough(webPort, '127.0.0.2', '/api/auth/login', { email: 'admin@vitrina.test', password: `guess-${i}` }, forged)).status);
    }
    expect(statuses).toEqual([...Array(PAIR_FREE).fill(401), 429]);
    const recorded = await db.query(`SELECT DISTINCT address FROM login_failures WHERE account = 'admin@vitrina.test'`);
    expect(recorded).toEqual([{ address: '127.0.0.2' }]);

    const other = await postThrough(webPort, '127.0.0.3', '/api/auth/login', { email: 'admin@vitrina.test', password: DEMO_PASSWORD }, csrf);
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body).user.email).toBe('admin@vitrina.test');
    // Claiming the other visitor's address does not borrow its clean record.
    const pretending = await postThrough(webPort, '127.0.0.2', '/api/auth/login', { email: 'admin@vitrina.test', password: DEMO_PASSWORD }, { ...csrf, 'x-forwarded-for': '127.0.0.3' });
    expect(pretending.status).toBe(429);
  });
});
