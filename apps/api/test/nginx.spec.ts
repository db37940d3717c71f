import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPageAddressesNegotiated } from './support/linked-data-negotiation';
import { headerProblems } from './support/security-headers';
import { type TestApp, startTestApp } from './support/test-app';
import { freePort } from './support/test-infra';
import { PATIENCE_MS } from './support/patience';

/**
 * The production web server, docker/nginx.conf, run for real in front of the
 * API: what it serves itself (the app shell, assets, its own error pages) and
 * what it proxies must carry the same security headers as the API's answers.
 * Only the container's addresses are rewritten (Docker's DNS, the `api` host,
 * port 80, the image's paths).
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const NGINX = process.env.NGINX_PATH ?? 'nginx';

function requireNginx(): void {
  try {
    execFileSync(NGINX, ['-v'], { stdio: 'pipe' });
  } catch {
    throw new Error('nginx is not installed, so docker/nginx.conf cannot be tested: apt-get install -y nginx-light (or set NGINX_PATH)');
  }
}

interface Nginx {
  base: string;
  stop(): Promise<void>;
}

async function startNginx(workDir: string, apiPort: number): Promise<Nginx> {
  const port = await freePort();
  const html = join(workDir, 'html');
  mkdirSync(join(html, 'assets'), { recursive: true });
  writeFileSync(join(html, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(join(html, 'assets/index-abc.js'), 'console.log("app");');
  const snippet = join(workDir, 'vitrina-security-headers.conf');
  writeFileSync(snippet, readFileSync(join(ROOT, 'docker/nginx-security-headers.conf')));
  const site = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8')
    .replaceAll('/etc/nginx/snippets/vitrina-security-headers.conf', snippet)
    .replace(/resolver [^;]+;/, 'resolver 127.0.0.1;')
    .replace('http://api:3000', `http://127.0.0.1:${apiPort}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('/usr/share/nginx/html', html);
  writeFileSync(join(workDir, 'site.conf'), site);
  const mimeTypes = '/etc/nginx/mime.types';
  writeFileSync(
    join(workDir, 'nginx.conf'),
    `daemon off; master_process off; pid ${workDir}/nginx.pid; error_log ${workDir}/error.log warn;
     events {}
     http {
       include ${mimeTypes}; access_log off;
       client_body_temp_path ${workDir}/body; proxy_temp_path ${workDir}/proxy;
       include ${workDir}/site.conf;
     }`,
  );
  const child: ChildProcess = spawn(NGINX, ['-c', join(workDir, 'nginx.conf'), '-p', workDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start:\n${stderr}\n${readFileSync(join(workDir, 'error.log'), 'utf8')}`);
    try {
      await fetch(`${base}/`);
      break;
    } catch {
      if (attempt > PATIENCE_MS / 50) throw new Error(`nginx did not answer:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    base,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

describe('the production web server (docker/nginx.conf)', () => {
  let testApp: TestApp | undefined;
  let nginx: Nginx | undefined;
  let workDir: string;

  beforeAll(async () => {
    requireNginx();
    workDir = mkdtempSync(join(tmpdir(), 'vitrina-nginx-'));
    chmodSync(workDir, 0o755);
    testApp = await startTestApp();
    const apiPort = await freePort();
    await testApp.app.listen({ host: '127.0.0.1', port: apiPort });
    nginx = await startNginx(workDir, apiPort);
  });

  afterAll(async () => {
    await nginx?.stop();
    await testApp?.close().catch(() => undefined);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function problemsOf(path: string, init?: RequestInit): Promise<{ status: number; problems: string[]; headers: Headers }> {
    const response = await fetch(`${nginx!.base}${path}`, init);
    await response.arrayBuffer();
    const problems = headerProblems(Object.fromEntries(response.headers.entries())).map((p) => `${path} (${response.status}): ${p}`);
    return { status: response.status, problems, headers: response.headers };
  }

  it('sends the security headers on the app shell, assets, proxied API, IIIF and sitemap answers', async () => {
    const paths = ['/', '/kazakhstan/items/field-flask', '/assets/index-abc.js', '/assets/missing.js', '/api/health', '/api/public/countries', '/api/nowhere', '/iiif/3/00000000-0000-4000-8000-000000000000/info.json', '/sitemap.xml'];
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    for (const path of paths) {
      const answer = await problemsOf(path);
      statuses[path] = answer.status;
      problems.push(...answer.problems);
    }
    expect(problems).toEqual([]);
    expect(statuses).toMatchObject({ '/': 200, '/kazakhstan/items/field-flask': 200, '/assets/index-abc.js': 200, '/assets/missing.js': 404, '/api/health': 200, '/api/public/countries': 200, '/sitemap.xml': 200 });
  });

  it('sends a Linked Data client asking a record’s page for JSON-LD to it, with a 303 carrying the headers', async () => {
    const home = (await (await fetch(`${nginx!.base}/api/public/countries/kazakhstan/home`)).json()) as { recentItems: { slug: string }[] };
    const [item] = home.recentItems;
    await expectPageAddressesNegotiated(nginx!.base, { country: 'kazakhstan', collection: 'items', slug: item.slug });
    const redirect = await problemsOf(`/kazakhstan/items/${item.slug}`, { headers: { accept: 'application/ld+json' }, redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.problems).toEqual([]);
  });

  it('refuses a body over its limit itself, from its Content-Length, with the headers', async () => {
    // fetch() cannot declare a length it does not send; http.request can.
    const response = await new Promise<IncomingMessage>((done, fail) => {
      const request = httpRequest(`${nginx!.base}/api/studio/countries/x/media`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(6 * 1024 ** 3) },
      });
      request.on('response', done).on('error', fail);
      request.write(Buffer.alloc(1024));
    });
    response.resume();
    expect(response.statusCode).toBe(413);
    expect(headerProblems(response.headers)).toEqual([]);
    response.destroy();
  });

  it('answers 503 with Retry-After and the headers while the API is down', async () => {
    await testApp!.close();
    testApp = undefined;
    const answer = await problemsOf('/api/public/countries');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.problems).toEqual([]);
  });
});
