/**
 * Every filter combination a visitor can click on the search page (issue 18),
 * generated, not hand-picked: each subset of the five facets (country, type,
 * decade, condition, has media: 32) × the query (none — browsing —, a rare, a
 * medium or a common word: 4) × the sort (relevance, date: 2) = 256 lines.
 *
 * A line is BENCH_SEARCH_COMBO_REQUESTS sequential requests after one untimed
 * warm-up. The facet values come from the database (countries by their number
 * of search rows, the types, decades and conditions present, has media
 * true / false) and rotate deterministically: request k of line L takes value
 * (k + offset of L) mod count of each facet it sets, and every third request
 * ticks two values of each (the page's checkboxes are multi-select; has media
 * stays one value, as `hasMedia` takes one). Words rotate through their class.
 *
 * Every answer is checked (200, { items, total, facets }, every hit within the
 * filters, date order); a line is MET when its p95 is within its class's goal
 * and every answer was right.
 */
import type { Client as PgClient, Pool as PgPool } from 'pg';
import { type Api, fmt, machineBusyPercent, printTable, readMachineCpu, verdict } from '../media/support';
import { type AppCode, explainSearch } from './app-search';
import { p50, p95, rangeOf, timedGet } from './latency';

/** p95 goals in ms, by what is typed (issue 18): browsing lists what the filters let through, newest first. */
export const COMBO_GOALS = {
  none: 250,
  rare: 50,
  medium: 50,
  common: 250,
} as const;

export const COMBO_FACETS = ['country', 'type', 'decade', 'condition', 'hasMedia'] as const;
export type ComboFacet = (typeof COMBO_FACETS)[number];
export type QueryClass = keyof typeof COMBO_GOALS;
export const QUERY_CLASSES = Object.keys(COMBO_GOALS) as QueryClass[];
export const SORTS = ['relevance', 'date'] as const;
export type Sort = (typeof SORTS)[number];

/** Lines of the slowest table, and lines whose plans are printed. */
const SLOWEST_SHOWN = 15;
const PLANS_SHOWN = 3;
/** Problems listed at most per run (each line's are counted in its verdict all the same). */
const PROBLEMS_SHOWN = 40;

export interface ComboLine {
  index: number;
  facets: ComboFacet[];
  queryClass: QueryClass;
  sort: Sort;
}

/** The 256 lines: facet subsets in binary order, then query class, then sort. */
export function comboLines(): ComboLine[] {
  const lines: ComboLine[] = [];
  for (let mask = 0; mask < 1 << COMBO_FACETS.length; mask++) {
    const facets = COMBO_FACETS.filter((_, bit) => mask & (1 << bit));
    for (const queryClass of QUERY_CLASSES) for (const sort of SORTS) lines.push({ index: lines.length, facets, queryClass, sort });
  }
  return lines;
}

export const filtersLabel = (line: ComboLine) => (line.facets.length ? line.facets.join(' + ') : 'no filter');
export const lineLabel = (line: ComboLine) => `${line.queryClass} / ${line.sort} / ${filtersLabel(line)}`;

/** The values each facet takes, as the URL carries them. */
export type FacetValues = Record<ComboFacet, string[]>;

/** What the data holds, most rows first (one pass over search_documents per facet: seconds at a million records). */
export async function readFacetValues(db: PgClient): Promise<FacetValues> {
  const list = async (sql: string) => (await db.query<{ value: string }>(sql)).rows.map((row) => row.value);
  return {
    country: await list(`SELECT c.slug AS value FROM search_documents d JOIN countries c ON c.id = d.country_id GROUP BY c.slug ORDER BY count(*) DESC, c.slug`),
    type: await list(`SELECT record_type AS value FROM search_documents GROUP BY 1 ORDER BY count(*) DESC, 1`),
    decade: await list(`SELECT decade::text AS value FROM search_documents, unnest(decades) AS decade GROUP BY decade ORDER BY count(*) DESC, decade`),
    condition: await list(`SELECT condition AS value FROM search_documents WHERE condition IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1`),
    hasMedia: ['true', 'false'],
  };
}

export type ComboWords = Record<Exclude<QueryClass, 'none'>, string[]>;

interface ComboRequest {
  raw: Record<string, string>;
  chosen: Partial<Record<ComboFacet, string[]>>;
}

/** Request k of a line (k = the number of timed requests for its warm-up). */
export function comboRequest(line: ComboLine, k: number, values: FacetValues, words: ComboWords): ComboRequest {
  const raw: Record<string, string> = { lang: 'ru', limit: '20' };
  if (line.queryClass !== 'none') {
    const list = words[line.queryClass];
    raw.q = list[(k + line.index) % list.length];
  }
  if (line.sort === 'date') raw.sort = 'date';
  const chosen: ComboRequest['chosen'] = {};
  const two = k % 3 === 2;
  line.facets.forEach((facet, f) => {
    const list = values[facet];
    const at = k + line.index * 7 + f * 3;
    const picked = two && facet !== 'hasMedia' && list.length > 1 ? [list[at % list.length], list[(at + 1) % list.length]] : [list[at % list.length]];
    chosen[facet] = picked;
    raw[facet] = picked.join(',');
  });
  return { raw, chosen };
}

