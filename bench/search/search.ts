/**
 * Search and the pages that must stay fast at a million published records
 * (issues 11 and 18).
 *
 *   npx tsx --tsconfig bench/search/tsconfig.json bench/search/search.ts [--quick]
 *
 * For each scale (BENCH_SEARCH_SCALES, default 100000 and 1000000 records) it
 * generates a database with generate.ts (dropped at the end), or reuses the
 * already generated databases named in BENCH_SEARCH_DB (comma-separated).
 * Each database is measured in both orders of its search rows (order.ts):
 * first in the order it is in, then rewritten in the other and measured again;
 * it is put back only with BENCH_SEARCH_RESTORE_ORDER=1. In each order it
 * starts the built API against it (bench/media/support.ts: s3rver, the API
 * child) and measures sequential requests:
 *
 * - the fixed cases of cases.ts, BENCH_SEARCH_REQUESTS (50) each after
 *   BENCH_SEARCH_WARMUP (10) untimed ones: searches with rare, medium and
 *   common words, a misspelt surname, suggest; the country page, the studio
 *   lists of items, memorials and people, the public list of people, every
 *   country in turn and the largest; GET /api/health as the floor;
 * - the 256 filter combinations of combinations.ts,
 *   BENCH_SEARCH_COMBO_REQUESTS (10) each after one warm-up.
 *
 * Baselines: each search case is also run straight against PostgreSQL by the
 * API's own planner (runSearch(), app-search.ts), so "API / SQL" tells what the
 * application adds; every case is also given as a multiple of the health check.
 * It prints p50 / p95 / max per case, MET / NOT MET per goal, the combinations
 * line by line, and EXPLAIN (ANALYZE, BUFFERS) of the search statements for a
 * few typical searches and for the three slowest combinations, and of the SQL
 * behind the country page and the studio list.
 *
 * --quick (the regression guard): 100 000 records and as many people in a
 * database kept between runs (bench_search_quick, made on the first run and
 * again when the generator's code changes), both orders, 10 requests per case
 * after 2, 2 per combination; under 3 minutes once the database exists.
 *
 * Goals at 1M records: p95 ≤ 50 ms for rare and medium terms, ≤ 250 ms for
 * common terms and browsing, ≤ 100 ms for the pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Client as PgClient, Pool as PgPool } from 'pg';
import {
  type Api,
  type Cleanup,
  type Store,
  envNumber,
  fmt,
  machineBusyPercent,
  makeTempDir,
  printTable,
  readMachineCpu,
  runBenchmark,
  startApi,
  startStore,
  stopChild,
  verdict,
} from '../media/support';
import { type AppCode, explainSearch, loadAppCode, sqlSearch } from './app-search';
import { type Case, type Country, type Words, pageCases, pickWords, readCountries, searchCases } from './cases';
import { type ComboRun, type FacetValues, comboLines, lineMet, measureCombinations, printComboPlans, printCombinations, readFacetValues } from './combinations';
import { type AdminSession, asDatabase, checkName, connect, databaseExists, dropDatabase, loginAdmin, seconds } from './common';
import { type VocabularyRow, generateDatabase, misspell, printVocabulary } from './generate';
import { p50, p95, rangeOf, timedGet } from './latency';
import { SEARCH_ORDERS, type SearchOrder, currentOrder, reorderSearchRows } from './order';
import { explain, printPlan } from './plans';
import { COMMON, MEDIUM } from './vocabulary';

// ───────────────────────────── measuring ─────────────────────────────

interface Measured {
  case: Case;
  ms: number[];
  sqlMs: number[];
  busy: number;
  notes: string[];
  errors: number;
}

async function measure(
  api: Api,
  session: AdminSession,
  item: Case,
  options: { requests: number; warmup: number; pool: PgPool; app: AppCode | string; countryIds: Map<string, string> },
): Promise<Measured> {
  const result: Measured = { case: item, ms: [], sqlMs: [], busy: 0, notes: [], errors: 0 };
  const problems = new Map<string, number>();
  const note = (text: string) => problems.set(text, (problems.get(text) ?? 0) + 1);
  for (let i = 1; i <= options.warmup; i++) await timedGet(api, item.request(-i).path, item.auth ? session : undefined);
  const cpu = readMachineCpu();
  for (let i = 0; i < options.requests; i++) {
    const request = item.request(i);
    const { ms, status, body } = await timedGet(api, request.path, item.auth ? session : undefined);
    result.ms.push(ms);
    if (status !== 200) {
      result.errors++;
      note(`HTTP ${status}: ${body.slice(0, 160)}`);
      continue;
    }
    const problem = item.inspect?.(JSON.parse(body), request);
    if (problem) note(problem);
  }
  result.busy = machineBusyPercent(cpu, readMachineCpu());
  if (typeof options.app !== 'string' && item.request(0).query) {
    for (let i = 1; i <= Math.min(options.warmup, 5); i++) await sqlSearch(options.pool, options.app, item.request(-i).query!, options.countryIds);
    for (let i = 0; i < options.requests; i++) result.sqlMs.push(await sqlSearch(options.pool, options.app, item.request(i).query!, options.countryIds));
  }
  for (const [text, count] of problems) result.notes.push(`${count}× ${text}`);
  return result;
}

// ───────────────────────────── one database, in each order ─────────────────────────────

interface Options {
  requests: number;
  warmup: number;
  comboRequests: number;
  restore: boolean;
  /** SQL baselines of the fixed cases and their plans (not in --quick). */
  baselines: boolean;
}

