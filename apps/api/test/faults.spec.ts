import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import S3rver from 's3rver';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaCleanupWorker } from '../src/modules/media/media-cleanup.worker';
import { ObjectStorage } from '../src/infra/storage/object-storage.service';
import { DERIVE_QUEUE } from '../src/modules/media/media-derivatives.worker';
import { mp4File } from './support/media-files';
import { PATIENCE_MS } from './support/patience';
import { waitForMedia } from './support/store';
import { TEST_BUCKET, freePort, startTemporaryPostgres } from './support/test-infra';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/*
 * Faults (issue 7): the database and the object store go away while the API
 * works, and come back. Real PostgreSQL and a real S3-compatible server, each
 * owned by this file so they can be stopped without disturbing other files.
 */

/** No request may hang: one that takes longer than this counts as hung (a ceiling, generous for a loaded machine). */
const REQUEST_DEADLINE_MS = 2 * 60_000;
/** The API must recover by itself once PostgreSQL is back; this is how long it is given before that counts as never. */
const RECOVERY_CEILING_MS = 2 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Polls until `ready()` holds, so a loaded machine only makes the step slower, never a failure. */
async function until(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
const text = (value: string) => ({ text: value, status: 'original' });

/**
 * An S3-compatible store that can crash: stopping it cuts every open
 * connection at once (as a killed process would), starting it again serves
 * the same data on the same port.
 */
class StoppableStore {
  private server: S3rver | undefined;
  private httpServer: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Bytes the store has received since it last started. */
  received = 0;

  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<StoppableStore> {
    const store = new StoppableStore(await freePort(), mkdtempSync(join(tmpdir(), 'vitrina-faults-s3-')));
    await store.start();
    return store;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      directory: this.dataDir,
      silent: true,
      configureBuckets: [{ name: TEST_BUCKET }],
    });
    await this.server.run();
    this.httpServer = (this.server as unknown as { httpServer: http.Server }).httpServer;
    this.received = 0;
    this.httpServer.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('data', (chunk: Buffer) => (this.received += chunk.length));
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async stop(): Promise<void> {
    const server = this.httpServer;
    if (!server) return;
    this.httpServer = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

interface Outcome {
  kind: 'read' | 'write';
  path: string;
  status: number;
  retryAfter?: string;
  error?: string;
  startedAt: number;
  endedAt: number;
  slug?: string;
  id?: string;
}

async function timed(kind: Outcome['kind'], path: string, send: () => Promise<{ status: number; headers: Record<string, string>; body: { id?: string } }>): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await send();
    return { kind, path, status: response.status, retryAfter: response.headers['retry-after'], startedAt, endedAt: Date.now(), id: response.body?.id };
  } catch (error) {
    // A timeout or a dropped connection: neither a clean failure nor a success.
    return { kind, path, status: 0, error: (error as Error).message, startedAt, endedAt: Date.now() };
  }
}

