import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/infra/embedded/embedded-postgres';
import { startEmbeddedS3 } from '../../src/infra/embedded/embedded-s3';

export const TEST_BUCKET = 'vitrina-test';
const SYSTEM_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function canConnect(url: string): Promise<boolean> {
  // A ceiling, not a budget: a refused connection fails at once, and a slow one on a loaded machine still counts.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 60_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgres {
  adminUrl: string;
  kind: 'system' | 'embedded';
  stop(): Promise<void>;
}

/** The machine's PostgreSQL on 127.0.0.1:5432 when there is one, else an embedded one in a temp dir. */
export async function acquirePostgres(): Promise<TestPostgres> {
  if (process.env.VITRINA_TEST_EMBEDDED_PG !== '1' && (await canConnect(SYSTEM_POSTGRES))) {
    return { adminUrl: SYSTEM_POSTGRES, kind: 'system', stop: async () => undefined };
  }
  return startTemporaryPostgres();
}

/** A throw-away embedded PostgreSQL, also used by tests that stop and restart the database. */
export async function startTemporaryPostgres() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-pg-'));
  // Run as root, embedded-postgres drops to a `postgres` user who must be able to enter the directory.
  chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port: await freePort() });
  return {
    adminUrl: postgres.url('postgres'),
    kind: 'embedded' as const,
    url: postgres.url,
    start: () => postgres.start(),
    pause: () => postgres.stop(),
    stop: async () => {
      await postgres.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestS3() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-s3-'));
  const s3 = await startEmbeddedS3({ dataDir, port: 0, bucket: TEST_BUCKET });
  return {
    endpoint: s3.endpoint,
    stop: async () => {
      await s3.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the test server; dropped again by the returned function. */
export async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vitrina_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
