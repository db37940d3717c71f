import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTemporaryPostgres } from './support/test-infra';
import { type TestApp, startTestApp } from './support/test-app';
import { PATIENCE_MS } from './support/patience';

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

describe('health', () => {
  it('reports ok when PostgreSQL and the object store answer', async () => {
    const testApp = await startTestApp();
    try {
      const response = await testApp.client().get('/api/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', database: 'up', storage: 'up' });
    } finally {
      await testApp.close();
    }
  });

  it('answers 503 naming the object store when it cannot be reached', async () => {
    const closedPort = await freePort();
    const testApp = await startTestApp({ S3_ENDPOINT: `http://127.0.0.1:${closedPort}` });
    try {
      const response = await testApp.client().get('/api/health').expect(503);
      expect(response.body).toEqual({ status: 'error', database: 'up', storage: 'down' });
    } finally {
      await testApp.close();
    }
  });
});

describe('surviving a database restart', () => {
  let postgres: Awaited<ReturnType<typeof startTemporaryPostgres>>;
  let testApp: TestApp;

  beforeAll(async () => {
    postgres = await startTemporaryPostgres();
    testApp = await startTestApp({ DATABASE_URL: postgres.url('postgres') }, postgres.adminUrl);
  });

  afterAll(async () => {
    await testApp?.close();
    await postgres?.stop();
  });

  it('answers 503 while PostgreSQL is down and recovers by itself when it returns', async () => {
    const client = testApp.client();
    await client.get('/api/public/countries').expect(200);

    await postgres.pause();
    const down = await client.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', database: 'down' });
    const read = await client.get('/api/public/countries');
    expect(read.status).toBe(503);
    expect(read.headers['retry-after']).toBeDefined();

    await postgres.start();
    const recovered = await waitFor(() => client.get('/api/health'), (r) => r.status === 200, PATIENCE_MS);
    expect(recovered.body).toEqual({ status: 'ok', database: 'up', storage: 'up' });
    const countries = await client.get('/api/public/countries').expect(200);
    expect(countries.body.items).toHaveLength(12);
  });
});