interface Target {
  name: string;
  label: string;
  records: number;
  /** Generated by this run (dropped at its end). */
  generatedSeconds?: number;
}

interface OrderResult {
  order: SearchOrder;
  measured: Measured[];
  combos: ComboRun;
  met: number;
}

interface DatabaseResult {
  target: Target;
  records: number;
  orders: OrderResult[];
  leftIn: SearchOrder;
}

/** What the measuring of one database reads once, whatever order its rows are in. */
interface Subject {
  target: Target;
  db: PgClient;
  pool: PgPool;
  words: Words;
  countries: Country[];
  countryIds: Map<string, string>;
  values: FacetValues;
}

/** Where the run's time went, for the table at the end (--quick must fit in 3 minutes). */
const spent: { what: string; seconds: number }[] = [];
async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await work();
  spent.push({ what, seconds: seconds(started) });
  return result;
}

async function reorder(db: PgClient, label: string, order: SearchOrder): Promise<void> {
  console.log(`\n── rewriting the search rows in ${order} order ──`);
  await timed(`${label}: rewriting the search rows in ${order} order`, () => reorderSearchRows(db, order));
  console.log(`  done in ${fmt(spent[spent.length - 1].seconds, 1)} s`);
}

async function runDatabase(cleanup: Cleanup, store: Store, target: Target, app: AppCode | string, options: Options): Promise<DatabaseResult> {
  const database = asDatabase(target.name);
  const db = await connect(database);
  cleanup.add(`close connection to ${target.name}`, () => db.end().catch(() => undefined));
  const pool = new PgPool({ connectionString: database.url, max: 4 });
  cleanup.add(`close the pool of ${target.name}`, () => pool.end().catch(() => undefined));
  const counts = (
    await db.query<{ records: number; docs: number; people: number }>(
      `SELECT (SELECT count(*) FROM items)::int + (SELECT count(*) FROM memorials)::int AS records, (SELECT count(*) FROM search_documents)::int AS docs,
              (SELECT count(*) FROM search_documents WHERE record_type = 'person')::int AS people`,
    )
  ).rows[0];
  const vocabulary = (await db.query<VocabularyRow>(`SELECT * FROM bench_search.vocabulary`)).rows;
  console.log(`\n══════ ${target.label}: database ${target.name}, ${counts.records} records, ${counts.people} people, ${counts.docs} search rows ══════`);
  printVocabulary(vocabulary, counts.records, counts.docs);
  // Whether a search's rows are read from PostgreSQL's own buffers or from the OS: figures differ by that (bench/README.md, issue 18).
  const server = (await db.query<{ version: string; buffers: string; cache: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers, current_setting('effective_cache_size') AS cache`,
  )).rows[0];
  console.log(`PostgreSQL ${server.version}: shared_buffers ${server.buffers}, effective_cache_size ${server.cache}`);

  const countries = await readCountries(db);
  const subject: Subject = {
    target,
    db,
    pool,
    words: await pickWords(db, Math.max(2 * (options.requests + options.warmup), 40)),
    countries,
    countryIds: new Map(countries.map((c) => [c.slug, c.id])),
    values: await timed(`${target.label}: reading the facet values`, () => readFacetValues(db)),
  };
  console.log(`facet values of the combinations: ${Object.entries(subject.values).map(([facet, values]) => `${facet} ${values.length} (${values.slice(0, 4).join(', ')}${values.length > 4 ? ', …' : ''})`).join('; ')}`);

  const original = await currentOrder(db);
  const orders: OrderResult[] = [];
  for (const order of [original, ...SEARCH_ORDERS.filter((o) => o !== original)]) {
    if ((await currentOrder(db)) !== order) await reorder(db, target.label, order);
    orders.push(await runOrder(cleanup, store, subject, order, app, options));
  }
  if (options.restore && !target.generatedSeconds && (await currentOrder(db)) !== original) await reorder(db, target.label, original);
  const leftIn = await currentOrder(db);
  console.log(`\ndatabase ${target.name}: search rows left in ${leftIn} order${leftIn === original ? '' : ` (it was in ${original} order; BENCH_SEARCH_RESTORE_ORDER=1 puts it back)`}`);
  return { target, records: counts.records, orders, leftIn };
}

async function runOrder(cleanup: Cleanup, store: Store, subject: Subject, order: SearchOrder, app: AppCode | string, options: Options): Promise<OrderResult> {
  const { target, db, pool, words, countries, countryIds } = subject;
  const title = `${target.label}, ${order} order`;
  console.log(`\n────── ${title}: measuring ──────`);
  const api = await timed(`${title}: starting the API`, () => startApi(cleanup, { store, database: asDatabase(target.name) }));
  const session = await loginAdmin(api);
  const health: Case = { id: 'health', label: 'GET /api/health (floor)', request: () => ({ path: '/api/health' }) };
  const searches = searchCases(words, countries, options.requests);
  const totals = (searches as unknown as { totals: Map<string, number[]> }).totals;
  const measured = await timed(`${title}: the fixed cases${options.baselines ? ' (and their SQL baselines)' : ''}`, async () => {
    const done: Measured[] = [];
    for (const item of [health, ...searches, ...pageCases(countries, options.requests)]) {
      process.stdout.write(`  ${item.label}… `);
      const result = await measure(api, session, item, { ...options, pool, app: options.baselines ? app : 'skipped', countryIds });
      done.push(result);
      console.log(`p50 ${fmt(p50(result.ms), 1)} ms, p95 ${fmt(p95(result.ms), 1)} ms${result.errors ? `, ${result.errors} errors` : ''}`);
    }
    return done;
  });
  const combos = await timed(`${title}: the ${comboLines().length} filter combinations`, () =>
    measureCombinations(api, db, {
      requests: options.comboRequests,
      values: subject.values,
      words: { rare: words.places, medium: MEDIUM.map((w) => w.ru), common: COMMON.map((w) => w.ru) },
    }),
  );
  await stopChild(api.child, 10_000);

  printLatency(title, measured, totals, options);
  const found = totals.get('misspelt:found') ?? [];
  console.log(`misspelt surnames: the right person on the first page for ${found.filter(Boolean).length} of ${found.length} (e.g. ${misspell(words.surnames[0])} for ${words.surnames[0]})`);
  for (const m of measured) for (const line of m.notes) console.log(`  ${m.case.label}: ${line}`);
  if (typeof app === 'string') console.log(`SQL baselines and search plans skipped: ${app}`);
  else if (!options.baselines) console.log('SQL baselines and the plans of the fixed cases skipped (--quick)');
  const met = printCombinations(combos, title);

  await timed(`${title}: query plans`, async () => {
    if (options.baselines) await printPlans(db, pool, app, words, [...countries].sort((a, b) => b.items + b.memorials - (a.items + a.memorials))[0]);
    await printComboPlans(combos, db, pool, app, countryIds);
  });
  return { order, measured, combos, met };
}

function printLatency(title: string, measured: Measured[], totals: Map<string, number[]>, options: Options): void {
  const floor = p50(measured[0].ms);
  printTable(`Latency at ${title} (${options.requests} sequential requests per case after ${options.warmup} warm-up; ms)`, [
    ['case', 'p50', 'p95', 'max', 'SQL p50', 'API/SQL', '×health', 'busy %', 'total hits (min–max)', 'goal p95', 'result'],
    ...measured.map((m) => {
      const sql = m.sqlMs.length ? p50(m.sqlMs) : NaN;
      const goal = m.case.goal;
      const estimated = totals.get(`${m.case.id}:estimated`)?.length;
      return [
        m.case.label,
        fmt(p50(m.ms), 1),
        fmt(p95(m.ms), 1),
        fmt(Math.max(...m.ms), 1),
        m.sqlMs.length ? fmt(sql, 1) : '—',
        m.sqlMs.length ? `${fmt(p50(m.ms) / sql, 2)}×` : '—',
        m.case.id === 'health' ? '1.00×' : `${fmt(p50(m.ms) / floor, 1)}×`,
        fmt(m.busy, 0),
        rangeOf(totals.get(m.case.id)) + (estimated ? ` est. ${estimated}/${m.ms.length}` : ''),
        goal ? `≤ ${goal.ms}` : '—',
        goal ? verdict(caseMet(m)) : '—',
      ];
    }),
  ]);
}

const caseMet = (m: Measured) => p95(m.ms) <= m.case.goal!.ms && m.errors === 0;

// ───────────────────────────── query plans of the fixed cases ─────────────────────────────

async function printPlans(db: PgClient, pool: PgPool, app: AppCode | string, words: Words, largest: Country): Promise<void> {
  console.log('\nQuery plans (EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL directly, after the HTTP runs), every statement runSearch() ran');
  if (typeof app !== 'string') {
    const plans: [string, Record<string, string>][] = [
      ['rare place name, sort=date', { q: words.places[0], lang: 'ru', sort: 'date', limit: '20' }],
      ['misspelt surname (searched as the known words closest to it)', { q: misspell(words.surnames[0]), lang: 'ru', limit: '20' }],
      ['medium word, relevance', { q: MEDIUM[0].ru, lang: 'ru', limit: '20' }],
      ['common word, relevance', { q: COMMON[0].ru, lang: 'ru', limit: '20' }],
      ['common word, sort=date', { q: COMMON[0].ru, lang: 'ru', sort: 'date', limit: '20' }],
    ];
    for (const [title, raw] of plans) await explainSearch(db, pool, app, title, raw, new Map());
    const started = process.hrtime.bigint();
    const runs = 10;
    for (let i = 0; i < runs; i++) {
      const { sql, params } = { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.tsv @@ (websearch_to_tsquery('russian', $1) || websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1))`, params: [COMMON[i % COMMON.length].ru] };
      await db.query(sql, params);
    }
    console.log(`\nestimate SQL (EXPLAIN of the match, run first by every search): ${fmt((seconds(started) * 1000) / runs, 1)} ms per call`);
  }
  // What the country page and the studio list ask (recent items and the studio list as
  // TypeORM builds them from LiveRecords.list() and ContentStore.list(): every column).
  const equivalents: [string, string][] = [
    ['country page: recent items', `SELECT * FROM items WHERE country_id = $1 AND live_revision IS NOT NULL ORDER BY published_at DESC, id ASC LIMIT 12`],
    // As LiveRecords.memorialPoints() asks: the point's fields picked out of the live document.
    [
      'country map points (memorial-points)',
      `SELECT m.id, m.live_slug AS slug, m.live_content->>'kind' AS kind, m.live_content->'title' AS title,
              (m.live_content->'location'->>'lat')::float8 AS lat, (m.live_content->'location'->>'lng')::float8 AS lng,
              CASE WHEN m.version = m.live_revision THEN m.condition
                   ELSE (SELECT s->>'condition' FROM jsonb_array_elements(m.live_content->'conditionSurveys') AS s ORDER BY s->>'date' DESC LIMIT 1) END AS condition
         FROM memorials m WHERE m.country_id = $1 AND m.live_revision IS NOT NULL AND m.live_slug IS NOT NULL ORDER BY m.live_slug LIMIT 5000`,
    ],
    ['studio list: page', `SELECT * FROM items record WHERE record.country_id = $1 ORDER BY record.updated_at DESC, record.id ASC LIMIT 20`],
    ['studio list: count (getManyAndCount)', `SELECT COUNT(DISTINCT(record.id)) AS cnt FROM items record WHERE record.country_id = $1`],
  ];
  for (const [title, sql] of equivalents) {
    const plan = await explain(db, sql, [largest.id]);
    const started = process.hrtime.bigint();
    const { rows } = await db.query(sql, [largest.id]);
    const fetchMs = seconds(started) * 1000;
    const bytes = rows.reduce((sum: number, row: Record<string, unknown>) => sum + JSON.stringify(row).length, 0);
    printPlan(`${title} (${largest.slug}); fetched by a pg client in ${fmt(fetchMs, 1)} ms, ${rows.length} rows, ${fmt(bytes / 1024 / 1024, 1)} MiB as JSON`, plan);
  }
}

