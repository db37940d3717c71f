import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** No Docker engine runs on CI machines, so the compose file is checked by docker-compose itself. */
describe('docker/compose.yaml', () => {
  it('is valid and describes the whole production stack', async () => {
    let output: string;
    try {
      ({ stdout: output } = await run('docker-compose', ['-f', 'docker/compose.yaml', 'config'], { cwd: ROOT }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') throw new Error('docker-compose is missing: apt-get install -y docker-compose');
      throw error;
    }
    for (const service of ['postgres', 'minio', 'minio-init', 'api', 'worker', 'web']) {
      expect(output, service).toMatch(new RegExp(`^  ${service}:$`, 'm'));
    }
    const serviceBlock = (name: string) => output.split(/^  (?=\S)/m).find((block) => block.startsWith(`${name}:`)) ?? '';
    expect(serviceBlock('worker')).toContain('PROCESS_ROLE: worker');
    expect(serviceBlock('api')).toContain('PROCESS_ROLE: api');
    for (const name of ['api', 'worker']) {
      expect(serviceBlock(name)).toContain('NODE_ENV: production');
      expect(serviceBlock(name)).toContain('DATABASE_URL: postgres://');
      expect(serviceBlock(name)).toContain('S3_ENDPOINT: http://minio:9000');
    }
    expect(output).not.toMatch(/SEED_DEMO:\s*"?true/);
    expect(serviceBlock('web')).toContain('target: web');
  });

  it('builds both runtime images from one Dockerfile', () => {
    const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM \S+ AS api$/m);
    expect(dockerfile).toMatch(/^FROM nginx\S* AS web$/m);
    const nginx = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
    expect(nginx).toContain('location /api/');
    expect(nginx).toContain('try_files $uri /index.html');
  });
});