describe('faults: PostgreSQL stopped and started while requests run', () => {
  let postgres: Awaited<ReturnType<typeof startTemporaryPostgres>>;
  let testApp: TestApp;
  let curator: TestClient;
  let visitor: TestClient;
  let kz: string;
  let db: DataSource;

  beforeAll(async () => {
    postgres = await startTemporaryPostgres();
    // Room for several transactions at once, so the stop cuts more than one of them.
    testApp = await startTestApp({ DATABASE_URL: postgres.url('postgres'), DATABASE_POOL_SIZE: '10' }, postgres.adminUrl);
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    visitor = testApp.client();
    kz = (await visitor.get('/api/public/countries/kazakhstan').expect(200)).body.id;
    db = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp?.close();
    await postgres?.stop();
  });

  it('answers 503 or success during the outage, recovers by itself and loses no acknowledged write', async () => {
    const outcomes: Outcome[] = [];
    let running = true;
    let written = 0;
    const reads = ['/api/public/countries', '/api/public/countries/kazakhstan', '/api/health'];

    async function reader(offset: number) {
      for (let i = offset; running; i++) {
        const path = reads[i % reads.length];
        outcomes.push(await timed('read', path, () => visitor.get(path).timeout({ deadline: REQUEST_DEADLINE_MS })));
        await sleep(20);
      }
    }
    async function writer(name: string) {
      while (running) {
        const slug = `fault-${name}-${written++}`;
        const path = `/api/studio/countries/${kz}/items`;
        const outcome = await timed('write', path, () =>
          curator
            .post(path, { slug, kind: 'photograph', title: { ru: text(`Фото ${slug}`) } })
            .timeout({ deadline: REQUEST_DEADLINE_MS }),
        );
        outcomes.push({ ...outcome, slug });
        await sleep(20);
      }
    }

    const load = Promise.all([reader(0), reader(1), ...['a', 'b', 'c', 'd', 'e', 'f'].map(writer)]);
    const succeeded = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind && o.status >= 200 && o.status < 300).length;
    await until(() => succeeded('write') > 5 && succeeded('read') > 1, 'writes and reads before the outage');
    // Hold the country's row so the writes queue up inside their transactions: the restart then cuts them mid-way.
    const locker = new Client({ connectionString: testApp.databaseUrl });
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM countries WHERE id = $1 FOR UPDATE', [kz]);
    const waitingForLock = async () =>
      (await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n > 0;
    await until(waitingForLock, 'writes queued behind the locked row');
    // Let them go at the moment PostgreSQL stops, so the stop finds them between their statements.
    await locker.query('ROLLBACK');
    const stoppedAt = Date.now();
    await postgres.pause();
    await locker.end().catch(() => undefined);
    await sleep(3000);
    await until(() => outcomes.some((o) => o.status === 503 && o.startedAt >= stoppedAt), 'a request to meet the outage');
    await postgres.start();
    const backAt = Date.now();

    // The API recovers by itself: no restart, just the requests already flowing.
    const deadline = backAt + RECOVERY_CEILING_MS;
    let recoveredAt: number | undefined;
    while (Date.now() < deadline && recoveredAt === undefined) {
      const okRead = outcomes.find((o) => o.kind === 'read' && o.path !== '/api/health' && o.startedAt >= backAt && o.status === 200);
      const okWrite = outcomes.find((o) => o.kind === 'write' && o.startedAt >= backAt && o.status === 201);
      if (okRead && okWrite) recoveredAt = Math.max(okRead.endedAt, okWrite.endedAt);
      else await sleep(100);
    }
    // Then a while of normal service, which must be entirely successful.
    const steadyFrom = Date.now();
    // As many requests as there are readers and writers, all started in normal service.
    await until(() => outcomes.filter((o) => o.startedAt >= steadyFrom).length >= 8, 'requests after recovery');
    running = false;
    await load;

    const summary = outcomes.reduce<Record<string, number>>((counts, o) => {
      const key = `${o.kind} ${o.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {});
    console.log(`database outage ${backAt - stoppedAt} ms, recovered ${recoveredAt ? recoveredAt - backAt : 'never'} ms after it returned`, summary);

    const unclean = outcomes.filter((o) => !(o.status >= 200 && o.status < 300) && o.status !== 503);
    expect(unclean, 'neither a success nor a clean 503').toEqual([]);
    const withoutRetryAfter = outcomes.filter((o) => o.status === 503 && o.path !== '/api/health' && !(Number(o.retryAfter) > 0));
    expect(withoutRetryAfter, '503 without Retry-After').toEqual([]);
    expect(outcomes.filter((o) => o.status === 503).length, 'the outage was felt').toBeGreaterThan(0);
    const inFlight = outcomes.filter((o) => o.kind === 'write' && o.startedAt < stoppedAt && o.endedAt > stoppedAt);
    expect(inFlight.length, 'writes were cut off in the middle').toBeGreaterThan(0);
    expect(recoveredAt, 'a read and a write succeeded after PostgreSQL returned, with no restart').toBeDefined();
    const afterRecovery = outcomes.filter((o) => o.startedAt >= steadyFrom);
    expect(afterRecovery.length).toBeGreaterThan(0);
    expect(afterRecovery.filter((o) => o.status >= 300)).toEqual([]);

    // Every acknowledged write is there, whole: the item, its first revision and its audit entry.
    const acknowledged = outcomes.filter((o) => o.kind === 'write' && o.status === 201);
    const refused = outcomes.filter((o) => o.kind === 'write' && o.status === 503);
    expect(acknowledged.length).toBeGreaterThan(5);
    for (const write of acknowledged) {
      const item = await curator.get(`/api/studio/countries/${kz}/items/${write.id}`).expect(200);
      expect(item.body).toMatchObject({ slug: write.slug, version: 1 });
    }
    // A write answered 503 is either absent or whole, never half-made.
    const slugs = [...acknowledged, ...refused].map((o) => o.slug!);
    const rows: { slug: string; id: string; revisions: number; audits: number }[] = await db.query(
      `SELECT i.slug, i.id,
              (SELECT count(*)::int FROM content_revisions r WHERE r.record_id = i.id) AS revisions,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = i.id AND a.action = 'create') AS audits
         FROM items i WHERE i.slug = ANY($1)`,
      [slugs],
    );
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    for (const write of acknowledged) expect(bySlug.get(write.slug!), write.slug).toMatchObject({ id: write.id, revisions: 1, audits: 1 });
    const refusedButMade = refused.filter((write) => bySlug.has(write.slug!));
    for (const write of refusedButMade) expect(bySlug.get(write.slug!), write.slug).toMatchObject({ revisions: 1, audits: 1 });
    console.log(`${acknowledged.length} writes acknowledged, ${refused.length} refused (${refusedButMade.length} of them made whole just before the cut)`);
    expect(rows).toHaveLength(new Set(rows.map((row) => row.slug)).size);

    // The job queue came back too: an upload now is queued and worked on as usual.
    const image = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#447799' } }).png().toBuffer();
    const uploaded = await curator.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(image);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(await waitForMedia(curator, kz, uploaded.body.id)).toMatchObject({ status: 'ready', derivativeWidths: [400, 500] });
  });
});

describe('faults: the object store stops during an upload and during a derivative job', () => {
  let store: StoppableStore;
  let testApp: TestApp;
  let curator: TestClient;
  let kz: string;
  let db: DataSource;

  beforeAll(async () => {
    store = await StoppableStore.start();
    testApp = await startTestApp({
      S3_ENDPOINT: store.endpoint,
      JOB_RETRY_DELAY_SECONDS: '1',
      JOB_MAINTENANCE_SECONDS: '1',
      JOB_EXPIRE_SECONDS: '30',
    });
    curator = testApp.client();
    await curator.login('curator.kz@vitrina.test');
    kz = (await curator.get('/api/public/countries/kazakhstan').expect(200)).body.id;
    db = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp?.close();
    await store?.destroy();
  });

  const storage = () => testApp.app.get(ObjectStorage);
  async function objectsUnder(prefix: string): Promise<string[]> {
    return (await storage().list(prefix)).map((object) => object.key).sort();
  }
  const assetCount = async () => (await db.query('SELECT count(*)::int AS n FROM media_assets'))[0].n as number;

  /** Streams `file` to the upload endpoint slowly, calling `midway` once the store has received `storeBytes` of it. */
  async function slowUpload(file: Buffer, storeBytes: number, midway: () => Promise<void>) {
    const server = testApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const cookies = await curator.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
    const receivedBefore = store.received;
    return new Promise<{ status: number; retryAfter?: string; body: string; midwayDone: boolean }>((resolve, reject) => {
      let answered = false;
      let midwayDone = false;
      const timer = setTimeout(() => reject(new Error('the upload hung')), REQUEST_DEADLINE_MS);
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/studio/countries/${kz}/media`,
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(file.length),
            'x-file-name': 'film.mp4',
            cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
            'x-csrf-token': curator.csrfToken!,
          },
        },
        (response) => {
          answered = true;
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, body, midwayDone });
          });
        },
      );
      // The server may answer and close before the whole body is sent; that is the point.
      request.on('error', (error) => {
        if (!answered) {
          clearTimeout(timer);
          reject(error);
        }
      });
      void (async () => {
        const chunk = 64 * 1024;
        for (let offset = 0; offset < file.length && !answered; offset += chunk) {
          if (!request.write(file.subarray(offset, offset + chunk))) await new Promise((r) => request.once('drain', r));
          if (!midwayDone && store.received - receivedBefore >= storeBytes) {
            await midway();
            midwayDone = true;
          }
          await sleep(5);
        }
        if (!answered) request.end();
      })().catch(reject);
    });
  }

  it('answers 503 with Retry-After when the store dies mid-upload, leaves nothing behind, and takes the upload once the store is back', async () => {
    const file = mp4File(4 * 1024 * 1024);
    const before = await assetCount();
    const failed = await slowUpload(file, 1024 * 1024, () => store.stop());
    expect(failed.midwayDone, 'the store was stopped while the upload ran').toBe(true);
    expect(failed.status, failed.body).toBe(503);
    expect(Number(failed.retryAfter)).toBeGreaterThan(0);
    expect(await assetCount()).toBe(before);

    await store.start();
    // s3rver keeps what it had received of the cut-off upload (over 1 MiB here) as an object, where MinIO
    // would drop an unfinished part: exactly one original that no row names, which the clean-up job removes.
    const leftovers = await objectsUnder(`${kz}/`);
    expect(leftovers).toHaveLength(1);
    const [, orphanId, leaf] = leftovers[0].split('/');
    expect(leaf).toBe('original');
    expect(await db.query('SELECT id FROM media_assets WHERE id = $1', [orphanId])).toEqual([]);
    expect((await storage().client.statObject(TEST_BUCKET, leftovers[0])).size).toBeLessThan(file.length);
    await testApp.app.get(MediaCleanupWorker).sweep(0);
    expect(await objectsUnder(`${kz}/`)).toEqual([]);
    expect(await assetCount()).toBe(before);

    const retried = await slowUpload(file, Number.MAX_SAFE_INTEGER, async () => undefined);
    expect(retried.status, retried.body).toBe(201);
    const asset = JSON.parse(retried.body);
    expect(asset).toMatchObject({ kind: 'video', byteSize: file.length });
    expect(await objectsUnder(`${kz}/${asset.id}/`)).toEqual([`${kz}/${asset.id}/original`]);
    const stat = await storage().client.statObject(TEST_BUCKET, `${kz}/${asset.id}/original`);
    expect(stat.size).toBe(file.length);
  });

  const jobOf = async (id: string) =>
    (await db.query(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [DERIVE_QUEUE, id])) as {
      state: string;
      retry_count: number;
    }[];
  const uploadImage = async (image: Buffer) =>
    (await curator.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(image).expect(201)).body;
  const assetOf = async (id: string) => (await curator.get(`/api/studio/countries/${kz}/media/${id}`).expect(200)).body;

  /** With the store stopped: the job fails, is scheduled again, and the asset stays processing; then the store returns. */
  async function outageMetByJob(id: string) {
    const deadline = Date.now() + PATIENCE_MS;
    while ((await jobOf(id))[0]?.state !== 'retry') {
      if (Date.now() > deadline) throw new Error(`the job never met the outage: ${JSON.stringify(await jobOf(id))}`);
      await sleep(50);
    }
    expect((await assetOf(id)).status).toBe('processing');
    await sleep(1000);
    await store.start();
  }

  /** The retried job finishes once, the asset is ready with its derivatives, nothing is doubled. */
  async function readyOnce(id: string, sha256: string) {
    const settleBy = Date.now() + PATIENCE_MS;
    let settled = await assetOf(id);
    while (settled.status === 'processing' && Date.now() < settleBy) {
      await sleep(200);
      settled = await assetOf(id);
    }
    expect(settled).toMatchObject({ status: 'ready', failureReason: null });
    // The asset turns ready inside the job; pg-boss marks the job done a moment later.
    await expect.poll(async () => (await jobOf(id)).map((job) => job.state), { timeout: PATIENCE_MS }).toEqual(['completed']);
    const jobs = await jobOf(id);
    expect(jobs[0].retry_count).toBeGreaterThanOrEqual(1);
    expect((await db.query('SELECT count(*)::int AS n FROM media_assets WHERE sha256 = $1', [sha256]))[0].n).toBe(1);
    const names = await objectsUnder(`${kz}/${id}/`);
    expect(names).toContain(`${kz}/${id}/original`);
    for (const width of settled.derivativeWidths) expect(names).toContain(`${kz}/${id}/w${width}.webp`);
    return { asset: settled, names };
  }

  it('retries a derivative job that finds the store down until the asset is ready, with no duplicates', async () => {
    const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#806040' } })
      .composite([{ input: { create: { width: 300, height: 200, channels: 3, background: '#2050a0' } }, top: 100, left: 100 }])
      .jpeg()
      .toBuffer();
    const uploaded = await uploadImage(image);
    // Stopped as soon as the upload is answered: before the job starts, or while it decodes the image.
    await store.stop();
    await outageMetByJob(uploaded.id);
    const { asset } = await readyOnce(uploaded.id, uploaded.sha256);
    expect(asset).toMatchObject({ width: 1200, height: 800, derivativeWidths: [400, 800, 1200], tiled: false });
  });

  it('retries a derivative job whose store dies while it writes the derivatives', async () => {
    // Large enough for a tile pyramid: dozens of objects to write, so the crash falls among them.
    const image = await sharp({ create: { width: 2600, height: 1800, channels: 3, background: '#508060' } })
      .composite([{ input: { create: { width: 900, height: 500, channels: 3, background: '#a03020' } }, top: 300, left: 700 }])
      .jpeg()
      .toBuffer();
    const uploaded = await uploadImage(image);
    const baseline = store.received;
    const deadline = Date.now() + PATIENCE_MS;
    // The job reads the original with a small request, then writes: 64 KB in, it is among its derivatives.
    while (store.received - baseline < 64 * 1024) {
      if (Date.now() > deadline) throw new Error(`the job never wrote: ${JSON.stringify(await jobOf(uploaded.id))}`);
      await sleep(5);
    }
    await store.stop();
    await outageMetByJob(uploaded.id);
    const { asset, names } = await readyOnce(uploaded.id, uploaded.sha256);
    expect(asset).toMatchObject({ width: 2600, height: 1800, derivativeWidths: [400, 800, 1600, 2400], tiled: true });
    // 2600 × 1800 at 512 px tiles: 6×4 + 3×2 + 2×1 + 1 over scale factors 1, 2, 4, 8, and full/max.
    expect(names.filter((name) => name.includes('/iiif/'))).toHaveLength(24 + 6 + 2 + 1 + 1);
    expect(names).toContain(`${kz}/${uploaded.id}/iiif/full/max/0/default.jpg`);
  });
});