// ───────────────────────────── checking an answer ─────────────────────────────

interface Hit {
  type: string;
  id: string;
  country: string;
  condition: string | null;
  year: number | null;
}

const decadeOf = (year: number) => Math.floor(year / 10) * 10;

/**
 * What is wrong with an answer, and the hits whose decades must be looked up:
 * a row's year is its first decade's (search-text.ts), so a hit of 1938–1942
 * is rightly found in the 1940s with the year 1938.
 */
function checkAnswer(line: ComboLine, chosen: ComboRequest['chosen'], body: unknown): { problems: string[]; lookUp: Hit[] } {
  const answer = body as { items?: unknown; total?: unknown; facets?: unknown };
  if (!Array.isArray(answer.items) || typeof answer.total !== 'number' || typeof answer.facets !== 'object' || answer.facets === null) {
    return { problems: ['answer is not { items, total, facets }'], lookUp: [] };
  }
  const hits = answer.items as Hit[];
  const problems = new Set<string>();
  const lookUp: Hit[] = [];
  const decades = chosen.decade?.map(Number);
  for (const hit of hits) {
    if (chosen.type && !chosen.type.includes(hit.type)) problems.add(`hit of type ${hit.type} outside type=${chosen.type}`);
    if (chosen.country && !chosen.country.includes(hit.country)) problems.add(`hit of country ${hit.country} outside country=${chosen.country}`);
    if (chosen.condition && !chosen.condition.includes(hit.condition ?? 'null')) problems.add(`hit in condition ${hit.condition} outside condition=${chosen.condition}`);
    if (decades && hit.year !== null) {
      if (decadeOf(hit.year) > Math.max(...decades)) problems.add(`hit of ${hit.year} after decade=${chosen.decade}`);
      else if (!decades.includes(decadeOf(hit.year))) lookUp.push(hit);
    }
  }
  if (line.sort === 'date') {
    const years = hits.map((hit) => hit.year ?? -1);
    if (years.some((year, k) => k > 0 && year > years[k - 1])) problems.add('hits not in date order (newest first)');
  }
  return { problems: [...problems], lookUp };
}

