import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { type TestApp, startTestApp } from './support/test-app';

describe('platform conventions', () => {
  let testApp: TestApp;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    testApp = await startTestApp({}, inject('pgAdminUrl'), pino({ level: 'info' }, sink));
  });

  afterAll(() => testApp?.close());

  it('writes structured JSON request logs carrying the request id it echoes', async () => {
    const response = await testApp.client().get('/api/public/countries').set('x-request-id', 'trace-abc-12345').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-abc-12345');
    const completed = logLines.find((line) => line.reqId === 'trace-abc-12345' && line.msg === 'request completed');
    expect(completed).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it('makes up a request id when the caller sends none or a bad one', async () => {
    const response = await testApp.client().get('/api/health').set('x-request-id', 'bad id with spaces');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps cookies out of the logs', async () => {
    const client = testApp.client();
    await client.login('admin@vitrina.test');
    await client.get('/api/auth/me').expect(200);
    expect(JSON.stringify(logLines)).not.toContain('vitrina_session=');
  });

  it('publishes an OpenAPI document generated from the validation schemas', async () => {
    const response = await testApp.client().get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin/users', '/api/public/countries', '/api/public/countries/{slug}/memorial-points', '/api/health']),
    );
    const schemas = response.body.components.schemas;
    expect(schemas.LoginDto.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schemas.GrantMembershipDto.properties.role.enum).toEqual(['curator', 'moderator']);
  });

  it('serves a browsable API documentation page', async () => {
    const response = await testApp.client().get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/api/health', '/api/public/countries', '/api/auth/me', '/api/nowhere']) {
      const response = await testApp.client().get(path);
      const csp = response.headers['content-security-policy'];
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await testApp.client().get('/api/nowhere').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(response.headers['cache-control']).toBe('no-store');
    // Nor is a missing published-looking page or medium: a CDN must not keep a 404 once it exists.
    const page = await testApp.client().get('/api/public/countries/kazakhstan/items/not-yet').expect(404);
    expect(page.headers['cache-control']).toBe('no-store');
    const medium = await testApp.client().get('/api/media/00000000-0000-4000-8000-000000000000/w320.webp').expect(404);
    expect(medium.headers['cache-control']).toBe('no-store');
  });
});
