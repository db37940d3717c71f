/**
 * Shared helpers of the media benchmarks: tables, timing, test images, and
 * the whole stack (s3rver + a fresh PostgreSQL database + the built API as a
 * child process) that upload.ts and tiles.ts measure.
 *
 * Nothing here is imported by the application; it only drives it from outside.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client as MinioClient } from 'minio';
import { Client as PgClient } from 'pg';
import sharp from 'sharp';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** The built API; BENCH_API_MAIN runs another build (a copy kept to compare before and after a change). */
export const API_MAIN = process.env.BENCH_API_MAIN ? resolve(process.env.BENCH_API_MAIN) : join(REPO_ROOT, 'dist', 'apps', 'api', 'main.js');
export const BUCKET = 'vitrina-bench';
export const S3_KEY = 'S3RVER'; // s3rver accepts only its fixed credentials
export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_CURATOR = 'curator.kz@vitrina.test';
export const DEMO_PASSWORD = 'vitrina-demo';

// ───────────────────────────── small utilities ─────────────────────────────

export const MB = 1024 * 1024;

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A plain text table: first row is the header, columns padded, numbers right-aligned. */
export function printTable(title: string, rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const isNumeric = (text: string) => /^[-+]?\d/.test(text);
  const line = (row: string[]) =>
    row.map((cell, col) => (col > 0 && isNumeric(cell) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(rule);
  for (const row of cells.slice(1)) console.log(line(row));
}

export function verdict(ok: boolean): string {
  return ok ? 'MET' : 'NOT MET';
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export function makeTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `vitrina-bench-${label}-`));
}

/** VmRSS and VmHWM of a process, in MiB (Linux /proc). */
export function readRss(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far (Linux /proc, 100 ticks/s). */
export function readCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Jiffies the whole machine spent busy and in total so far (Linux /proc/stat, all CPUs). */
export function readMachineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal (guest is inside user)
  const idle = values[3] + values[4]; // idle + iowait
  return { busy: total - idle, total };
}

/** Share of all CPUs busy between two readings, 0–100. */
export function machineBusyPercent(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  return (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total);
}

// ───────────────────────────── test images ─────────────────────────────

/**
 * A photo-like JPEG: smooth colour fields and soft shapes under blurred
 * gaussian noise (grain and texture), so it compresses like a real photograph
 * rather than like a flat colour. Carries EXIF (orientation 1, camera make).
 */
export async function makePhotoJpeg(width: number, height: number, quality = 90): Promise<Buffer> {
  const base = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const fy = y / height;
    for (let x = 0; x < width; x++) {
      const fx = x / width;
      const i = (y * width + x) * 3;
      const wave = Math.sin(fx * 9 + Math.cos(fy * 7) * 2) * Math.cos(fy * 11 - fx * 3);
      base[i] = 60 + 150 * fx + 30 * wave;
      base[i + 1] = 50 + 120 * fy + 40 * Math.sin(fx * 23) * Math.sin(fy * 17);
      base[i + 2] = 110 + 90 * wave;
    }
  }
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 45 } },
  })
    .blur(0.9)
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: noise, blend: 'overlay' }])
    .withMetadata({ orientation: 1 })
    .withExifMerge({ IFD0: { Make: 'Vitrina', Model: 'Synthetic benchmark camera', Software: 'bench/media' } })
    .jpeg({ quality })
    .toBuffer();
}

// ───────────────────────────── clean-up ─────────────────────────────

type CleanupStep = { label: string; run: () => Promise<void> | void };

/**
 * Runs registered steps in reverse order exactly once: at the end, on an
 * error, or on Ctrl-C. Child processes are also SIGKILLed on a hard exit.
 */
export class Cleanup {
  private steps: CleanupStep[] = [];
  private readonly children = new Set<ChildProcess>();
  private running: Promise<void> | undefined;

  constructor() {
    const onSignal = (signal: NodeJS.Signals) => {
      console.error(`\n${signal}: cleaning up…`);
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', () => {
      for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
  }

  add(label: string, run: () => Promise<void> | void): void {
    this.steps.push({ label, run });
  }

  child(child: ChildProcess): void {
    this.children.add(child);
  }

  /** The first call does the work; later calls (an error racing a Ctrl-C) wait for the same work. */
  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`clean-up step "${step.label}" failed: ${(error as Error).message}`);
      }
    }
  }
}

