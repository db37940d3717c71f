import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src/bootstrap/web-server';
import { VALID_VTT, mp4File } from '../support/media-files';
import { publishDirectly } from '../support/publish';
import { declaredRoutes } from '../support/routes';
import { type ResponseHeaders, headerProblems } from '../support/security-headers';
import { waitForMedia } from '../support/store';
import { type TestApp, type TestClient, startTestApp } from '../support/test-app';
import { freePort } from '../support/test-infra';

/**
 * The security headers on every response: each route the API declares
 * (answered, refused or failed), the API docs, unknown paths, media bytes,
 * and the web server's app shell, static assets and proxied answers.
 */

describe('security headers on every response', () => {
  let testApp: TestApp;
  let admin: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
    const countries = (await admin.get('/api/public/countries').expect(200)).body.items as { id: string; slug: string }[];
    ids.countryId = countries.find((c) => c.slug === 'kazakhstan')!.id;
    const upload = async (body: Buffer) => {
      const response = await admin.request('post', `/api/studio/countries/${ids.countryId}/media`).set('content-type', 'application/octet-stream').send(body).expect(201);
      await waitForMedia(admin, ids.countryId, response.body.id);
      return response.body.id as string;
    };
    ids.image = await upload(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123456' } }).jpeg().toBuffer());
    ids.video = await upload(mp4File());
    await admin.request('put', `/api/studio/countries/${ids.countryId}/media/${ids.video}/captions/ru`).set('content-type', 'text/vtt').send(VALID_VTT).expect(200);
    ids.item = (await admin.get('/api/public/countries/kazakhstan/items/field-flask').expect(200)).body.id;
    // A live item that shows an image, so its manifest answers 200 (demo records have no images in tests).
    const shown = await admin
      .post(`/api/studio/countries/${ids.countryId}/items`, { slug: 'headers-manifest', kind: 'photograph', title: { ru: { text: 'Снимок', status: 'original' } }, media: [{ assetId: ids.image }] })
      .expect(201);
    await publishDirectly(testApp.app.get(DataSource), 'items', shown.body.id);
    ids.shownItem = shown.body.id;
  });

  afterAll(() => testApp?.close());

  /** A plausible URL for a declared route: real ids where the route needs them, made-up ones elsewhere. */
  function urlFor(path: string): string {
    const values: Record<string, string> = {
      countryId: ids.countryId,
      id: ids.item,
      assetId: ids.image,
      slug: 'kazakhstan',
      recordSlug: 'field-flask',
      collection: 'items',
      number: '1',
      lang: 'en',
      file: 'w16.webp',
      region: '0,0,16,16',
      size: '16,16',
      rotation: '0',
    };
    return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x');
  }

  it('sends them on every declared route, for a visitor and for a signed-in admin', async () => {
    const routes = declaredRoutes(testApp.app);
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const route of routes) {
      const url = `${urlFor(route.path)}${route.path.includes('search') ? '?q=flask' : ''}`;
      // Logging out would end the shared admin session: that route gets a session of its own.
      let signedIn = admin;
      if (route.path === '/api/auth/logout') {
        signedIn = testApp.client();
        await signedIn.login('admin@vitrina.test');
      }
      for (const [who, client] of [['visitor', testApp.client()], ['admin', signedIn]] as const) {
        const method = route.method.toLowerCase() as 'get';
        // Writes are sent without a body: refused or invalid, the answer must carry the headers all the same.
        const response = await client.request(method, url);
        statuses.add(response.status);
        for (const problem of headerProblems(response.headers)) problems.push(`${who} ${route.method} ${url} (${response.status}): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // The answers covered success, refusal, absence and invalid input alike.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  });

  it('sends them on media bytes, byte ranges, captions, IIIF, docs, 304s, unknown paths and oversized bodies', async () => {
    const etagged = await admin.get('/api/public/countries/kazakhstan/home').expect(200);
    const cases: [string, () => Promise<{ status: number; headers: ResponseHeaders }>][] = [
      ['derivative', () => admin.get(`/api/media/${ids.image}/w16.webp`)],
      ['file range', () => admin.get(`/api/media/${ids.video}/file`).set('range', 'bytes=0-99')],
      ['captions', () => admin.get(`/api/media/${ids.video}/captions/ru.vtt`)],
      ['IIIF manifest', () => admin.get(`/iiif/manifests/items/${ids.shownItem}`)],
      ['sitemap', () => admin.get('/api/public/sitemap.xml')],
      ['API docs', () => admin.get('/api/docs').redirects(1)],
      ['OpenAPI', () => admin.get('/api/docs-json')],
      ['304', () => admin.get('/api/public/countries/kazakhstan/home').set('if-none-match', String(etagged.headers.etag))],
      ['unknown API path', () => admin.get('/api/nowhere')],
      ['unknown root path', () => admin.get('/nowhere')],
      ['bad JSON', () => admin.request('post', '/api/admin/countries').set('content-type', 'application/json').send('{"slug":')],
      ['oversized body', () => admin.request('post', '/api/admin/countries').set('content-type', 'application/json').send(JSON.stringify({ x: 'x'.repeat(2 * 1024 * 1024) }))],
      ['unknown media type', () => admin.request('post', '/api/admin/countries').set('content-type', 'application/x-unknown').send('a')],
      ['OPTIONS', () => admin.agent.options('/api/public/countries')],
      ['HEAD', () => admin.agent.head('/api/public/countries')],
    ];
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    for (const [name, send] of cases) {
      const response = await send();
      statuses[name] = response.status;
      for (const problem of headerProblems(response.headers)) problems.push(`${name} (${response.status}): ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(statuses).toMatchObject({ derivative: 200, 'file range': 206, captions: 200, 'IIIF manifest': 200, sitemap: 200, 'API docs': 200, '304': 304, 'oversized body': 413 });
  });

  it('keeps the API docs page working under the policy: no inline scripts in it', async () => {
    const page = await admin.get('/api/docs').redirects(1).expect(200);
    const inline = [...page.text.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => m[1].trim());
    expect(inline.map((m) => m[0].slice(0, 120))).toEqual([]);
  });

  describe('the web server (embedded stand-in for nginx)', () => {
    let distDir: string;
    let web: { close(): Promise<unknown> };
    let base: string;

    beforeAll(async () => {
      await testApp.app.listen({ host: '127.0.0.1', port: 0 });
      const apiUrl = await testApp.app.getUrl();
      // A small stand-in for the built app, so this test needs no build.
      distDir = mkdtempSync(join(tmpdir(), 'vitrina-web-'));
      mkdirSync(join(distDir, 'assets'));
      writeFileSync(join(distDir, 'index.html'), '<!doctype html><html lang="en"><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>');
      writeFileSync(join(distDir, 'assets', 'index-abc.js'), 'console.log("app")');
      writeFileSync(join(distDir, 'assets', 'index-abc.css'), 'body{}');
      writeFileSync(join(distDir, 'robots.txt'), 'User-agent: *\n');
      const port = await freePort();
      web = await startWebServer({ distDir, apiUrl: apiUrl.replace('[::1]', '127.0.0.1'), host: '127.0.0.1', port, logger: pino({ level: 'silent' }) });
      base = `http://127.0.0.1:${port}`;
    });

    afterAll(async () => {
      await web?.close();
      if (distDir) rmSync(distDir, { recursive: true, force: true });
    });

    it('sends them on the app shell, client routes, static assets and proxied API, IIIF and sitemap answers', async () => {
      const paths = [
        '/',
        '/index.html',
        '/kazakhstan',
        '/kazakhstan/items/field-flask',
        '/studio/some/deep/route?x=<script>',
        '/assets/index-abc.js',
        '/assets/index-abc.css',
        '/assets/missing.js',
        '/robots.txt',
        '/api/health',
        '/api/public/countries',
        '/api/nowhere',
        `/iiif/manifests/items/${ids.shownItem}`,
        '/sitemap.xml',
      ];
      const problems: string[] = [];
      for (const path of paths) {
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        const headers = Object.fromEntries(response.headers.entries());
        if (response.status >= 500) problems.push(`${path}: ${response.status}`);
        for (const problem of headerProblems(headers)) problems.push(`${path} (${response.status}): ${problem}`);
      }
      const post = await fetch(`${base}/kazakhstan`, { method: 'POST' });
      for (const problem of headerProblems(Object.fromEntries(post.headers.entries()))) problems.push(`POST /kazakhstan (${post.status}): ${problem}`);
      expect(problems).toEqual([]);
    });

    it('serves the app shell and scripts as what they are, never sniffed', async () => {
      const shell = await fetch(`${base}/some/route`);
      expect(shell.headers.get('content-type')).toMatch(/^text\/html/);
      const script = await fetch(`${base}/assets/index-abc.js`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      // A missing script is a 404, not the app shell sent with a 200.
      const missing = await fetch(`${base}/assets/missing.js`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('cache-control')).toBe('no-store');
    });
  });

  const built = resolve(import.meta.dirname, '../../../../dist/apps/web/index.html');
  it('the built web app has no inline script the policy would block', () => {
    if (!existsSync(built)) throw new Error('build first: npm run build (npm test does it before running the tests)');
    const html = readFileSync(built, 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => m[1].trim());
    expect(inline).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
