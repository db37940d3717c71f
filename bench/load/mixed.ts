/**
 * A mixed load at a steady arrival rate: public reads, searches, studio saves,
 * uploads and approvals against the built API, for minutes, watching errors,
 * latency and the API's memory. The run alternates slices without and with
 * the staff at work (curators saving drafts, a moderator approving), at the
 * same visitor rate, and compares the visitors' p99 between the two.
 *
 *   npm run build && npm run bench:load              # 10 minutes at 40 req/s
 *   BENCH_LOAD_MINUTES=2 npx tsx bench/load/mixed.ts
 *
 * Open loop: request n is due at start + n / rate and is sent then, whether
 * or not earlier ones have been answered (a slow API meets more requests in
 * flight, as it would in life). A start more than BENCH_LOAD_LATE_MS after
 * its due time (the generator itself fell behind) is counted as late.
 * Latency is measured from the request's actual start to the last byte.
 *
 * Env: BENCH_LOAD_MINUTES (10), BENCH_LOAD_RATE (40 req/s),
 *      BENCH_LOAD_MIX (read=70,search=15,save=8,upload=5,approve=2),
 *      BENCH_LOAD_SLICE_SECONDS (30): visitors alone, then with staff, and so on,
 *      BENCH_LOAD_REPORT_SECONDS (30), BENCH_LOAD_TIMEOUT_MS (10000),
 *      BENCH_LOAD_LATE_MS (50), BENCH_LOAD_WARMUP_SECONDS (min(60, 20 % of the run)),
 *      BENCH_LOAD_RSS_RATIO (1.2), BENCH_LOAD_IMAGE_WIDTH (1024) × BENCH_LOAD_IMAGE_HEIGHT (768),
 *      and those of bench/media/support.ts (BENCH_PG_ADMIN_URL, BENCH_API_LOG_LEVEL, …).
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import {
  type Api,
  type Cleanup,
  type Session,
  createDatabase,
  envNumber,
  fmt,
  DEMO_PASSWORD,
  login,
  makePhotoJpeg,
  makeTempDir,
  machineBusyPercent,
  median,
  printTable,
  readCpuSeconds,
  readMachineCpu,
  readRss,
  runBenchmark,
  sleep,
  startApi,
  startStore,
  verdict,
} from '../media/support';

const KINDS = ['read', 'search', 'save', 'upload', 'approve'] as const;
type Kind = (typeof KINDS)[number];
/** What visitors send. */
const VISITOR_KINDS: ReadonlySet<Kind> = new Set<Kind>(['read', 'search']);
/**
 * The staff's work compared against: drafts saved and changes approved (which drop cached
 * pages). Uploads are sent in every slice: their derivatives are made in the API process
 * here (in production a worker's), which would swamp the comparison.
 */
const STAFF_KINDS: ReadonlySet<Kind> = new Set<Kind>(['save', 'approve']);
const MODERATOR = 'moderator.kz@vitrina.test';
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
/** The visitors' p99 with the staff at work may be at most this many times their p99 alone. */
const STAFF_P99_RATIO = 1.5;
type Phase = 'alone' | 'staff';

const MINUTES = envNumber('BENCH_LOAD_MINUTES', 10);
const RATE = envNumber('BENCH_LOAD_RATE', 40);
const REPORT_SECONDS = envNumber('BENCH_LOAD_REPORT_SECONDS', 30);
const SLICE_MS = envNumber('BENCH_LOAD_SLICE_SECONDS', 30) * 1000;
const TIMEOUT_MS = envNumber('BENCH_LOAD_TIMEOUT_MS', 10_000);
const LATE_MS = envNumber('BENCH_LOAD_LATE_MS', 50);
const DURATION_MS = MINUTES * 60_000;
const WARMUP_MS = envNumber('BENCH_LOAD_WARMUP_SECONDS', Math.min(60, (0.2 * DURATION_MS) / 1000)) * 1000;
const RSS_RATIO = envNumber('BENCH_LOAD_RSS_RATIO', 1.2);
const IMAGE_WIDTH = envNumber('BENCH_LOAD_IMAGE_WIDTH', 1024);
const IMAGE_HEIGHT = envNumber('BENCH_LOAD_IMAGE_HEIGHT', 768);
const PROBE = resolve(__dirname, 'heap-probe.cjs');

