import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname ?? __dirname, '../../..');
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'vitrina-compose-'));
const EMPTY_ENV_FILE = join(scratch, 'empty.env');
writeFileSync(EMPTY_ENV_FILE, '');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * No Docker engine runs on CI machines, so docker-compose itself validates the
 * file and prints it resolved. A clean environment and an explicit env file keep
 * the developer's shell (or a real docker/.env) out of the result.
 */
async function composeConfig(envFile: string): Promise<string> {
  try {
    const { stdout } = await run('docker-compose', ['-f', 'docker/compose.yaml', '--env-file', envFile, 'config'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch },
    });
    return stdout;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new Error(
        'docker-compose is not installed, so docker/compose.yaml cannot be validated: apt-get install -y docker-compose',
        { cause: error },
      );
    }
    const { stderr } = error as { stderr?: string };
    throw new Error(`docker-compose config rejected docker/compose.yaml:\n${stderr ?? String(error)}`, { cause: error });
  }
}

/** The block of one service in `docker-compose config` output (services are indented two spaces). */
function serviceBlock(output: string, name: string): string {
  const services = output.slice(output.search(/^services:$/m));
  return services.split(/^ {2}(?=\S)/m).find((block) => block.startsWith(`${name}:\n`)) ?? '';
}

function checkStack(output: string): void {
  for (const service of ['postgres', 'minio', 'minio-init', 'api', 'worker', 'web']) {
    expect(serviceBlock(output, service), `service ${service}`).not.toBe('');
  }
  const api = serviceBlock(output, 'api');
  const worker = serviceBlock(output, 'worker');
  const web = serviceBlock(output, 'web');
  expect(api).toContain('PROCESS_ROLE: api');
  expect(worker).toContain('PROCESS_ROLE: worker');
  for (const block of [api, worker]) {
    expect(block).toContain('NODE_ENV: production');
    expect(block).toContain('DATABASE_URL: postgres://');
    expect(block).toContain('S3_ENDPOINT: http://minio:9000');
    expect(block).toContain('target: api');
    expect(block).toMatch(/minio-init:\n\s+condition: service_completed_successfully/);
    expect(block).toMatch(/postgres:\n\s+condition: service_healthy/);
    // `true` would trust a client-supplied X-Forwarded-For (login throttling by address).
    expect(block).not.toMatch(/TRUST_PROXY:\s*['"]?true/);
  }
  // The image's health check calls /api/health; the worker serves no HTTP.
  expect(worker).toMatch(/healthcheck:\n\s+test:\n\s+- NONE/);
  expect(web).toContain('target: web');
  expect(web).toContain('target: 80');
  expect(serviceBlock(output, 'api')).not.toMatch(/^ {4}ports:/m);
  expect(output).not.toMatch(/SEED_DEMO:\s*['"]?(true|1|yes)\b/i);
  expect(output).not.toMatch(/^name:/m);
}

describe('docker/compose.yaml', () => {
  it('is valid and describes the whole production stack with its defaults', async () => {
    checkStack(await composeConfig(EMPTY_ENV_FILE));
  });

  it('is valid with docker/.env.example', async () => {
    const output = await composeConfig('docker/.env.example');
    checkStack(output);
    expect(serviceBlock(output, 'api')).toContain('PUBLIC_URL: https://museum.example.org');
  });
});

describe('docker/Dockerfile and nginx.conf', () => {
  it('builds both runtime images from one Dockerfile', () => {
    const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM \S+ AS api$/m);
    expect(dockerfile).toMatch(/^FROM \S+ AS web$/m);
    expect(dockerfile).toMatch(/^ARG NGINX_IMAGE=nginx:\S+$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/apps\/api\/main\.js"\]$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(readFileSync(join(ROOT, 'docker/Dockerfile.dockerignore'), 'utf8')).toMatch(/node_modules/);
  });

  it('serves the SPA and proxies the API', () => {
    const nginx = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
    expect(nginx).toContain('location /api/');
    expect(nginx).toContain('location /iiif/');
    expect(nginx).toContain('try_files $uri /index.html');
    expect(nginx).toContain('proxy_request_buffering off');
    expect(nginx).toMatch(/client_max_body_size 5g;/);
    // The security headers themselves are checked on real answers in nginx.spec.ts.
    expect(nginx).toContain('include /etc/nginx/snippets/vitrina-security-headers.conf;');
    const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain('COPY docker/nginx-security-headers.conf /etc/nginx/snippets/vitrina-security-headers.conf');
  });
});
