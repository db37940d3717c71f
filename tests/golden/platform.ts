import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { acquirePostgres, createDatabase, freePort, TEST_BUCKET } from '../../apps/api/test/support/test-infra';
import { startStore } from './store';

// tsx runs this as CommonJS (the root package is not ESM), where __dirname is defined.
const ROOT = resolve(__dirname, '../..');
/** Fixed, so absolute links (IIIF ids, the sitemap) do not carry this run's random port. */
export const PUBLIC_URL = 'http://vitrina.golden';
/** Ceilings for a start or a poll that hangs, not budgets: a loaded machine may take minutes. */
export const CEILING_MS = 15 * 60_000;
const POLL_MS = 500;

export interface Platform {
  apiUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export async function poll<T>(what: string, attempt: () => Promise<T | undefined>, child?: ChildProcess): Promise<T> {
  const deadline = Date.now() + CEILING_MS;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the API exited while waiting for ${what}`);
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function spawnApi(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/**
 * The built API as the browser tests run it, on a fresh database with the
 * demo museum seeded (migrations and seeding finish before it listens).
 */
export async function startPlatform(): Promise<Platform> {
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) throw new Error('dist/apps/api/main.js is missing: run npm run build first');
  const postgres = await acquirePostgres();
  const database = await createDatabase(postgres.adminUrl);
  const s3 = await startStore(ROOT, TEST_BUCKET);
  const port = await freePort();
  const { child, output } = spawnApi({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: 'S3RVER',
    S3_SECRET_KEY: 'S3RVER',
    S3_BUCKET: TEST_BUCKET,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL,
    SERVE_WEB: 'false',
    SEED_DEMO: 'true',
    SEED_DEMO_MEDIA: 'true',
    RUN_JOBS_IN_API: 'true',
    LOG_LEVEL: 'warn',
    // The walk reads every route from one address: the read API's rate limits stay out of its way.
    RATE_LIMIT_ANONYMOUS: '1000000000',
    RATE_LIMIT_API_KEY: '1000000000',
    // Ties in time fall in creation order: see ordered-uuids.cjs.
    NODE_OPTIONS: `--require ${join(__dirname, 'ordered-uuids.cjs')}`,
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await database.drop().catch(() => undefined);
    await s3.stop();
    await postgres.stop();
  };
  try {
    await poll('health', async () => ((await fetch(`${apiUrl}/api/health`)).ok ? true : undefined), child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
  return { apiUrl, output, stop };
}