// ───────────────────────────── main ─────────────────────────────

/**
 * --quick: the regression guard (issue 18), under 3 minutes on the 2-core
 * bench machine. Its database is kept between runs (BENCH_SEARCH_QUICK_DB)
 * and made again only when the generator's code changed: generating it
 * takes longer than measuring it.
 */
const QUICK = { records: 100_000, people: 100_000, requests: 10, warmup: 2, comboRequests: 2, budgetSeconds: 180 };
const QUICK_DB = process.env.BENCH_SEARCH_QUICK_DB ?? 'bench_search_quick';
/** The code that decides what the generated data is: a change to it makes the kept --quick database stale. */
const GENERATOR_FILES = ['generate.ts', 'people-generate.ts', 'vocabulary.ts'];

function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(readFileSync(join(__dirname, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The kept --quick database, made (again) when it is missing or was made by other generator code. */
async function quickTarget(cleanup: Cleanup, store: Store): Promise<Target> {
  const name = checkName(QUICK_DB);
  const fingerprint = generatorFingerprint();
  if (await databaseExists(name)) {
    const db = await connect(asDatabase(name));
    const made = await db.query<{ value: string }>(`SELECT value FROM bench_search.meta WHERE key = 'generator'`).catch(() => ({ rows: [] as { value: string }[] }));
    await db.end();
    if (made.rows[0]?.value === fingerprint) {
      console.log(`--quick: reusing ${name} (generator ${fingerprint})`);
      return { name, label: scaleLabel(QUICK.records), records: QUICK.records };
    }
    console.log(`--quick: ${name} was made by other generator code: making it again`);
    await dropDatabase(name);
  }
  const generated = await timed(`${scaleLabel(QUICK.records)}: generating the kept --quick database (first run only)`, () =>
    generateDatabase(cleanup, { records: QUICK.records, people: QUICK.people, name, keep: true, store, order: 'type' }),
  );
  const db = await connect(asDatabase(name));
  await db.query(`INSERT INTO bench_search.meta VALUES ('generator', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [fingerprint]);
  await db.end();
  return { name, label: scaleLabel(QUICK.records), records: QUICK.records, generatedSeconds: generated.seconds };
}

function scaleLabel(records: number): string {
  return records >= 1_000_000 ? `${fmt(records / 1_000_000, records % 1_000_000 ? 1 : 0)}M` : `${fmt(records / 1000, 0)}k`;
}

function parseArgs(): { quick: boolean } {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(' ')}: the only one is --quick`);
  return { quick: args.includes('--quick') };
}

/** The databases named in BENCH_SEARCH_DB, as they are. */
async function namedTargets(names: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const name of names.split(',').map((n) => checkName(n.trim())).filter(Boolean)) {
    if (!(await databaseExists(name))) throw new Error(`database ${name} does not exist: make it with bench/search/generate.ts`);
    const db = await connect(asDatabase(name));
    try {
      const meta = await db.query<{ value: string }>(`SELECT value FROM bench_search.meta WHERE key = 'records'`).catch(() => {
        throw new Error(`database ${name} was not made by bench/search/generate.ts (no bench_search.meta)`);
      });
      const records = Number(meta.rows[0].value);
      targets.push({ name, label: scaleLabel(records), records });
    } finally {
      await db.end();
    }
  }
  return targets;
}

/** Temporary databases of these scales (people: `people` or twice the records), in type order. */
async function generatedTargets(cleanup: Cleanup, store: Store, scales: { records: number; people?: number }[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const { records, people } of scales) {
    if (!Number.isFinite(records) || records < 1000) throw new Error(`BENCH_SEARCH_SCALES: ${records} is not a number of records ≥ 1000`);
    console.log(`\n── generating ${records} records ──`);
    const name = `bench_search_tmp_${process.pid}_${records}`;
    const generated = await timed(`${scaleLabel(records)}: generating the database`, () => generateDatabase(cleanup, { records, people, name, keep: false, store, order: 'type' }));
    targets.push({ name, label: scaleLabel(records), records, generatedSeconds: generated.seconds });
  }
  return targets;
}

async function main(cleanup: Cleanup): Promise<void> {
  const started = process.hrtime.bigint();
  const { quick } = parseArgs();
  const options: Options = {
    requests: Math.round(envNumber('BENCH_SEARCH_REQUESTS', quick ? QUICK.requests : 50)),
    warmup: Math.round(envNumber('BENCH_SEARCH_WARMUP', quick ? QUICK.warmup : 10)),
    comboRequests: Math.round(envNumber('BENCH_SEARCH_COMBO_REQUESTS', quick ? QUICK.comboRequests : 10)),
    restore: process.env.BENCH_SEARCH_RESTORE_ORDER === '1',
    baselines: !quick,
  };
  const app = loadAppCode();
  if (typeof app === 'string') console.warn(`note: ${app}`);

  const tempDir = makeTempDir('search');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const store = await startStore(cleanup, join(tempDir, 's3'));

  let targets: Target[];
  if (quick) {
    if (process.env.BENCH_SEARCH_DB || process.env.BENCH_SEARCH_SCALES) console.log('--quick: BENCH_SEARCH_DB and BENCH_SEARCH_SCALES are ignored');
    targets = [await quickTarget(cleanup, store)];
  } else if (process.env.BENCH_SEARCH_DB) {
    targets = await namedTargets(process.env.BENCH_SEARCH_DB);
  } else {
    targets = await generatedTargets(cleanup, store, (process.env.BENCH_SEARCH_SCALES ?? '100000,1000000').split(',').map((s) => ({ records: Math.round(Number(s)) })));
  }

  const results: DatabaseResult[] = [];
  for (const target of targets) results.push(await runDatabase(cleanup, store, target, app, options));
  if (results.length > 1) printGrowth(results);
  printResult(results);
  for (const r of results) {
    const made = r.target.generatedSeconds ? `generated in ${fmt(r.target.generatedSeconds, 0)} s, ` : '';
    console.log(`${r.target.name}: ${made}${quick || !r.target.generatedSeconds ? `kept, left in ${r.leftIn} order` : 'dropped at the end'}`);
  }
  const elapsed = seconds(started);
  printTable('Time spent (s)', [['what', 'seconds'], ...spent.map((s) => [s.what, fmt(s.seconds, 1)]), ['everything', fmt(elapsed, 1)]]);
  // The first --quick run also makes its kept database: the budget is for the runs after it.
  const measuring = elapsed - results.reduce((sum, r) => sum + (r.target.generatedSeconds ?? 0), 0);
  const budget = quick ? ` (--quick must take under ${QUICK.budgetSeconds} s once its database exists: ${fmt(measuring, 0)} s without generating, ${measuring < QUICK.budgetSeconds ? 'it did' : 'it did NOT'})` : '';
  console.log(`\nelapsed: ${fmt(elapsed, 0)} s${budget}`);
}

/** Across scales: what a tenfold growth costs, order by order. */
function printGrowth(results: DatabaseResult[]): void {
  const [first, last] = [results[0], results[results.length - 1]];
  const rows: (string | number)[][] = [];
  for (const order of SEARCH_ORDERS) {
    const of = (r: DatabaseResult) => r.orders.find((o) => o.order === order)?.measured;
    const firstMeasured = of(first);
    if (!firstMeasured || results.some((r) => !of(r))) continue;
    firstMeasured.forEach((m, k) =>
      rows.push([
        m.case.label,
        order,
        ...results.map((r) => fmt(p50(of(r)![k].ms), 1)),
        ...results.map((r) => fmt(p95(of(r)![k].ms), 1)),
        `${fmt(p95(of(last)![k].ms) / p95(m.ms), 1)}×`,
      ]),
    );
  }
  printTable(`p95 by scale, ms (growth ${last.target.label} / ${first.target.label})`, [
    ['case', 'order', ...results.map((r) => `p50 ${r.target.label}`), ...results.map((r) => `p95 ${r.target.label}`), 'p95 growth'],
    ...rows,
  ]);
}

/** Every goal in each order, and the combinations line by line, at the largest scale (1M if measured). */
function printResult(results: DatabaseResult[]): void {
  const judged = results.find((r) => r.records >= 1_000_000) ?? results[results.length - 1];
  const goals = judged.orders[0].measured.filter((m) => m.case.goal);
  printTable(`Result (goals at 1M records; judged at ${judged.target.label})`, [
    ['goal', 'order', 'p95 ms', 'result'],
    ...goals.flatMap((g) =>
      judged.orders.map((o) => {
        const m = o.measured.find((x) => x.case.id === g.case.id)!;
        return [`${m.case.label}: p95 ≤ ${m.case.goal!.ms} ms`, o.order, fmt(p95(m.ms), 1), verdict(caseMet(m))];
      }),
    ),
    ...judged.orders.map((o) => {
      const worst = Math.max(...o.combos.results.map((r) => p95(r.ms)));
      return [`combinations: ${o.met} of ${o.combos.results.length} lines MET (each by its own goal)`, o.order, `worst ${fmt(worst, 1)}`, verdict(o.combos.results.every(lineMet))];
    }),
  ]);
}

runBenchmark(main);