/** Hits (of years before the chosen decades) whose search row spans none of them. */
async function outsideDecades(db: PgClient, hits: Hit[], decades: string[]): Promise<string[]> {
  if (hits.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT record_id::text AS id FROM search_documents WHERE record_id = ANY($1::uuid[]) AND decades && $2::int[]`,
    [hits.map((hit) => hit.id), decades.map(Number)],
  );
  const inside = new Set(rows.map((row) => row.id));
  return hits.filter((hit) => !inside.has(hit.id)).map((hit) => `hit of ${hit.year} (${hit.type}) spans no decade of decade=${decades}`);
}

// ───────────────────────────── measuring ─────────────────────────────

export interface LineResult {
  line: ComboLine;
  ms: number[];
  totals: number[];
  estimated: number;
  /** Answers that were not a 200 with a search result. */
  errors: number;
  problems: Map<string, number>;
  busy: number;
  slowest: { ms: number; raw: Record<string, string> };
}

export interface ComboRun {
  results: LineResult[];
  requests: number;
  seconds: number;
}

export const lineMet = (result: LineResult) => p95(result.ms) <= COMBO_GOALS[result.line.queryClass] && result.errors === 0 && result.problems.size === 0;

async function measureLine(api: Api, db: PgClient, line: ComboLine, requests: number, values: FacetValues, words: ComboWords): Promise<LineResult> {
  const result: LineResult = { line, ms: [], totals: [], estimated: 0, errors: 0, problems: new Map(), busy: 0, slowest: { ms: -1, raw: {} } };
  const note = (text: string) => result.problems.set(text, (result.problems.get(text) ?? 0) + 1);
  const path = (raw: Record<string, string>) => `/api/public/search?${new URLSearchParams(raw)}`;
  await timedGet(api, path(comboRequest(line, requests, values, words).raw));
  const cpu = readMachineCpu();
  for (let k = 0; k < requests; k++) {
    const { raw, chosen } = comboRequest(line, k, values, words);
    const { ms, status, body } = await timedGet(api, path(raw));
    result.ms.push(ms);
    if (ms > result.slowest.ms) result.slowest = { ms, raw };
    if (status !== 200) {
      result.errors++;
      note(`HTTP ${status}: ${body.slice(0, 120)}`);
      continue;
    }
    const answer = JSON.parse(body) as { total: number; estimated?: boolean };
    const { problems, lookUp } = checkAnswer(line, chosen, answer);
    if (problems.includes('answer is not { items, total, facets }')) result.errors++;
    else {
      result.totals.push(answer.total);
      if (answer.estimated) result.estimated++;
    }
    for (const problem of [...problems, ...(await outsideDecades(db, lookUp, chosen.decade ?? []))]) note(problem);
  }
  result.busy = machineBusyPercent(cpu, readMachineCpu());
  return result;
}

/** Measures every line in turn, printing progress every 32 lines. */
export async function measureCombinations(api: Api, db: PgClient, options: { requests: number; values: FacetValues; words: ComboWords }): Promise<ComboRun> {
  const started = process.hrtime.bigint();
  const lines = comboLines();
  const results: LineResult[] = [];
  for (const line of lines) {
    results.push(await measureLine(api, db, line, options.requests, options.values, options.words));
    if (results.length % 32 === 0) {
      const met = results.filter(lineMet).length;
      console.log(`  combinations: ${results.length} of ${lines.length} lines measured, ${met} MET (${fmt(Number(process.hrtime.bigint() - started) / 1e9, 0)} s)`);
    }
  }
  return { results, requests: options.requests, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

// ───────────────────────────── reporting ─────────────────────────────

const slowestFirst = (run: ComboRun) => [...run.results].sort((a, b) => p95(b.ms) - p95(a.ms));

/** The summary per query class × sort, the slowest lines and every problem; returns the lines MET. */
export function printCombinations(run: ComboRun, title: string): number {
  const met = run.results.filter(lineMet).length;
  const groups = QUERY_CLASSES.flatMap((queryClass) => SORTS.map((sort) => run.results.filter((r) => r.line.queryClass === queryClass && r.line.sort === sort)));
  printTable(`Filter combinations, ${title}: ${met} of ${run.results.length} lines MET (${run.requests} requests per line after 1 warm-up, ${fmt(run.seconds, 0)} s)`, [
    ['query', 'sort', 'goal p95', 'lines', 'MET', 'worst p95', 'worst line'],
    ...groups.map((group) => {
      const worst = slowestFirst({ ...run, results: group })[0];
      return [worst.line.queryClass, worst.line.sort, `≤ ${COMBO_GOALS[worst.line.queryClass]}`, group.length, group.filter(lineMet).length, fmt(p95(worst.ms), 1), filtersLabel(worst.line)];
    }),
  ]);
  printTable(`The ${SLOWEST_SHOWN} slowest lines (by p95; ms), ${title}`, [
    ['query', 'sort', 'filters', 'p50', 'p95', 'max', 'busy %', 'total hits (min–max)', 'goal p95', 'result'],
    ...slowestFirst(run)
      .slice(0, SLOWEST_SHOWN)
      .map((r) => [
        r.line.queryClass,
        r.line.sort,
        filtersLabel(r.line),
        fmt(p50(r.ms), 1),
        fmt(p95(r.ms), 1),
        fmt(Math.max(...r.ms), 1),
        fmt(r.busy, 0),
        rangeOf(r.totals) + (r.estimated ? ` est. ${r.estimated}/${r.ms.length}` : ''),
        `≤ ${COMBO_GOALS[r.line.queryClass]}`,
        verdict(lineMet(r)),
      ]),
  ]);
  const problems = run.results.flatMap((r) => [...r.problems].map(([text, count]) => `  ${lineLabel(r.line)}: ${count}× ${text}`));
  const wrong = run.results.filter((r) => r.errors > 0 || r.problems.size > 0).length;
  console.log(`answers checked: ${wrong === 0 ? 'every one right' : `${wrong} lines with wrong answers or errors (NOT MET whatever their time)`}`);
  for (const line of problems.slice(0, PROBLEMS_SHOWN)) console.log(line);
  if (problems.length > PROBLEMS_SHOWN) console.log(`  … and ${problems.length - PROBLEMS_SHOWN} more`);
  return met;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement runSearch() runs for the slowest request of each of the slowest lines. */
export async function printComboPlans(run: ComboRun, db: PgClient, pool: PgPool, app: AppCode | string, countryIds: Map<string, string>): Promise<void> {
  if (typeof app === 'string') return console.log(`plans of the slowest combinations skipped: ${app}`);
  console.log(`\nQuery plans of the ${PLANS_SHOWN} slowest filter combinations (each line's slowest request, run again by runSearch() on PostgreSQL directly)`);
  for (const [n, r] of slowestFirst(run).slice(0, PLANS_SHOWN).entries()) {
    await explainSearch(db, pool, app, `slowest combination ${n + 1}: ${lineLabel(r.line)} (p95 ${fmt(p95(r.ms), 1)} ms; this request ${fmt(r.slowest.ms, 1)} ms over HTTP)`, r.slowest.raw, countryIds);
  }
}