/** Stops a child politely, then firmly; resolves once it is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last lines a child printed, for error messages. */
function tailOf(child: ChildProcess, keep = 40): () => string {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > keep) lines.splice(0, lines.length - keep);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines.join('\n');
}

/**
 * The port a helper process announces with a line `READY <port>` on its stdout. Fails if it
 * exits first or, given `timeoutMs`, does not announce in time; `tail` adds its last output.
 */
export function readyPort(child: ChildProcess, name: string, options: { timeoutMs?: number; tail?: () => string } = {}): Promise<number> {
  const { timeoutMs, tail } = options;
  const lastOutput = () => (tail ? `:\n${tail()}` : '');
  return new Promise<number>((done, fail) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /READY (\d+)/.exec(seen);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`${name} exited (${code}) before it was ready${lastOutput()}`)));
    if (timeoutMs !== undefined) setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs / 1000} s${lastOutput()}`)), timeoutMs).unref();
  });
}

// ───────────────────────────── the store ─────────────────────────────

export interface Store {
  endpoint: string;
  port: number;
  pid: number;
  client: MinioClient;
}

/**
 * s3rver in its own Node process (like the embedded store of `npm start`),
 * so it neither shares an event loop with the load generator nor with the API.
 */
export async function startStore(cleanup: Cleanup, dataDir: string): Promise<Store> {
  const script = `
    const S3rver = require('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, directory: ${JSON.stringify(dataDir)}, silent: true,
      configureBuckets: [{ name: ${JSON.stringify(BUCKET)} }] });
    server.run().then((address) => process.stdout.write('READY ' + address.port + '\\n'), (error) => { console.error(error); process.exit(1); });
    const stop = () => server.close().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.stdin.on('end', stop); // the benchmark died: do not linger
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  cleanup.child(child);
  cleanup.add('stop s3rver', () => stopChild(child));
  const port = await readyPort(child, 's3rver', { timeoutMs: 20_000, tail: tailOf(child) });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new MinioClient({
    endPoint: '127.0.0.1',
    port,
    useSSL: false,
    accessKey: S3_KEY,
    secretKey: S3_KEY,
    region: 'us-east-1',
    pathStyle: true,
  });
  return { endpoint, port, pid: child.pid!, client };
}

// ───────────────────────────── the database ─────────────────────────────

export interface Database {
  name: string;
  url: string;
}