function parseMix(raw: string): Record<Kind, number> {
  const mix: Record<Kind, number> = { read: 0, search: 0, save: 0, upload: 0, approve: 0 };
  for (const part of raw.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!(KINDS as readonly string[]).includes(name) || !(Number(value) >= 0)) {
      throw new Error(`BENCH_LOAD_MIX: "${part}" is not kind=weight with kind one of ${KINDS.join(', ')}`);
    }
    mix[name as Kind] = Number(value);
  }
  return mix;
}
const MIX = parseMix(process.env.BENCH_LOAD_MIX ?? 'read=70,search=15,save=8,upload=5,approve=2');

// Searches: common and rarer words of the demo content, in Russian and English, and a misspelling.
const SEARCHES = [
  'q=война&lang=ru',
  'q=память&lang=ru',
  'q=письмо&lang=ru',
  'q=госпиталь&lang=ru',
  'q=мемориал&lang=ru&type=memorial',
  'q=Алматы&lang=ru',
  'q=медаль&lang=ru&sort=date',
  'q=memorial&lang=en',
  'q=letter&lang=en',
  'q=war&lang=en&country=kazakhstan',
  'q=Панфилов&lang=ru',
  'q=Панфелов&lang=ru',
];

// ───────────────────────────── statistics ─────────────────────────────

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

class Stats {
  readonly latencies: Record<Kind, number[]> = { read: [], search: [], save: [], upload: [], approve: [] };
  /** Visitors' latencies (reads and searches) by the phase they were sent in. */
  readonly visitors: Record<Phase, number[]> = { alone: [], staff: [] };
  readonly errors = new Map<string, number>();
  readonly errorsByKind: Record<Kind, number> = { read: 0, search: 0, save: 0, upload: 0, approve: 0 };
  sent = 0;
  done = 0;
  late = 0;
  maxLagMs = 0;

