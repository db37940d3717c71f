/**
 * Helpers the search benchmark and its data generator share: databases by
 * name on the machine's PostgreSQL, a tiny queue running SQL statements on a
 * few connections at once, timing, and signing in as the demo administrator.
 *
 * The stack itself (s3rver, the API child, clean-up) comes from
 * bench/media/support.ts.
 */
import { Client as PgClient } from 'pg';
import { type Api, type Cleanup, type Database, PG_ADMIN_URL, fmt, signIn, stopChild } from '../media/support';

export const DEMO_ADMIN = 'admin@vitrina.test';
export const DEMO_ADMIN_PASSWORD = 'vitrina-demo';

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function asDatabase(name: string): Database {
  return { name, url: databaseUrl(name) };
}

/** Only names we make ourselves ever reach SQL unquoted; still, refuse anything odd. */
export function checkName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a plain database name (a-z, 0-9, _)`);
  return name;
}

export async function withAdmin<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}); set BENCH_PG_ADMIN_URL to an admin URL with trust auth.`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${checkName(name)} WITH (FORCE)`));
}

export async function connect(database: Database, settings: Record<string, string> = {}): Promise<PgClient> {
  const client = new PgClient({ connectionString: database.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  for (const [name, value] of Object.entries(settings)) await client.query(`SET ${name} = ${value}`);
  return client;
}

export function seconds(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

export interface Task {
  label: string;
  sql: string;
  params?: unknown[];
}

/**
 * Runs statements on as many connections as given, each connection taking the
 * next statement when it is done (longest first is the caller's business).
 * Prints each statement's time; throws the first error.
 */
export async function runQueue(clients: PgClient[], tasks: Task[], log = true): Promise<{ label: string; seconds: number; rows: number }[]> {
  const queue = [...tasks];
  const done: { label: string; seconds: number; rows: number }[] = [];
  await Promise.all(
    clients.map(async (client) => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        const started = process.hrtime.bigint();
        const result = await client.query(task.sql, task.params);
        const took = seconds(started);
        done.push({ label: task.label, seconds: took, rows: result.rowCount ?? 0 });
        if (log) console.log(`  ${task.label.padEnd(58)} ${fmt(took, 1).padStart(7)} s${result.rowCount ? `  ${result.rowCount} rows` : ''}`);
      }
    }),
  );
  return done;
}

export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL text[] literal. */
export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(quote).join(', ')}]::text[]`;
}

// ───────────────────────────── the demo administrator ─────────────────────────────

export interface AdminSession {
  cookie: string;
  csrfToken: string;
}

/**
 * Signs the demo administrator in; support.ts's `login` is for curators and
 * refuses the administrator, who is a member of no country.
 */
export async function loginAdmin(api: Api): Promise<AdminSession> {
  const { cookie, csrfToken } = await signIn(api, DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
  return { cookie, csrfToken };
}

/** Stops the API child started for a step (migrations) before the next one. */
export async function stopApi(api: Api): Promise<void> {
  await stopChild(api.child, 10_000);
}

export type { Cleanup };