/** A fresh database on the machine's PostgreSQL, dropped again at clean-up. */
export async function createDatabase(cleanup: Cleanup, prefix: string): Promise<Database> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new PgClient({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}).\n` +
        'The benchmark needs a PostgreSQL server whose "postgres" user may create databases without a password ' +
        '(trust auth); point BENCH_PG_ADMIN_URL at another admin URL if yours differs.',
      { cause: error },
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  cleanup.add(`drop database ${name}`, async () => {
    const client = new PgClient({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

// ───────────────────────────── the API ─────────────────────────────

export interface Api {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** The API's last output lines. */
  tail: () => string;
}

/**
 * The built API (`node dist/apps/api/main.js`) as a child process, set up as
 * the API's own tests set it up (NODE_ENV=test, demo accounts seeded, demo
 * pictures not drawn), against an external store and database.
 */
export async function startApi(
  cleanup: Cleanup,
  options: { store: Store; database: Database; env?: Record<string, string>; main?: string },
): Promise<Api> {
  const main = options.main ?? API_MAIN;
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build the API first with \`npm run build\`.`);
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_PORT: String(await freePort()),
    SERVE_WEB: 'false',
    DATABASE_URL: options.database.url,
    DATABASE_POOL_SIZE: '10',
    S3_ENDPOINT: options.store.endpoint,
    S3_ACCESS_KEY: S3_KEY,
    S3_SECRET_KEY: S3_KEY,
    S3_BUCKET: BUCKET,
    SEED_DEMO: 'true',
    SEED_DEMO_MEDIA: 'false',
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
    // Benches send thousands of requests a second from one address: the read API's rate limits would measure themselves.
    RATE_LIMIT_ANONYMOUS: '1000000000',
    RATE_LIMIT_API_KEY: '1000000000',
    ...options.env,
  };
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the API spends its time.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.child(child);
  cleanup.add('stop the API', () => stopChild(child, 10_000));
  const tail = tailOf(child, 80);
  if (process.env.BENCH_API_VERBOSE) {
    child.stdout!.pipe(process.stderr);
    child.stderr!.pipe(process.stderr);
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited (${child.exitCode ?? child.signalCode}) while starting:\n${tail()}`);
    }
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`the API was not healthy within 120 s (last status ${status}):\n${tail()}`);
    await sleep(250);
  }
  return { url, port, pid: child.pid!, child, tail };
}

// ───────────────────────────── a signed-in curator ─────────────────────────────

export interface Session {
  cookie: string;
  csrfToken: string;
  /** The curator's first country (Kazakhstan for the demo curator). */
  countryId: string;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs someone in: CSRF cookie first, then the login echoing it in x-csrf-token. */
export async function signIn(
  api: Api,
  email: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string; memberships: { countryId: string; countrySlug: string }[] }> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${api.url}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader(jar), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  cookiesOf(response, jar);
  const me = (await response.json()) as { csrfToken: string; memberships: { countryId: string; countrySlug: string }[] };
  return { cookie: cookieHeader(jar), csrfToken: me.csrfToken, memberships: me.memberships };
}

/** Logs the demo curator in, in the first country they are a member of. */
export async function login(api: Api, email = DEMO_CURATOR, password = DEMO_PASSWORD): Promise<Session> {
  const { cookie, csrfToken, memberships } = await signIn(api, email, password);
  if (memberships.length === 0) throw new Error(`${email} is a member of no country`);
  return { cookie, csrfToken, countryId: memberships[0].countryId };
}

/** A JSON call as the signed-in curator; throws unless the status is the expected one. */
export async function apiJson<T>(
  api: Api,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  expect: number[] = [200, 201],
): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface HttpResult {
  status: number;
  body: string;
  seconds: number;
}

/**
 * Sends a body streamed from a readable (a file on disk) with a fixed
 * Content-Length and waits for the whole answer; times the request from the
 * first byte sent to the last byte of the answer.
 */
export function sendStream(
  url: string,
  method: 'PUT' | 'POST',
  headers: Record<string, string>,
  body: NodeJS.ReadableStream,
): Promise<HttpResult> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        }),
      );
      response.on('error', fail);
    });
    request.on('error', fail);
    body.on('error', (error) => request.destroy(error as Error));
    body.pipe(request);
  });
}

/** Uploads a file's bytes to the curator's country as the web app does. */
export function uploadUrl(api: Api, session: Session): string {
  return `${api.url}/api/studio/countries/${session.countryId}/media`;
}

export function uploadHeaders(session: Session, size: number, fileName: string): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'x-file-name': encodeURIComponent(fileName),
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
  };
}

/** Everything upload.ts and tiles.ts need, started in order and stopped in reverse. */
export async function startStack(
  cleanup: Cleanup,
  options: { dbPrefix: string; env?: Record<string, string> },
): Promise<{ tempDir: string; store: Store; database: Database; api: Api }> {
  const tempDir = makeTempDir(options.dbPrefix);
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const database = await createDatabase(cleanup, options.dbPrefix);
  const store = await startStore(cleanup, join(tempDir, 's3'));
  const api = await startApi(cleanup, { store, database, env: options.env });
  return { tempDir, store, database, api };
}

/** Runs a benchmark's main function with clean-up on every path and a 0/1 exit code. */
export function runBenchmark(main: (cleanup: Cleanup) => Promise<void>): void {
  const cleanup = new Cleanup();
  main(cleanup)
    .then(
      async () => {
        await cleanup.run();
        process.exit(0);
      },
      async (error: unknown) => {
        console.error(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await cleanup.run();
        process.exit(1);
      },
    );
}
