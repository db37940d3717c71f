import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PartnerGate } from '../src/modules/partners/partner-gate';
import { RateLimiter } from '../src/modules/partners/rate-limiter';
import { type ActorName, startWithActors } from './support/actors';
import type { TestApp, TestClient } from './support/test-app';

const ANONYMOUS = 3;
const WITH_KEY = 7;
const WINDOW_SECONDS = 60;
const ORIGIN = 'https://portal.example';

/**
 * The read API's rate limits, set small here. Windows are driven by count and
 * by a clock the test sets (the limiter's), never by waiting: the suite stays
 * green however busy the machine.
 */
describe('rate limits of the read API', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let key: string;
  let now = 1_700_000_000_000;

  beforeAll(async () => {
    ({ testApp, as, kz } = await startWithActors({
      RATE_LIMIT_ANONYMOUS: String(ANONYMOUS),
      RATE_LIMIT_API_KEY: String(WITH_KEY),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    }));
    key = (await as.admin.post('/api/admin/api-keys', { name: 'Researcher' }).expect(201)).body.key;
  });
  afterAll(() => testApp?.close());

  /** Every test starts with whole allowances, on a clock only the test moves. */
  beforeEach(() => {
    testApp.app.get(PartnerGate).limiter = new RateLimiter(() => now);
  });

  it('answers 429 with Retry-After and a JSON body past the anonymous limit, and lets through again after the window', async () => {
    const path = '/api/public/countries/kazakhstan/items?limit=1';
    for (let n = 1; n <= ANONYMOUS; n++) {
      const response = await as.anonymous.get(path).expect(200);
      expect(response.headers).toMatchObject({
        'ratelimit-limit': String(ANONYMOUS),
        'ratelimit-remaining': String(ANONYMOUS - n),
        'ratelimit-reset': String(WINDOW_SECONDS),
        'ratelimit-policy': `${ANONYMOUS};w=${WINDOW_SECONDS}`,
      });
    }
    now += 20_000;
    const refused = await as.anonymous.get(path).set('origin', ORIGIN);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(WINDOW_SECONDS - 20));
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/API key/) });
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    // Still refused a second before the window ends, through every limited route, stored pages included.
    now += (WINDOW_SECONDS - 21) * 1000;
    for (const limited of ['/api/public/countries/kazakhstan/home', '/api/public/countries', '/api/oai?verb=Identify', '/iiif/collections/kazakhstan', '/iiif/manifests/items/6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f']) {
      const response = await as.anonymous.get(limited);
      expect(response.status, limited).toBe(429);
      expect(response.headers['retry-after'], limited).toBe('1');
    }
    // The window over, the allowance is whole again.
    now += 1_000;
    const again = await as.anonymous.get(path).expect(200);
    expect(again.headers['ratelimit-remaining']).toBe(String(ANONYMOUS - 1));
  });

  it('counts a stored page, OAI-PMH and IIIF manifests and collections, but neither media bytes, IIIF images, preflights nor staff routes', async () => {
    await as.anonymous.get('/api/public/countries/kazakhstan/home').expect(200);
    await as.anonymous.get('/api/oai?verb=Identify').expect(200);
    await as.anonymous.get('/iiif/collections/kazakhstan').expect(200);
    await as.anonymous.get('/iiif/manifests/items/6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f').expect(429);
    // Not limited: these answer as they would (404 for files that do not exist), however many.
    for (let n = 0; n < ANONYMOUS + 2; n++) {
      await as.anonymous.get('/api/media/6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f/w400.webp').expect(404);
      await as.anonymous.get('/iiif/3/6d1f0cbd-3c69-4f33-9f41-5c4b3a2e1d0f/info.json').expect(404);
      await as.anonymous.agent.options('/api/public/countries').set('origin', ORIGIN).set('access-control-request-method', 'GET').expect(204);
      await as.anonymous.get('/api/health').expect(200);
      await as.admin.get(`/api/studio/countries/${kz}/items`).expect(200);
      await as.admin.get('/api/auth/me').expect(200);
    }
  });

  it('gives a key its own, higher allowance, apart from its address', async () => {
    const path = '/api/public/countries/kazakhstan/memorials?limit=1';
    for (let n = 1; n <= ANONYMOUS; n++) await as.anonymous.get(path).expect(200);
    await as.anonymous.get(path).expect(429);
    // From the same address, a partner's key is counted on its own, in either header.
    for (let n = 1; n <= WITH_KEY; n++) {
      const response = await as.anonymous.get(path).set(n % 2 ? 'x-api-key' : 'authorization', n % 2 ? key : `Bearer ${key}`).expect(200);
      expect(response.headers['ratelimit-limit']).toBe(String(WITH_KEY));
      expect(response.headers['ratelimit-remaining']).toBe(String(WITH_KEY - n));
    }
    now += 5_000;
    const refused = await as.anonymous.get(path).set('x-api-key', key);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(WINDOW_SECONDS - 5));
    expect(refused.body.message).toMatch(/this API key/);
    now += (WINDOW_SECONDS - 5) * 1000;
    await as.anonymous.get(path).set('x-api-key', key).expect(200);
    await as.anonymous.get(path).expect(200);
  });

  it('refuses a limit configuration where a key would get less than anonymous use', async () => {
    const { loadConfig } = await import('../src/infra/config/config.schema');
    expect(() => loadConfig({ RATE_LIMIT_ANONYMOUS: '100', RATE_LIMIT_API_KEY: '10' })).toThrow(/RATE_LIMIT_API_KEY/);
    expect(loadConfig({}).rateLimits).toEqual({ anonymous: 1_200, apiKey: 12_000, windowSeconds: 60 });
  });
});
