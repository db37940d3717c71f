/**
 * The API's own search planner (`runSearch()` of
 * apps/api/src/modules/search/search-plan.ts) run straight against
 * PostgreSQL, for search.ts and combinations.ts: as a baseline (the same
 * statements without HTTP and Nest) and to print the plan of every statement a
 * search runs.
 */
import type { Client as PgClient, Pool as PgPool } from 'pg';
import { fmt } from '../media/support';
import { seconds } from './common';
import { type ExplainResult, explain, printPlan, walk } from './plans';

/** search-plan.ts's SqlRunner: one statement, with SET LOCAL settings in a transaction. */
export interface SqlRunner {
  query(sql: string, params: unknown[], settings?: Record<string, string | number>): Promise<Record<string, unknown>[]>;
}

interface SearchPlanModule {
  runSearch: (db: SqlRunner, query: unknown, countryIds: string[] | undefined, lang: string) => Promise<{ total: number }>;
}
export interface AppCode {
  parseQuery: (raw: Record<string, string>) => Record<string, unknown>;
  plan: SearchPlanModule;
}

/** The API's query planner and schema, loaded lazily so a change there is reported, not a crash. */
export function loadAppCode(): AppCode | string {
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

interface Statement {
  sql: string;
  params: unknown[];
  settings?: Record<string, string | number>;
}

/** A SqlRunner on a pg pool (the API runs a search's independent statements in parallel too), recording what it runs when asked. */
export function poolRunner(pool: PgPool, record?: Statement[]): SqlRunner {
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

/** The API's country ids for the slugs of a query (an unknown slug as the API makes it: an id nothing has). */
function countryIdsOf(app: AppCode, raw: Record<string, string>, countryIds: Map<string, string>): { query: Record<string, unknown>; ids: string[] | undefined } {
  const query = app.parseQuery(raw);
  const ids = (query.country as string[] | undefined)?.map((slug) => countryIds.get(slug) ?? '00000000-0000-0000-0000-000000000000');
  return { query, ids };
}

/** The search as the service runs it (runSearch), straight against PostgreSQL; its time in ms. */
export async function sqlSearch(pool: PgPool, app: AppCode, raw: Record<string, string>, countryIds: Map<string, string>): Promise<number> {
  const { query, ids } = countryIdsOf(app, raw, countryIds);
  const started = process.hrtime.bigint();
  await app.plan.runSearch(poolRunner(pool), query, ids, raw.lang ?? 'ru');
  return seconds(started) * 1000;
}

/** What a statement of search-plan.ts is, from its SQL. */
export function statementKind(sql: string): string {
  if (/websearch_to_tsquery/.test(sql)) return 'the tsquery of the words';
  if (/coalesce\(d\.year, -1\) = ANY/.test(sql)) return 'date window: the matches of some years (sort=date beyond the cap)';
  if (/WITH matches/.test(sql)) return `${/BETWEEN/.test(sql) ? 'window of the newest rows' : 'exact attempt / sample'}${/AS hits/.test(sql) ? ' with a page' : ', counts only'}`;
  if (/search_words/.test(sql)) return 'known words close to a typo';
  if (/reltuples/.test(sql)) return 'the range of sort=date keys';
  return sql.trim().split('\n')[0].slice(0, 60);
}

/** Does a search plan walk an index in date (or any) order over search_documents, or scan the table? */
export async function searchPlanFlags(db: PgClient, plan: ExplainResult, walkIntended = false): Promise<string[]> {
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

/** The nodes that read table rows (a bitmap index scan's rows are its heap scan's; CTE and subquery scans reread what was read). */
const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Tid Scan', 'Tid Range Scan']);

/** What a plan read: rows its scans produced or threw away (per loop in EXPLAIN, so × loops), the indexes it used, its buffers. */
export function planReads(plan: ExplainResult): string {
  let rows = 0;
  const indexes = new Set<string>();
  walk(plan.Plan, (node) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (!SCANS.has(node['Node Type'])) return;
    rows += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'];
  });
  const hit = plan.Plan['Shared Hit Blocks'] ?? 0;
  const read = plan.Plan['Shared Read Blocks'] ?? 0;
  return `rows touched by its scans: ${Math.round(rows)}; indexes: ${indexes.size ? [...indexes].join(', ') : 'none'}; buffers hit=${hit} read=${read}`;
}

/**
 * Runs one search with runSearch() (recording every statement), then prints
 * EXPLAIN (ANALYZE, BUFFERS) of each (the estimate itself and the id range
 * left out: the one is an EXPLAIN already, the other two index ends).
 */
export async function explainSearch(
  db: PgClient,
  pool: PgPool,
  app: AppCode,
  title: string,
  raw: Record<string, string>,
  countryIds: Map<string, string>,
): Promise<void> {
  const ran: Statement[] = [];
  const { query, ids } = countryIdsOf(app, raw, countryIds);
  const started = process.hrtime.bigint();
  await app.plan.runSearch(poolRunner(pool, ran), query, ids, raw.lang ?? 'ru');
  const shown = new URLSearchParams(raw).toString();
  console.log(`\n── search: ${title}, ${shown}: ${ran.length} statements, ${fmt(seconds(started) * 1000, 1)} ms`);
  for (const statement of ran) {
    if (/^\s*EXPLAIN/.test(statement.sql) || /min\(id\)/.test(statement.sql)) continue;
    const kind = statementKind(statement.sql);
    const plan = await explain(db, statement.sql, statement.params, statement.settings);
    printPlan(kind, plan, [planReads(plan), ...(await searchPlanFlags(db, plan, kind.startsWith('date window')))]);
  }
}
