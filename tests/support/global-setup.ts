import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { acquirePostgres, createDatabase, freePort, startTestS3, TEST_BUCKET } from '../../apps/api/test/support/test-infra';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The platform's database, for the few steps no UI exists for yet (publishing, until the review workflow). */
    databaseUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // A ceiling for a start that hangs, not a budget: on a loaded machine the start can take minutes.
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited early:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not become healthy:\n${output()}`);
}

/**
 * Runs the built platform as production would (API + web app behind one
 * origin) on a fresh database and the S3 stand-in; browser specs talk to it.
 */
export default async function setup(project: TestProject) {
  for (const built of ['dist/apps/api/main.js', 'dist/apps/web/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first (npm test does)`);
  }
  const postgres = await acquirePostgres();
  const database = await createDatabase(postgres.adminUrl);
  const s3 = await startTestS3();
  const [apiPort, webPort] = [await freePort(), await freePort()];
  let output = '';
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: TEST_BUCKET,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      WEB_PORT: String(webPort),
      SERVE_WEB: 'true',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // The browser tests read the public API hard from one address: no rate limit gets in their way.
      RATE_LIMIT_ANONYMOUS: '1000000',
      RATE_LIMIT_API_KEY: '1000000',
    },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitForHealth(`http://127.0.0.1:${webPort}/api/health`, child, () => output);
  project.provide('baseUrl', `http://127.0.0.1:${webPort}`);
  project.provide('databaseUrl', database.url);
  return async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await database.drop();
    await s3.stop();
    await postgres.stop();
  };
}
