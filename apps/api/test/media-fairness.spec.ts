import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/infra/queue/job-queue.service';
import { DERIVE_QUEUE, type DeriveJob, MediaDerivativesWorker } from '../src/modules/media/media-derivatives.worker';
import { type TestApp, startTestApp } from './support/test-app';

/** Polls until `count` jobs were taken, with a ceiling of minutes for a machine whose cores are all busy. */
async function taken(order: string[], count: number): Promise<void> {
  for (let polls = 0; order.length < count; polls++) {
    if (polls > 3000) throw new Error(`only ${order.length} of ${count} jobs were taken`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('derivative jobs across countries', () => {
  let testApp: TestApp;
  let countries: string[];
  const order: string[] = [];
  const countryOf = new Map<string, string>();

  beforeAll(async () => {
    // No worker of the app's own: the one below is the only one, so the order jobs are taken in is the queue's.
    testApp = await startTestApp({ RUN_JOBS_IN_API: 'false' });
    const rows: { id: string }[] = await testApp.app.get(DataSource).query('SELECT id FROM countries ORDER BY slug LIMIT 3');
    countries = rows.map((row) => row.id);
    expect(countries).toHaveLength(3);
  });

  afterAll(() => testApp?.close());

  const enqueue = async (countryId: string, jobs: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < jobs; i++) {
      const assetId = randomUUID();
      countryOf.set(assetId, countryId);
      expect(await testApp.app.get(MediaDerivativesWorker).enqueue(assetId, countryId)).toBe(true);
      ids.push(assetId);
    }
    return ids;
  };

  it("takes another country's single upload right after the first of a backlog, then alternates", async () => {
    const [a, b, c] = countries;
    await enqueue(a, 40);
    const [fromB] = await enqueue(b, 1);
    await enqueue(c, 3);

    // One worker taking one job at a time, as a worker process does; it only notes the order.
    await testApp.app.get(JobQueue).work<DeriveJob>(DERIVE_QUEUE, async (job) => {
      order.push(job.assetId);
    });
    await taken(order, 44);

    // FIFO would have taken B's job 41st; by turns it comes second (A's first job is older and ties with it).
    expect(order.indexOf(fromB)).toBeLessThanOrEqual(2);
    const byCountry = order.map((id) => countryOf.get(id));
    // The first three jobs are one of each country, and C's three are all taken within the first nine.
    expect(new Set(byCountry.slice(0, 3))).toEqual(new Set([a, b, c]));
    expect(byCountry.slice(0, 9).filter((country) => country === c)).toHaveLength(3);
    // Nothing is lost or taken twice.
    expect(new Set(order).size).toBe(44);
  }, 600_000);
});