  error(kind: Kind, key: string): void {
    this.errors.set(`${kind} ${key}`, (this.errors.get(`${kind} ${key}`) ?? 0) + 1);
    this.errorsByKind[kind]++;
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  errorText(): string {
    return this.errors.size === 0 ? '0' : [...this.errors].map(([key, n]) => `${key}×${n}`).join(' ');
  }
}

// ───────────────────────────── the workload ─────────────────────────────

interface Targets {
  homes: string[];
  exhibitions: string[];
  items: string[];
  memorials: string[];
}

interface BenchItem {
  id: string;
  slug: string;
  version: number;
  busy: boolean;
  /** Saved since its last approval: a submission would name a revision not yet live. */
  unpublished: boolean;
}

async function discoverTargets(api: Api): Promise<Targets> {
  const targets: Targets = { homes: [], exhibitions: [], items: [], memorials: [] };
  for (const country of ['kazakhstan', 'armenia']) {
    const response = await fetch(`${api.url}/api/public/countries/${country}/home`);
    if (response.status !== 200) throw new Error(`home of ${country} answered ${response.status}`);
    const home = (await response.json()) as {
      exhibitions: { slug: string }[];
      recentItems: { slug: string }[];
    };
    targets.homes.push(`/api/public/countries/${country}/home`);
    for (const e of home.exhibitions) targets.exhibitions.push(`/api/public/countries/${country}/exhibitions/${e.slug}`);
    for (const i of home.recentItems) targets.items.push(`/api/public/countries/${country}/items/${i.slug}`);
    // The country page's map asks for its memorials apart from the page.
    const points = await fetch(`${api.url}/api/public/countries/${country}/memorial-points`);
    if (points.status !== 200) throw new Error(`memorial points of ${country} answered ${points.status}`);
    const { items: memorials } = (await points.json()) as { items: { type: string; slug: string }[] };
    for (const m of memorials.filter((point) => point.type === 'memorial')) {
      targets.memorials.push(`/api/public/countries/${country}/memorials/${m.slug}`);
    }
  }
  for (const [name, list] of Object.entries(targets)) {
    if (list.length === 0) throw new Error(`no published ${name} in the demo content to read`);
  }
  return targets;
}

/** A JPEG made unique by a comment segment after SOI, so the API's SHA-256 de-duplication never answers from memory. */
function uniqueJpeg(base: Buffer, n: number): Buffer {
  const text = Buffer.from(`vitrina bench/load upload ${n} ${Date.now()}`);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([base.subarray(0, 2), segment, text, base.subarray(2)]);
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

function itemDocument(slug: string, n: number) {
  const now = new Date().toISOString();
  return {
    slug,
    kind: 'document',
    title: { ru: { text: `Документ нагрузки ${n}`, status: 'original' }, en: { text: `Load document ${n}`, status: 'original' } },
    description: {
      ru: { text: `Сохранено ${now}: письмо с фронта, память о войне.`, status: 'original' },
    },
    tags: [{ en: 'bench' }, { en: `n${n % 50}` }],
    rights: CC_BY,
  };
}

class Workload {
  private readonly items: BenchItem[] = [];
  private readonly etags = new Map<string, string>();
  private created = 0;
  private uploads = 0;

  constructor(
    private readonly api: Api,
    private readonly session: Session,
    private readonly moderator: Session,
    private readonly targets: Targets,
    private readonly jpeg: Buffer,
  ) {}

  /** One request of `kind`; resolves to an error key, or null when the answer was right. */
  async run(kind: Kind): Promise<string | null> {
    switch (kind) {
      case 'read':
        return this.read();
      case 'search':
        return this.search();
      case 'save':
        return this.save();
      case 'upload':
        return this.upload();
      case 'approve':
        return this.approve();
    }
  }

  private async send(path: string, init: RequestInit = {}): Promise<{ status: number; body: string; etag: string | null }> {
    const response = await fetch(`${this.api.url}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await response.text();
    return { status: response.status, body, etag: response.headers.get('etag') };
  }

  private studioHeaders(json: boolean, session: Session = this.session): Record<string, string> {
    return {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  private async read(): Promise<string | null> {
    const roll = Math.random();
    const list =
      roll < 0.25 ? this.targets.homes : roll < 0.45 ? this.targets.exhibitions : roll < 0.8 ? this.targets.items : this.targets.memorials;
    const path = `${pick(list)}?lang=${Math.random() < 0.5 ? 'ru' : 'en'}`;
    // A quarter of the reads revalidate what they saw before, as a browser or a CDN does.
    const known = this.etags.get(path);
    const headers: Record<string, string> = known && Math.random() < 0.25 ? { 'if-none-match': known } : {};
    const { status, etag } = await this.send(path, { headers });
    if (status === 200 && etag) this.etags.set(path, etag);
    return status === 200 || (status === 304 && known) ? null : String(status);
  }

  private async search(): Promise<string | null> {
    const query = pick(SEARCHES);
    const path = Math.random() < 0.2 ? `/api/public/search/suggest?q=${encodeURIComponent('пам')}` : `/api/public/search?${query}`;
    const { status } = await this.send(path);
    return status === 200 ? null : String(status);
  }

  private async save(): Promise<string | null> {
    const free = this.items.filter((item) => !item.busy);
    const base = `/api/studio/countries/${this.session.countryId}/items`;
    if (free.length === 0 || Math.random() < 0.3) {
      const n = ++this.created;
      const slug = `load-${n}-${Math.random().toString(36).slice(2, 7)}`;
      const { status, body } = await this.send(base, {
        method: 'POST',
        headers: this.studioHeaders(true),
        body: JSON.stringify(itemDocument(slug, n)),
      });
      if (status !== 201) return String(status);
      const saved = JSON.parse(body) as { id: string; version: number };
      this.items.push({ id: saved.id, slug, version: saved.version, busy: false, unpublished: true });
      return null;
    }
    // One save at a time per item, each naming the version it read: a 409 would be a real conflict.
    const item = pick(free);
    item.busy = true;
    let saved = false;
    try {
      const { status, body } = await this.send(`${base}/${item.id}`, {
        method: 'PUT',
        headers: this.studioHeaders(true),
        body: JSON.stringify({ ...itemDocument(item.slug, this.created), version: item.version }),
      });
      if (status !== 200) return String(status);
      item.version = (JSON.parse(body) as { version: number }).version;
      item.unpublished = true;
      saved = true;
      return null;
    } finally {
      item.busy = false;
      // After a failure (a timeout above all: the save may still land) its version is unknown: leave it be.
      if (!saved) this.items.splice(this.items.indexOf(item), 1);
    }
  }

  /**
   * The curator submits one of its items as last saved and the moderator approves it: a
   * change visitors see (the item's page, its country's lists), so the page cache drops those.
   */
  private async approve(): Promise<string | null> {
    const free = this.items.filter((item) => !item.busy && item.unpublished);
    if (free.length === 0) return this.save();
    const item = pick(free);
    item.busy = true;
    const country = this.session.countryId;
    let settled = false;
    try {
      const submitted = await this.send(`/api/studio/countries/${country}/items/${item.id}/submit`, {
        method: 'POST',
        headers: this.studioHeaders(true),
        body: JSON.stringify({ version: item.version }),
      });
      if (submitted.status !== 204) return `submit ${submitted.status}`;
      const approved = await this.send(`/api/review/countries/${country}/items/${item.id}/approve`, {
        method: 'POST',
        headers: this.studioHeaders(true, this.moderator),
        body: JSON.stringify({ revision: item.version }),
      });
      if (approved.status !== 204) return `approve ${approved.status}`;
      item.unpublished = false;
      settled = true;
      return null;
    } finally {
      item.busy = false;
      if (!settled) this.items.splice(this.items.indexOf(item), 1);
    }
  }

  private async upload(): Promise<string | null> {
    const bytes = uniqueJpeg(this.jpeg, ++this.uploads);
    const { status } = await this.send(`/api/studio/countries/${this.session.countryId}/media`, {
      method: 'POST',
      headers: { ...this.studioHeaders(false), 'content-type': 'application/octet-stream', 'x-file-name': `load-${this.uploads}.jpg` },
      body: new Uint8Array(bytes),
    });
    return status === 201 ? null : String(status);
  }
}

function errorKey(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  return e.cause?.code ?? e.code ?? e.name ?? 'error';
}

// ───────────────────────────── memory ─────────────────────────────

interface MemorySample {
  atMs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

function readHeap(file: string): { heapUsed: number; heapTotal: number } | null {
  try {
    const usage = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number; heapTotal: number };
    return { heapUsed: usage.heapUsed / 1024 / 1024, heapTotal: usage.heapTotal / 1024 / 1024 };
  } catch {
    return null;
  }
}

/** Median of the first and the last third of the samples taken after the warm-up. */
function thirds(samples: MemorySample[], field: 'rss' | 'heapUsed') {
  const steady = samples.filter((s) => s.atMs >= WARMUP_MS);
  const third = Math.floor(steady.length / 3);
  if (third === 0) return { first: NaN, last: NaN, ratio: NaN };
  const first = median(steady.slice(0, third).map((s) => s[field]));
  const last = median(steady.slice(steady.length - third).map((s) => s[field]));
  return { first, last, ratio: last / first };
}

// ───────────────────────────── the run ─────────────────────────────

/** The kind of the n-th request: a deterministic weighted round robin, so each window gets the same mix. */
function scheduleOfKinds(): () => Kind {
  const total = KINDS.reduce((sum, kind) => sum + MIX[kind], 0);
  if (!(total > 0)) throw new Error('BENCH_LOAD_MIX: all weights are 0');
  const credit: Record<Kind, number> = { read: 0, search: 0, save: 0, upload: 0, approve: 0 };
  return () => {
    for (const kind of KINDS) credit[kind] += MIX[kind] / total;
    const kind = KINDS.reduce((best, k) => (credit[k] > credit[best] ? k : best), KINDS[0]);
    credit[kind] -= 1;
    return kind;
  };
}

async function main(cleanup: Cleanup): Promise<void> {
  const tempDir = makeTempDir('load');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const heapFile = join(tempDir, 'heap.json');
  process.env.BENCH_API_NODE_ARGS = `${process.env.BENCH_API_NODE_ARGS ?? ''} --require ${PROBE}`.trim();

  const database = await createDatabase(cleanup, 'bench_load');
  const store = await startStore(cleanup, join(tempDir, 's3'));
  const api = await startApi(cleanup, { store, database, env: { BENCH_HEAP_FILE: heapFile } });
  const session = await login(api);
  const moderator = await login(api, MODERATOR, DEMO_PASSWORD);
  const targets = await discoverTargets(api);
  const jpeg = await makePhotoJpeg(IMAGE_WIDTH, IMAGE_HEIGHT, 85);
  const workload = new Workload(api, session, moderator, targets, jpeg);
  const idleMark = readMachineCpu();
  await sleep(3000);
  const busyBefore = machineBusyPercent(idleMark, readMachineCpu());

  console.log(
    `Mixed load: ${MINUTES} min at ${RATE} req/s (open loop), mix ${KINDS.map((k) => `${k}=${MIX[k]}`).join(' ')}, ` +
      `uploads ${IMAGE_WIDTH}×${IMAGE_HEIGHT} JPEG of ${fmt(jpeg.length / 1024, 0)} KiB, API pid ${api.pid} (RUN_JOBS_IN_API: it makes the derivatives too)`,
  );
  console.log(
    `Reads: ${targets.homes.length} homes, ${targets.exhibitions.length} exhibitions, ${targets.items.length} items, ` +
      `${targets.memorials.length} memorials; ${SEARCHES.length} searches + suggest; saves create and update the curator's items.`,
  );
  console.log(
    `Before the load the machine's ${cpus().length} CPUs were ${fmt(busyBefore, 0)} % busy (load average ${fmt(loadavg()[0], 1)}): ` +
      'other work on a shared machine slows every figure below.',
  );
  // Untimed: one of each, so the first window does not carry first-request costs alone.
  for (const kind of KINDS) {
    const failure = await workload.run(kind);
    if (failure) throw new Error(`warm-up ${kind} request failed: ${failure}`);
  }

  const total = new Stats();
  let window = new Stats();
  const memory: MemorySample[] = [];
  const kindOf = scheduleOfKinds();
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / RATE;
  const start = performance.now();
  const runMark = { api: readCpuSeconds(api.pid), machine: readMachineCpu() };
  let cpuMark = { api: readCpuSeconds(api.pid), machine: readMachineCpu(), at: start };

  const sampleMemory = () => {
    const rss = readRss(api.pid);
    const heap = readHeap(heapFile);
    if (rss && heap) memory.push({ atMs: performance.now() - start, rss: rss.rss, ...heap });
  };
  const memoryTimer = setInterval(sampleMemory, 1000);
  cleanup.add('stop memory sampling', () => clearInterval(memoryTimer));

  const header = ['elapsed', 'sent', 'done', 'in flight', 'late', 'errors', ...KINDS.map((k) => `${k} p50/p95/p99 ms`), 'API RSS MiB', 'heap MiB', 'API CPU %', 'busy %', 'load'];
  let lastReportAt = start;
  const report = () => {
    const now = performance.now();
    const mem = memory.at(-1);
    const cpu = { api: readCpuSeconds(api.pid), machine: readMachineCpu(), at: now };
    const row = [
      `${fmt((now - start) / 1000, 0)} s`,
      total.sent,
      total.done,
      inFlight.size,
      window.late,
      window.errorText(),
      ...KINDS.map((kind) => {
        const sorted = [...window.latencies[kind]].sort((a, b) => a - b);
        return sorted.length ? `${fmt(percentile(sorted, 50), 0)}/${fmt(percentile(sorted, 95), 0)}/${fmt(percentile(sorted, 99), 0)}` : '-';
      }),
      mem ? fmt(mem.rss, 0) : '?',
      mem ? `${fmt(mem.heapUsed, 0)}/${fmt(mem.heapTotal, 0)}` : '?',
      fmt((100 * (cpu.api - cpuMark.api)) / ((now - cpuMark.at) / 1000), 0),
      fmt(machineBusyPercent(cpuMark.machine, cpu.machine), 0),
      fmt(loadavg()[0], 1),
    ];
    lastReportAt = now;
    console.log(row.map(String).join('  '));
    cpuMark = cpu;
    window = new Stats();
  };
  console.log(`\nEvery ${REPORT_SECONDS} s (latencies of that window; errors of that window):`);
  console.log(header.join('  '));

  const fire = (kind: Kind, dueAt: number, phase: Phase) => {
    const started = performance.now();
    const lag = started - dueAt;
    for (const stats of [total, window]) {
      stats.sent++;
      if (lag > LATE_MS) stats.late++;
      stats.maxLagMs = Math.max(stats.maxLagMs, lag);
    }
    const job = workload
      .run(kind)
      .then(
        (failure) => failure,
        (error: unknown) => errorKey(error),
      )
      .then((failure) => {
        const ms = performance.now() - started;
        for (const stats of [total, window]) {
          stats.done++;
          if (failure) stats.error(kind, failure);
          else stats.latencies[kind].push(ms);
          if (!failure && VISITOR_KINDS.has(kind)) stats.visitors[phase].push(ms);
        }
      });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  // The scheduler: wakes often and sends every request that has come due. In every other
  // slice saves and approvals are skipped; visitors arrive at one rate throughout.
  let n = 0;
  let skipped = 0;
  let nextReport = REPORT_SECONDS * 1000;
  const count = Math.floor((DURATION_MS / 1000) * RATE);
  while (n < count) {
    const now = performance.now() - start;
    while (n < count && n * intervalMs <= now) {
      const kind = kindOf();
      const phase: Phase = Math.floor((n * intervalMs) / SLICE_MS) % 2 === 0 ? 'alone' : 'staff';
      if (phase === 'staff' || !STAFF_KINDS.has(kind)) fire(kind, start + n * intervalMs, phase);
      else skipped++;
      n++;
    }
    if (now >= nextReport) {
      report();
      nextReport += REPORT_SECONDS * 1000;
    }
    await sleep(Math.max(1, Math.min(10, n * intervalMs - (performance.now() - start))));
  }
  const sendingMs = performance.now() - start;
  await Promise.race([Promise.all([...inFlight]), sleep(TIMEOUT_MS + 1000)]);
  sampleMemory();
  clearInterval(memoryTimer);
  if (performance.now() - lastReportAt > 1000) report();

  // ── totals ──
  const errors = total.errorCount();
  const table: (string | number)[][] = [['kind', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
  for (const kind of KINDS) {
    const sorted = [...total.latencies[kind]].sort((a, b) => a - b);
    table.push([
      kind,
      sorted.length + total.errorsByKind[kind],
      total.errorsByKind[kind],
      fmt(percentile(sorted, 50), 1),
      fmt(percentile(sorted, 95), 1),
      fmt(percentile(sorted, 99), 1),
      fmt(sorted.at(-1) ?? NaN, 1),
    ]);
  }
  const visitorsAlone = [...total.visitors.alone].sort((a, b) => a - b);
  const visitorsStaff = [...total.visitors.staff].sort((a, b) => a - b);
  const p99Ratio = percentile(visitorsStaff, 99) / percentile(visitorsAlone, 99);
  printTable(`Visitors (reads and searches answered right) in slices of ${fmt(SLICE_MS / 1000, 0)} s, without and with saves and approvals`, [
    ['phase', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    ...([['alone', visitorsAlone], ['with staff', visitorsStaff]] as const).map(([name, sorted]) => [
      name,
      sorted.length,
      fmt(percentile(sorted, 50), 1),
      fmt(percentile(sorted, 95), 1),
      fmt(percentile(sorted, 99), 1),
      fmt(sorted.at(-1) ?? NaN, 1),
    ]),
  ]);
  console.log(`saves and approvals skipped in the slices without them: ${skipped}`);
  printTable(`Totals: ${total.sent} requests sent in ${fmt(sendingMs / 1000, 1)} s (${fmt(total.sent / (sendingMs / 1000), 1)} req/s), ${total.done} answered`, table);
  console.log(`errors by kind and status: ${total.errorText()}`);
  console.log(
    `API CPU over the run: ${fmt((100 * (readCpuSeconds(api.pid) - runMark.api)) / (sendingMs / 1000), 0)} % of one core; ` +
      `machine ${fmt(machineBusyPercent(runMark.machine, readMachineCpu()), 0)} % busy (all CPUs, everyone's work), load average now ${fmt(loadavg()[0], 1)}`,
  );
  console.log(`late starts (> ${LATE_MS} ms after due): ${total.late}, largest lag ${fmt(total.maxLagMs, 1)} ms; still in flight at the end: ${inFlight.size}`);

  const rss = thirds(memory, 'rss');
  const heap = thirds(memory, 'heapUsed');
  const peak = Math.max(...memory.map((s) => s.rss));
  printTable(`API memory (samples every 1 s; after a ${fmt(WARMUP_MS / 1000, 0)} s warm-up, first third vs last third, medians)`, [
    ['', 'first third MiB', 'last third MiB', 'last / first', 'peak MiB'],
    ['RSS', fmt(rss.first, 1), fmt(rss.last, 1), fmt(rss.ratio, 3), fmt(peak, 1)],
    ['heap used', fmt(heap.first, 1), fmt(heap.last, 1), fmt(heap.ratio, 3), fmt(Math.max(...memory.map((s) => s.heapUsed)), 1)],
  ]);
  printTable('Result', [
    ['goal', 'figure', 'verdict'],
    ['0 errors', String(errors), verdict(errors === 0 && inFlight.size === 0)],
    [`memory stable: RSS last / first third ≤ ${RSS_RATIO}×`, `${fmt(rss.ratio, 3)}×`, verdict(rss.ratio <= RSS_RATIO)],
    [`visitors' p99 with staff / alone ≤ ${STAFF_P99_RATIO}×`, `${fmt(p99Ratio, 2)}×`, verdict(p99Ratio <= STAFF_P99_RATIO)],
    [`steady rate: late starts ≤ 1 %`, `${fmt((100 * total.late) / Math.max(1, total.sent), 2)} %`, verdict(total.late <= total.sent / 100)],
  ]);
}

runBenchmark(main);
