/**
 * Search and the pages that must stay fast at a million published records.
 *
 *   npx tsx --tsconfig bench/search/tsconfig.json bench/search/search.ts
 *
 * For each scale (BENCH_SEARCH_SCALES, default 100000 and 1000000 records) it
 * generates a database with generate.ts (dropped at the end), or reuses the
 * already generated databases named in BENCH_SEARCH_DB (comma-separated; they
 * are left as they are). Then it starts the built API against it
 * (bench/media/support.ts: s3rver, the API child) and measures sequential
 * requests, BENCH_SEARCH_REQUESTS (50) per case after BENCH_SEARCH_WARMUP (10)
 * untimed ones, each request with a different word of its class where there
 * are enough (so the rare terms are not all one cached posting list):
 *
 * - GET /api/public/search?q=…&lang=ru (relevance, facets always computed)
 *   for rare place names (~N/19 000 records each), medium words (0.5–2 % of
 *   records), common words (> 20 %), a rare place sorted by date, a misspelt
 *   rare surname (trigram), and a few more without a goal of their own;
 * - GET /api/public/search/suggest?q=<first six letters of a surname>;
 * - GET /api/public/countries/:slug/home, every country in turn;
 * - GET /api/studio/countries/:countryId/items?limit=20 as the demo admin;
 * - GET /api/health as the floor (HTTP, Nest, one database round trip).
 *
 * Baselines: each search case is also run straight against PostgreSQL with
 * the SQL the API builds (buildSearchSql from
 * apps/api/src/modules/search/search-query.ts, in a transaction with the same
 * trigram threshold), so "API / SQL" tells what the application adds; every
 * case is also given as a multiple of the health check.
 * It prints p50 / p95 / max per case, MET / NOT MET per goal, and
 * EXPLAIN (ANALYZE, BUFFERS) summaries of the search SQL for a rare term
 * sorted by date, a misspelt surname and a common term (flagging a walk along
 * a date index or a sequential scan), and of the SQL behind the country page
 * and the studio list.
 *
 * Goals at 1M records: p95 ≤ 50 ms for rare and medium terms, ≤ 250 ms for
 * common terms, ≤ 100 ms for the country page and the studio list.
 */
import { rmSync } from 'node:fs';
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
import { type AdminSession, asDatabase, checkName, connect, databaseExists, loginAdmin, seconds } from './common';
import { GENERATED_SLUG, type VocabularyRow, generateDatabase, misspell, printVocabulary } from './generate';
import { type ExplainResult, explain, printPlan, walk } from './plans';
import { COMMON, MEDIUM } from './vocabulary';

// ───────────────────────────── the application's own search SQL ─────────────────────────────

/** search-plan.ts's SqlRunner: one statement, with SET LOCAL settings in a transaction. */
interface SqlRunner {
  query(sql: string, params: unknown[], settings?: Record<string, string | number>): Promise<Record<string, unknown>[]>;
}

interface SearchPlanModule {
  runSearch: (db: SqlRunner, query: unknown, countryIds: string[] | undefined, lang: string) => Promise<{ total: number }>;
}
interface AppCode {
  parseQuery: (raw: Record<string, string>) => Record<string, unknown>;
  plan: SearchPlanModule;
}

/** The API's query planner and schema, loaded lazily so a change there is reported, not a crash. */
function loadAppCode(): AppCode | string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const contracts = require('@vitrina/contracts') as { searchQuerySchema: { parse: (raw: unknown) => Record<string, unknown> } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plan = require('../../apps/api/src/modules/search/search-plan') as Partial<SearchPlanModule>;
    if (typeof plan.runSearch !== 'function') return 'apps/api/src/modules/search/search-plan.ts exports no runSearch()';
    return { parseQuery: (raw) => contracts.searchQuerySchema.parse(raw), plan: plan as SearchPlanModule };
  } catch (error) {
    const message = (error as Error).message;
    if (/@vitrina\/contracts/.test(message)) return 'cannot resolve @vitrina/contracts: run with `npx tsx --tsconfig bench/search/tsconfig.json …`';
    return `cannot load the search planner: ${message.split('\n')[0]}`;
  }
}

