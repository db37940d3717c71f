import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DERIVE_QUEUE } from '../src/modules/media/media-derivatives.worker';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp, testEnv } from './support/test-app';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
/** Longer than one derivative job takes here, so a living worker's job never expires under it. */
const JOB_TIMINGS = { JOB_EXPIRE_SECONDS: '10', JOB_MAINTENANCE_SECONDS: '1', JOB_RETRY_DELAY_SECONDS: '1' };

interface JobRow {
  state: string;
  retry_count: number;
}

/** A worker process, as docker/ runs them: the built API with PROCESS_ROLE=worker. */
function startWorker(databaseUrl: string): ChildProcess {
  const env = testEnv(databaseUrl, { ...JOB_TIMINGS, PROCESS_ROLE: 'worker', LOG_LEVEL: 'warn' });
  return spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a worker killed in the middle of a job', () => {
  let testApp: TestApp;
  let curator: TestClient;
  let db: DataSource;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('build first: npm run build (npm test does it before running the tests)');
    // This API only sends jobs; the separate worker processes do them.
    testApp = await startTestApp({ ...JOB_TIMINGS, RUN_JOBS_IN_API: 'false' });
    db = testApp.app.get(DataSource);
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await testApp?.close();
  });

  it('does not lose the job: another worker finishes it, exactly once', async () => {
    const kz = (await curator.get('/api/public/countries/kazakhstan').expect(200)).body.id;
    // Big enough for a tile pyramid, so the job lasts long enough to be interrupted.
    const image = await sharp({ create: { width: 5000, height: 3500, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    const uploaded = await curator
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .send(image)
      .expect(201);
    const assetId: string = uploaded.body.id;
    const jobOf = async () => {
      const rows: JobRow[] = await db.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [
        DERIVE_QUEUE,
        assetId,
      ]);
      return rows;
    };

    const first = startWorker(testApp.databaseUrl);
    workers.push(first);
    await until(async () => ((await jobOf())[0]?.state === 'active' ? true : undefined), 60_000, 'the first worker to take the job');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await jobOf())[0].state).toBe('active'); // nobody told the queue: the worker simply vanished
    expect((await curator.get(`/api/studio/countries/${kz}/media/${assetId}`).expect(200)).body.status).toBe('processing');

    workers.push(startWorker(testApp.databaseUrl));
    const asset = await waitForMedia(curator, kz, assetId);
    expect(asset).toMatchObject({ status: 'ready', tiled: true, width: 5000, height: 3500 });
    const jobs = await jobOf();
    expect(jobs).toEqual([{ state: 'completed', retry_count: 1 }]);
  }, 120_000);
});
