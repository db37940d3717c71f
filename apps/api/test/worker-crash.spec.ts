import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaCleanupWorker } from '../src/modules/media/media-cleanup.worker';
import { makeImageDerivatives } from '../src/modules/media/derivatives';
import { DERIVE_QUEUE, MAX_PROCESSING_ATTEMPTS, MediaDerivativesWorker, pixelBudgetOf } from '../src/modules/media/media-derivatives.worker';
import { objectsOf, waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp, testEnv } from './support/test-app';
import { PATIENCE_MS } from './support/patience';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
/** Longer than one derivative job takes here, even on a busy machine, so a living worker's job never expires under it. */
const JOB_TIMINGS = { JOB_EXPIRE_SECONDS: '20', JOB_MAINTENANCE_SECONDS: '1', JOB_RETRY_DELAY_SECONDS: '1' };

interface JobRow {
  state: string;
  retry_count: number;
}

/** A worker process, as docker/ runs them: the built API with PROCESS_ROLE=worker. */
function startWorker(databaseUrl: string): ChildProcess {
  const env = testEnv(databaseUrl, { ...JOB_TIMINGS, PROCESS_ROLE: 'worker', LOG_LEVEL: 'warn' });
  return spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
}

async function kill(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGKILL');
  await exited;
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

/** Big enough for a tile pyramid (some 40 objects to write), so the job lasts long enough to be interrupted. */
function largeImage(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 3200, height: 2400, channels: 3, background: { r: seed, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .jpeg()
    .toBuffer();
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

  const upload = async (file: Buffer): Promise<{ countryId: string; assetId: string }> => {
    const countryId = (await curator.get('/api/public/countries/kazakhstan').expect(200)).body.id;
    const uploaded = await curator
      .post(`/api/studio/countries/${countryId}/media`)
      .set('content-type', 'application/octet-stream')
      .send(file)
      .expect(201);
    return { countryId, assetId: uploaded.body.id };
  };
  const jobsOf = async (assetId: string): Promise<JobRow[]> =>
    db.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on`, [DERIVE_QUEUE, assetId]);
  const attemptsOf = async (assetId: string): Promise<number> =>
    (await db.query(`SELECT processing_attempts FROM media_assets WHERE id = $1`, [assetId]))[0].processing_attempts;

  it('does not lose a job whose worker dies mid-write: one of two new workers finishes it, exactly once', async () => {
    const image = await largeImage(10);
    const { countryId: kz, assetId } = await upload(image);
    const folder = `${kz}/${assetId}/`;
    const expected = [`${folder}original`, ...(await makeImageDerivatives(image, pixelBudgetOf(testApp.config))).files.map((file) => folder + file.name)].sort();
    // Sending again while the job waits adds nothing: the queue is `stately`, one job per asset.
    expect(await testApp.app.get(MediaDerivativesWorker).enqueue(assetId, kz)).toBe(false);
    expect(await jobsOf(assetId)).toEqual([{ state: 'created', retry_count: 0 }]);

    const first = startWorker(testApp.databaseUrl);
    workers.push(first);
    // Killed once the store has some of its derivatives, not merely once it took the job.
    await until(async () => ((await objectsOf(folder)).length > 1 ? true : undefined), PATIENCE_MS, 'the first worker to write derivatives');
    await kill(first);
    expect((await objectsOf(folder)).length, 'killed before it had written everything').toBeLessThan(expected.length);
    expect(await jobsOf(assetId)).toEqual([{ state: 'active', retry_count: 0 }]); // nobody told the queue: the worker simply vanished
    expect((await curator.get(`/api/studio/countries/${kz}/media/${assetId}`).expect(200)).body.status).toBe('processing');

    // Two workers compete for the retried job; SKIP LOCKED gives it to one of them.
    workers.push(startWorker(testApp.databaseUrl), startWorker(testApp.databaseUrl));
    const asset = await waitForMedia(curator, kz, assetId);
    expect(asset).toMatchObject({ status: 'ready', tiled: true, width: 3200, height: 2400 });
    expect(await jobsOf(assetId)).toEqual([{ state: 'completed', retry_count: 1 }]);
    expect(await attemptsOf(assetId)).toBe(2); // the killed one and the one that finished: nobody else started it
    expect(await objectsOf(folder)).toEqual(expected);
    for (const worker of workers) await kill(worker);
  });

  it('gives up with a reason on an asset whose worker is killed on every attempt', async () => {
    const { countryId: kz, assetId } = await upload(await largeImage(20));
    // As if every earlier attempt had been killed by the out-of-memory killer: this is the last one allowed.
    await db.query(`UPDATE media_assets SET processing_attempts = $2 WHERE id = $1`, [assetId, MAX_PROCESSING_ATTEMPTS - 1]);
    const doomed = startWorker(testApp.databaseUrl);
    workers.push(doomed);
    await until(async () => ((await attemptsOf(assetId)) === MAX_PROCESSING_ATTEMPTS ? true : undefined), PATIENCE_MS, 'the last attempt to start');
    await kill(doomed);

    // The job itself still has retries left; the worker that takes it sees the asset's count and gives up at once.
    workers.push(startWorker(testApp.databaseUrl));
    const asset = await waitForMedia(curator, kz, assetId);
    expect(asset.status).toBe('failed');
    expect(asset.failureReason).toMatch(new RegExp(`interrupted ${MAX_PROCESSING_ATTEMPTS} times`));
    expect(await jobsOf(assetId)).toEqual([{ state: 'completed', retry_count: 1 }]);
    expect(await objectsOf(`${kz}/${assetId}/w`)).toEqual([]); // no rendition made by the worker that gave up
    for (const worker of workers) await kill(worker);
  });

  it('fails a stuck asset whose job is gone once it has been tried often enough, and sends a job for one tried less', async () => {
    const sweeper = testApp.app.get(MediaCleanupWorker);
    const tried = await upload(await sharp({ create: { width: 60, height: 40, channels: 3, background: '#224466' } }).png().toBuffer());
    const untried = await upload(await sharp({ create: { width: 60, height: 40, channels: 3, background: '#664422' } }).png().toBuffer());
    // pg-boss failed the first one's job after its worker was killed on every attempt; the second one's job never got sent.
    await db.query(`DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = ANY($2)`, [DERIVE_QUEUE, [tried.assetId, untried.assetId]]);
    await db.query(`UPDATE media_assets SET processing_attempts = $2, last_attempt_at = now() - interval '10 minutes' WHERE id = $1`, [
      tried.assetId,
      MAX_PROCESSING_ATTEMPTS,
    ]);

    const report = await sweeper.sweep(60 * 60_000);
    expect(report).toMatchObject({ failedAssets: 0, requeuedAssets: 0 }); // both are younger than the grace period
    const swept = await sweeper.sweep(0);
    expect(swept).toMatchObject({ failedAssets: 1, requeuedAssets: 1 });
    const failed = (await curator.get(`/api/studio/countries/${tried.countryId}/media/${tried.assetId}`).expect(200)).body;
    expect(failed).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(`interrupted ${MAX_PROCESSING_ATTEMPTS} times`) });
    expect(await jobsOf(tried.assetId)).toEqual([]);
    expect(await jobsOf(untried.assetId)).toEqual([{ state: 'created', retry_count: 0 }]);
    // Swept again while that job waits: still one job.
    expect(await sweeper.sweep(0)).toMatchObject({ failedAssets: 0, requeuedAssets: 0 });
    expect(await jobsOf(untried.assetId)).toHaveLength(1);
  });
});
