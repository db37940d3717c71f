import { CSRF_HEADER, SESSION_COOKIE } from '@vitrina/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionsService } from '../src/modules/accounts/sessions.service';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

function sessionCookie(setCookie: string[] | string | undefined): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
}

function tokenOf(cookie: string | undefined): string | undefined {
  return cookie?.split(';')[0].split('=')[1];
}

describe('authentication and sessions', () => {
  let testApp: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8', LOGIN_BACKOFF_BASE_SECONDS: '300' });
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
  });

  afterAll(() => testApp?.close());

  async function createUser(email: string, password = 'initial-password-1'): Promise<string> {
    const response = await admin.post('/api/admin/users', { email, displayName: email, password }).expect(201);
    return response.body.id;
  }

  it('logs in with an HttpOnly, SameSite session cookie and reports memberships', async () => {
    const client = testApp.client();
    await client.fetchCsrf();
    const response = await client
      .post('/api/auth/login', { email: 'Curator.KZ@vitrina.test', password: 'vitrina-demo' })
      .expect(200);
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(response.body.user).toMatchObject({ email: 'curator.kz@vitrina.test', isAdmin: false });
    expect(response.body.memberships).toEqual([
      expect.objectContaining({ countrySlug: 'kazakhstan', role: 'curator' }),
    ]);
    const me = await client.get('/api/auth/me').expect(200);
    expect(me.body.user.email).toBe('curator.kz@vitrina.test');
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const client = testApp.client();
    await client.fetchCsrf();
    const wrong = await client.post('/api/auth/login', { email: 'curator.am@vitrina.test', password: 'not-it' });
    const unknown = await client.post('/api/auth/login', { email: 'nobody-here@vitrina.test', password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a login without the CSRF token', async () => {
    const client = testApp.client();
    const response = await client.agent
      .post('/api/auth/login')
      .send({ email: 'admin@vitrina.test', password: 'vitrina-demo' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/CSRF/);
  });

  it('refuses a signed-in mutation whose CSRF header does not match the session', async () => {
    const client = testApp.client();
    await client.login('admin@vitrina.test');
    const forged = await client.agent
      .post('/api/admin/countries')
      .set(CSRF_HEADER, 'forged-token')
      .send({ slug: 'csrf-land', names: { en: 'X' }, defaultLanguage: 'en', languages: ['en'] });
    expect(forged.status).toBe(403);
    const missing = await client.agent.post('/api/auth/logout');
    expect(missing.status).toBe(403);
    await client.get('/api/auth/me').expect(200);
  });

  it('issues a new session at every login and never adopts a planted token', async () => {
    const client = testApp.client();
    await client.fetchCsrf();
    const planted = 'attacker-chosen-session-token';
    const first = await client
      .post('/api/auth/login', { email: 'moderator.kz@vitrina.test', password: 'vitrina-demo' })
      .set('Cookie', `${SESSION_COOKIE}=${planted}`)
      .expect(200);
    const firstToken = tokenOf(sessionCookie(first.headers['set-cookie']));
    expect(firstToken).toBeDefined();
    expect(firstToken).not.toBe(planted);

    client.csrfToken = first.body.csrfToken;
    const second = await client
      .post('/api/auth/login', { email: 'moderator.kz@vitrina.test', password: 'vitrina-demo' })
      .expect(200);
    const secondToken = tokenOf(sessionCookie(second.headers['set-cookie']));
    expect(secondToken).not.toBe(firstToken);
    // The replaced session is gone.
    const stale = await testApp.client().agent.get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${firstToken}`);
    expect(stale.status).toBe(401);
  });

  it('revokes the session at logout', async () => {
    const client = testApp.client();
    const login = await client.login('curator.am@vitrina.test');
    expect(login.user.email).toBe('curator.am@vitrina.test');
    await client.get('/api/auth/me').expect(200);
    const token = currentToken(client);
    expect(token).toMatch(/^[\w-]{40,}$/);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/me').expect(401);
    const replay = await testApp.client().agent.get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${token}`);
    expect(replay.status).toBe(401);
  });

  it('ends every session of a user whose password changes', async () => {
    await createUser('changer@vitrina.test');
    const laptop = testApp.client();
    const phone = testApp.client();
    await laptop.login('changer@vitrina.test', 'initial-password-1');
    await phone.login('changer@vitrina.test', 'initial-password-1');
    await laptop
      .post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'second-password-2' })
      .expect(401);
    const changed = await laptop
      .post('/api/auth/password', { currentPassword: 'initial-password-1', newPassword: 'second-password-2' })
      .expect(200);
    laptop.csrfToken = changed.body.csrfToken;
    await phone.get('/api/auth/me').expect(401);
    await laptop.get('/api/auth/me').expect(200);
    await testApp.client().login('changer@vitrina.test', 'second-password-2');
  });

  it('shuts out a disabled user on the very next request', async () => {
    const id = await createUser('leaver@vitrina.test');
    const client = testApp.client();
    await client.login('leaver@vitrina.test', 'initial-password-1');
    await client.get('/api/auth/me').expect(200);
    await admin.patch(`/api/admin/users/${id}`, { disabled: true }).expect(200);
    await client.get('/api/auth/me').expect(401);
    const again = testApp.client();
    await again.fetchCsrf();
    await again.post('/api/auth/login', { email: 'leaver@vitrina.test', password: 'initial-password-1' }).expect(401);
  });

  it('applies a removed membership on the next request of the same session', async () => {
    const id = await createUser('member@vitrina.test');
    const countries = (await admin.get('/api/public/countries')).body.items;
    const georgia = countries.find((c: { slug: string }) => c.slug === 'georgia');
    await admin.post(`/api/admin/users/${id}/memberships`, { countryId: georgia.id, role: 'curator' }).expect(201);
    const client = testApp.client();
    await client.login('member@vitrina.test', 'initial-password-1');
    const session = currentToken(client);
    const studio = `/api/studio/countries/${georgia.id}/items`;
    const draft = { slug: 'made-while-member', kind: 'artefact', title: { ru: { text: 'Предмет', status: 'original' } } };
    expect((await client.get('/api/auth/me')).body.memberships).toHaveLength(1);
    await client.get(studio).expect(200);
    await client.post(studio, draft).expect(201);

    await admin.delete(`/api/admin/users/${id}/memberships/${georgia.id}`).expect(204);
    expect(currentToken(client)).toBe(session);
    await client.get('/api/auth/me').expect(200);
    expect((await client.get('/api/auth/me')).body.memberships).toEqual([]);
    await client.get(studio).expect(403);
    await client.post(studio, { ...draft, slug: 'made-after-removal' }).expect(403);
    expect((await admin.get(`${studio}?q=made-`).expect(200)).body.items.map((item: { slug: string }) => item.slug)).toEqual(['made-while-member']);
    await admin.delete(`/api/admin/users/${id}/memberships/${georgia.id}`).expect(404);
  });

  it('throttles guessing per account, for real and unknown accounts alike', async () => {
    for (const email of ['curator.kz@vitrina.test', 'ghost@vitrina.test']) {
      const client = testApp.client();
      await client.fetchCsrf();
      for (let i = 0; i < 3; i++) {
        await client.post('/api/auth/login', { email, password: `guess-${i}` }).expect(401);
      }
      const blocked = await client.post('/api/auth/login', { email, password: 'vitrina-demo' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

function currentToken(client: TestClient): string | undefined {
  const cookies = client.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

describe('login throttling per address', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '4', LOGIN_BACKOFF_BASE_SECONDS: '300' });
  });

  afterAll(() => testApp?.close());

  it('counts an address across accounts and ignores a spoofed X-Forwarded-For', async () => {
    const client = testApp.client();
    await client.fetchCsrf();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await client
        .post('/api/auth/login', { email: `target-${i}@vitrina.test`, password: 'guess' })
        .set('X-Forwarded-For', `203.0.113.${i}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // The correct password of a real account from the same address is refused too while blocked.
    const real = await client.post('/api/auth/login', { email: 'admin@vitrina.test', password: 'vitrina-demo' });
    expect(real.status).toBe(429);
  });
});

describe('the first administrator of a production installation', () => {
  it('is created from BOOTSTRAP_ADMIN_* only while no administrator exists', async () => {
    const testApp = await startTestApp({
      SEED_DEMO: 'false',
      BOOTSTRAP_ADMIN_EMAIL: 'Root@Museum.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-strong-first-password',
    });
    try {
      const client = testApp.client();
      const me = await client.login('root@museum.example', 'a-strong-first-password');
      expect(me.user.isAdmin).toBe(true);
      const users = (await client.get('/api/admin/users').expect(200)).body.items;
      expect(users.map((u: { email: string }) => u.email)).toEqual(['root@museum.example']);
      const anon = testApp.client();
      await anon.fetchCsrf();
      await anon.post('/api/auth/login', { email: 'admin@vitrina.test', password: 'vitrina-demo' }).expect(401);
    } finally {
      await testApp.close();
    }
  });
});

describe('housekeeping', () => {
  it('purges expired sessions and day-old login failures, and nothing else', async () => {
    const testApp = await startTestApp();
    try {
      const live = testApp.client();
      await live.login('curator.kz@vitrina.test');
      const db = testApp.app.get(DataSource);
      const [user] = await db.query(`SELECT id FROM users WHERE email = 'curator.am@vitrina.test'`);
      await db.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at)
         VALUES ('expired-hash', $1, 'x', now() - interval '9 days', now() - interval '1 day')`,
        [user.id],
      );
      await db.query(
        `INSERT INTO login_failures (account, address, failed_at) VALUES ('old@x', '1.2.3.4', now() - interval '2 days'), ('new@x', '1.2.3.4', now())`,
      );
      await testApp.app.get(SessionsService).purgeExpired();
      expect(await db.query(`SELECT 1 FROM sessions WHERE token_hash = 'expired-hash'`)).toEqual([]);
      expect((await db.query('SELECT account FROM login_failures')).map((r: { account: string }) => r.account)).toEqual(['new@x']);
      await live.get('/api/auth/me').expect(200);
    } finally {
      await testApp.close();
    }
  });
});