/** A SqlRunner on a pg pool (the API runs a search's independent statements in parallel too), recording what it runs when asked. */
function poolRunner(pool: PgPool, record?: { sql: string; params: unknown[]; settings?: Record<string, string | number> }[]): SqlRunner {
  return {
    async query(sql, params, settings) {
      record?.push({ sql, params, settings });
      const client = await pool.connect();
      try {
        if (!settings) return (await client.query(sql, params)).rows;
        await client.query('BEGIN');
        for (const [name, value] of Object.entries(settings)) await client.query(`SELECT set_config($1, $2, true)`, [name, String(value)]);
        const { rows } = await client.query(sql, params);
        await client.query('COMMIT');
        return rows;
      } catch (error) {
        if (settings) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** The search as the service runs it (search-plan.ts's runSearch), straight against PostgreSQL. */
async function sqlSearch(pool: PgPool, app: AppCode, raw: Record<string, string>, countryIds: Map<string, string>): Promise<number> {
  const query = app.parseQuery(raw);
  const ids = (query.country as string[] | undefined)?.map((slug) => countryIds.get(slug) ?? '00000000-0000-0000-0000-000000000000');
  const started = process.hrtime.bigint();
  await app.plan.runSearch(poolRunner(pool), query, ids, raw.lang ?? 'ru');
  return seconds(started) * 1000;
}

// ───────────────────────────── measuring ─────────────────────────────

interface Request {
  path: string;
  /** The same search straight against PostgreSQL, for the API / SQL ratio. */
  query?: Record<string, string>;
}

interface Case {
  id: string;
  label: string;
  goal?: { ms: number; what: string };
  auth?: boolean;
  /** The i-th timed request; warm-up requests are asked for with negative i. */
  request: (i: number) => Request;
  /** Looks at an answer (counts, hits); returns a problem or nothing. */
  inspect?: (body: unknown, request: Request) => string | void;
}

interface Measured {
  case: Case;
  ms: number[];
  sqlMs: number[];
  busy: number;
  notes: string[];
  errors: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};
const p50 = (values: number[]) => percentile(values, 50);
const p95 = (values: number[]) => percentile(values, 95);

async function timedGet(api: Api, path: string, session?: AdminSession): Promise<{ ms: number; status: number; body: string }> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${api.url}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  const body = await response.text();
  return { ms: seconds(started) * 1000, status: response.status, body };
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

// ───────────────────────────── query plans ─────────────────────────────

/** Does a search plan walk an index in date (or any) order over search_documents, or scan the table? */
async function searchPlanFlags(db: PgClient, plan: ExplainResult, walkIntended = false): Promise<string[]> {
  const { rows } = await db.query<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'search_documents'`);
  const defs = new Map(rows.map((row) => [row.name, row.def]));
  const flags: string[] = [];
  walk(plan.Plan, (node) => {
    const type = node['Node Type'];
    if (node['Relation Name'] === 'search_documents' && type === 'Seq Scan') flags.push(`FLAG: sequential scan of search_documents (${node['Actual Rows']} rows × ${node['Actual Loops']})`);
    if ((type === 'Index Scan' || type === 'Index Only Scan') && node['Relation Name'] === 'search_documents') {
      const def = defs.get(node['Index Name'] ?? '') ?? '';
      if (!node['Index Cond'] || /\b(year|published_at|decades)\b/.test(def)) {
        flags.push(`FLAG: walks index ${node['Index Name']} (${def}) in order${node['Index Cond'] ? '' : ' without an index condition'}`);
      }
    }
  });
  const dateWalk = flags.some((flag) => flag.includes('walks index'));
  if (walkIntended) return [dateWalk ? 'date-index walk over the window\'s years: yes (a common term fills a page within a few rows)' : 'date-index walk: none (the years\' matches come from the GIN index)'];
  return [dateWalk ? 'date-index walk: YES (it must not)' : 'date-index walk: none (matches come from the GIN indexes)', ...flags];
}

// ───────────────────────────── one scale ─────────────────────────────

interface ScaleResult {
  label: string;
  records: number;
  measured: Measured[];
}

interface Words {
  places: string[];
  surnames: string[];
}

async function pickWords(db: PgClient, count: number): Promise<Words> {
  // Random but repeatable picks: ordered by a hash of the word.
  const places = await db.query<{ word: string }>(
    `SELECT word FROM (SELECT DISTINCT live_content->'place'->'ru'->>'text' AS word FROM items WHERE slug ~ ${GENERATED_SLUG}) p ORDER BY md5(word) LIMIT $1`,
    [count],
  );
  const surnames = await db.query<{ word: string }>(
    `SELECT word FROM (SELECT DISTINCT split_part(person->>'name', ' ', 1) AS word FROM search_documents WHERE record_type = 'person' AND slug ~ ${GENERATED_SLUG}) s
      WHERE length(word) >= 9 AND word ~ '(ян|дзе|енко|бек|швили|уулу|заде)$' ORDER BY md5(word) LIMIT $1`,
    [count],
  );
  return { places: places.rows.map((r) => r.word), surnames: surnames.rows.map((r) => r.word) };
}

interface SearchBody {
  items: { type: string; person: { name: string } | null; year: number | null }[];
  total: number;
  estimated: boolean;
  facets: Record<string, unknown[]>;
}

function searchCases(words: Words, countries: { id: string; slug: string }[], requests: number): Case[] {
  const rotate = <T>(list: T[], i: number, offset = 0) => list[((i < 0 ? requests + -i - 1 : i) + offset) % list.length];
  const qs = (query: Record<string, string>) => new URLSearchParams({ ...query, limit: '20' }).toString();
  const search = (query: Record<string, string>): Request => ({ path: `/api/public/search?${qs(query)}`, query: { ...query, limit: '20' } });
  const totals = new Map<string, number[]>();
  const searchInspect =
    (id: string, expectHits: boolean) =>
    (body: unknown): string | void => {
      const result = body as SearchBody;
      if (!Array.isArray(result.items) || typeof result.total !== 'number' || !result.facets) return 'answer is not { items, total, facets }';
      (totals.get(id) ?? totals.set(id, []).get(id)!).push(result.total);
      if (result.estimated) (totals.get(`${id}:estimated`) ?? totals.set(`${id}:estimated`, []).get(`${id}:estimated`)!).push(1);
      if (expectHits && result.total === 0) return 'no hits';
    };
  const dateOrder =
    (id: string) =>
    (body: unknown): string | void => {
      const problem = searchInspect(id, true)(body);
      const years = (body as SearchBody).items.map((hit) => hit.year ?? -1);
      if (years.some((year, k) => k > 0 && year > years[k - 1])) return 'hits not in date order (newest first)';
      return problem;
    };
  const half = Math.floor(words.places.length / 2);
  const cases: Case[] = [
    {
      id: 'rare',
      label: 'search: rare place name (relevance)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.places.slice(0, half), i), lang: 'ru' }),
      inspect: searchInspect('rare', true),
    },
    {
      id: 'medium',
      label: 'search: medium word (relevance)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i), lang: 'ru' }),
      inspect: searchInspect('medium', true),
    },
    {
      id: 'common',
      label: 'search: common word (relevance)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i), lang: 'ru' }),
      inspect: searchInspect('common', true),
    },
    {
      id: 'rare-date',
      label: 'search: rare place name, sort=date',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.places.slice(half), i), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('rare-date'),
    },
    {
      id: 'misspelt',
      label: 'search: misspelt rare surname (trigram)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: misspell(rotate(words.surnames, i)), lang: 'ru' }),
      inspect: (body, request) => {
        const problem = searchInspect('misspelt', true)(body);
        const wanted = words.surnames.find((surname) => misspell(surname) === request.query!.q);
        const found = (body as SearchBody).items.some((hit) => hit.person?.name.startsWith(`${wanted} `));
        (totals.get('misspelt:found') ?? totals.set('misspelt:found', []).get('misspelt:found')!).push(found ? 1 : 0);
        return problem;
      },
    },
    {
      id: 'surname',
      label: 'search: rare surname, exact (extra)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.surnames, i, 7), lang: 'ru' }),
      inspect: searchInspect('surname', true),
    },
    {
      id: 'common-en',
      label: 'search: common word in English (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.en), i), lang: 'en' }),
      inspect: searchInspect('common-en', true),
    },
    {
      id: 'common-filtered',
      label: 'search: common word, country + type=memorial (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i), lang: 'ru', country: rotate(countries, i, 3).slug, type: 'memorial' }),
      inspect: searchInspect('common-filtered', false),
    },
    {
      id: 'medium-date',
      label: 'search: medium word, sort=date (extra)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i, 3), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('medium-date'),
    },
    {
      id: 'common-date',
      label: 'search: common word, sort=date (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i, 1), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('common-date'),
    },
    {
      id: 'medium-country',
      label: 'search: medium word, one country (extra; its facet counted without it)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i, 5), lang: 'ru', country: rotate(countries, i, 5).slug }),
      inspect: searchInspect('medium-country', false),
    },
    {
      id: 'suggest-short',
      label: 'suggest: first 2 letters of a surname (extra; known words by prefix)',
      request: (i) => ({ path: `/api/public/search/suggest?${new URLSearchParams({ q: rotate(words.surnames, i, 13).slice(0, 2), lang: 'ru' })}` }),
      inspect: (body) => (Array.isArray(body) ? (body.length > 0 ? undefined : 'no suggestions') : 'answer is not an array'),
    },
    {
      id: 'suggest',
      label: 'suggest: first 6 letters of a surname (extra)',
      request: (i) => ({ path: `/api/public/search/suggest?${new URLSearchParams({ q: rotate(words.surnames, i, 11).slice(0, 6), lang: 'ru' })}` }),
      inspect: (body) => (Array.isArray(body) ? undefined : 'answer is not an array'),
    },
  ];
  (cases as unknown as { totals: Map<string, number[]> }).totals = totals;
  return cases;
}

function pageCases(countries: { id: string; slug: string }[], largest: { id: string; slug: string }, requests: number): Case[] {
  const rotate = <T>(list: T[], i: number) => list[(i < 0 ? requests + -i - 1 : i) % list.length];
  const home = (body: unknown) => (typeof body === 'object' && body && 'memorials' in body ? undefined : 'answer has no memorials');
  const list = (body: unknown) => (typeof body === 'object' && body && 'items' in body && (body as { items: unknown[] }).items.length === 20 ? undefined : 'list has not 20 entries');
  return [
    { id: 'home', label: 'country page, every country in turn', goal: { ms: 100, what: 'page' }, request: (i) => ({ path: `/api/public/countries/${rotate(countries, i).slug}/home` }), inspect: home },
    { id: 'home-largest', label: `country page, largest country (${largest.slug})`, goal: { ms: 100, what: 'page' }, request: () => ({ path: `/api/public/countries/${largest.slug}/home` }), inspect: home },
    { id: 'studio', label: 'studio items list, every country in turn', goal: { ms: 100, what: 'page' }, auth: true, request: (i) => ({ path: `/api/studio/countries/${rotate(countries, i).id}/items?limit=20` }), inspect: list },
    { id: 'studio-largest', label: `studio items list, largest country (${largest.slug})`, goal: { ms: 100, what: 'page' }, auth: true, request: () => ({ path: `/api/studio/countries/${largest.id}/items?limit=20` }), inspect: list },
  ];
}

async function runScale(
  cleanup: Cleanup,
  store: Store,
  target: { name: string; label: string; records: number },
  app: AppCode | string,
  options: { requests: number; warmup: number },
): Promise<ScaleResult> {
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

  const words = await pickWords(db, Math.max(2 * (options.requests + options.warmup), 40));
  const countries = (
    await db.query<{ id: string; slug: string; records: number }>(
      `SELECT c.id, c.slug, (SELECT count(*) FROM items i WHERE i.country_id = c.id)::int + (SELECT count(*) FROM memorials m WHERE m.country_id = c.id)::int AS records
         FROM countries c ORDER BY c.slug`,
    )
  ).rows;
  const largest = [...countries].sort((a, b) => b.records - a.records)[0];
  const countryIds = new Map(countries.map((c) => [c.slug, c.id]));

  const api = await startApi(cleanup, { store, database });
  const session = await loginAdmin(api);
  const health: Case = { id: 'health', label: 'GET /api/health (floor)', request: () => ({ path: '/api/health' }) };
  const searches = searchCases(words, countries, options.requests);
  const totals = (searches as unknown as { totals: Map<string, number[]> }).totals;
  const cases = [health, ...searches, ...pageCases(countries, largest, options.requests)];
  const measured: Measured[] = [];
  for (const item of cases) {
    process.stdout.write(`  ${item.label}… `);
    const result = await measure(api, session, item, { ...options, pool, app, countryIds });
    measured.push(result);
    console.log(`p50 ${fmt(p50(result.ms), 1)} ms, p95 ${fmt(p95(result.ms), 1)} ms${result.errors ? `, ${result.errors} errors` : ''}`);
  }
  await stopChild(api.child, 10_000);

  const floor = p50(measured[0].ms);
  const range = (id: string) => {
    const values = totals.get(id);
    if (!values?.length) return '—';
    const sorted = [...values].sort((a, b) => a - b);
    return `${sorted[0]}–${sorted[sorted.length - 1]} (med ${p50(sorted)})`;
  };
  printTable(`Latency at ${target.label} (${options.requests} sequential requests per case after ${options.warmup} warm-up; ms)`, [
    ['case', 'p50', 'p95', 'max', 'SQL p50', 'API/SQL', '×health', 'busy %', 'total hits (min–max)', 'goal p95', 'result'],
    ...measured.map((m) => {
      const sql = m.sqlMs.length ? p50(m.sqlMs) : NaN;
      const goal = m.case.goal;
      return [
        m.case.label,
        fmt(p50(m.ms), 1),
        fmt(p95(m.ms), 1),
        fmt(Math.max(...m.ms), 1),
        m.sqlMs.length ? fmt(sql, 1) : '—',
        m.sqlMs.length ? `${fmt(p50(m.ms) / sql, 2)}×` : '—',
        m.case.id === 'health' ? '1.00×' : `${fmt(p50(m.ms) / floor, 1)}×`,
        fmt(m.busy, 0),
        range(m.case.id) + (totals.get(`${m.case.id}:estimated`)?.length ? ` est. ${totals.get(`${m.case.id}:estimated`)!.length}/${m.ms.length}` : ''),
        goal ? `≤ ${goal.ms}` : '—',
        goal ? verdict(p95(m.ms) <= goal.ms && m.errors === 0) : '—',
      ];
    }),
  ]);
  const found = totals.get('misspelt:found') ?? [];
  console.log(`misspelt surnames: the right person on the first page for ${found.filter(Boolean).length} of ${found.length} (e.g. ${misspell(words.surnames[0])} for ${words.surnames[0]})`);
  for (const m of measured) for (const line of m.notes) console.log(`  ${m.case.label}: ${line}`);
  if (typeof app === 'string') console.log(`SQL baselines and search plans skipped: ${app}`);

  await printPlans(db, pool, app, words, largest);
  return { label: target.label, records: counts.records, measured };
}

/** What a statement of search-plan.ts is, from its SQL. */
function statementKind(sql: string): string {
  if (/websearch_to_tsquery/.test(sql)) return 'the tsquery of the words';
  if (/coalesce\(d\.year, -1\) = ANY/.test(sql)) return 'date window: the matches of some years (sort=date beyond the cap)';
  if (/WITH matches/.test(sql)) return `${/BETWEEN/.test(sql) ? 'window of the newest rows' : 'exact attempt / sample'}${/AS hits/.test(sql) ? ' with a page' : ', counts only'}`;
  if (/search_words/.test(sql)) return 'known words close to a typo';
  return sql.trim().split('\n')[0].slice(0, 60);
}

async function printPlans(db: PgClient, pool: PgPool, app: AppCode | string, words: Words, largest: { id: string; slug: string }): Promise<void> {
  console.log('\nQuery plans (EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL directly, after the HTTP runs), every statement runSearch() ran');
  if (typeof app !== 'string') {
    const plans: [string, Record<string, string>][] = [
      ['rare place name, sort=date', { q: words.places[0], lang: 'ru', sort: 'date', limit: '20' }],
      ['misspelt surname (searched as the known words closest to it)', { q: misspell(words.surnames[0]), lang: 'ru', limit: '20' }],
      ['medium word, relevance', { q: MEDIUM[0].ru, lang: 'ru', limit: '20' }],
      ['common word, relevance', { q: COMMON[0].ru, lang: 'ru', limit: '20' }],
      ['common word, sort=date', { q: COMMON[0].ru, lang: 'ru', sort: 'date', limit: '20' }],
    ];
    for (const [title, raw] of plans) {
      const ran: { sql: string; params: unknown[]; settings?: Record<string, string | number> }[] = [];
      const started = process.hrtime.bigint();
      await app.plan.runSearch(poolRunner(pool, ran), app.parseQuery(raw), undefined, raw.lang);
      console.log(`\n── search: ${title}, q=${raw.q}: ${ran.length} statements, ${fmt(seconds(started) * 1000, 1)} ms`);
      for (const statement of ran) {
        if (/^\s*EXPLAIN/.test(statement.sql) || /min\(id\)/.test(statement.sql)) continue;
        const kind = statementKind(statement.sql);
        const plan = await explain(db, statement.sql, statement.params, statement.settings);
        printPlan(`${kind}`, plan, await searchPlanFlags(db, plan, kind.startsWith('date window')));
      }
    }
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
      'country page: map points',
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

function scaleLabel(records: number): string {
  return records >= 1_000_000 ? `${fmt(records / 1_000_000, records % 1_000_000 ? 1 : 0)}M` : `${fmt(records / 1000, 0)}k`;
}

async function main(cleanup: Cleanup): Promise<void> {
  const requests = Math.round(envNumber('BENCH_SEARCH_REQUESTS', 50));
  const warmup = Math.round(envNumber('BENCH_SEARCH_WARMUP', 10));
  const app = loadAppCode();
  if (typeof app === 'string') console.warn(`note: ${app}`);

  const tempDir = makeTempDir('search');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const store = await startStore(cleanup, join(tempDir, 's3'));

  const targets: { name: string; label: string; records: number; generatedSeconds?: number }[] = [];
  if (process.env.BENCH_SEARCH_DB) {
    for (const name of process.env.BENCH_SEARCH_DB.split(',').map((n) => checkName(n.trim())).filter(Boolean)) {
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
  } else {
    const scales = (process.env.BENCH_SEARCH_SCALES ?? '100000,1000000').split(',').map((s) => Math.round(Number(s)));
    for (const records of scales) {
      if (!Number.isFinite(records) || records < 1000) throw new Error(`BENCH_SEARCH_SCALES: ${records} is not a number of records ≥ 1000`);
      console.log(`\n── generating ${records} records ──`);
      const name = `bench_search_tmp_${process.pid}_${records}`;
      const generated = await generateDatabase(cleanup, { records, name, keep: false, store });
      targets.push({ name, label: scaleLabel(records), records, generatedSeconds: generated.seconds });
    }
  }

  const results: ScaleResult[] = [];
  for (const target of targets) results.push(await runScale(cleanup, store, target, app, { requests, warmup }));

  // Across scales: what a tenfold growth costs.
  if (results.length > 1) {
    const [first, last] = [results[0], results[results.length - 1]];
    printTable(`p95 by scale, ms (growth ${last.label} / ${first.label})`, [
      ['case', ...results.map((r) => `p50 ${r.label}`), ...results.map((r) => `p95 ${r.label}`), 'p95 growth'],
      ...first.measured.map((m, k) => [
        m.case.label,
        ...results.map((r) => fmt(p50(r.measured[k].ms), 1)),
        ...results.map((r) => fmt(p95(r.measured[k].ms), 1)),
        `${fmt(p95(last.measured[k].ms) / p95(m.ms), 1)}×`,
      ]),
    ]);
  }
  const goalScale = results.find((r) => r.records >= 1_000_000) ?? results[results.length - 1];
  printTable(`Result (goals at 1M records; judged at ${goalScale.label})`, [
    ['goal', 'p95 ms', 'result'],
    ...goalScale.measured.filter((m) => m.case.goal).map((m) => [`${m.case.label}: p95 ≤ ${m.case.goal!.ms} ms`, fmt(p95(m.ms), 1), verdict(p95(m.ms) <= m.case.goal!.ms && m.errors === 0)]),
  ]);
  for (const target of targets) if (target.generatedSeconds) console.log(`generated ${target.label} in ${fmt(target.generatedSeconds, 0)} s`);
}

runBenchmark(main);
