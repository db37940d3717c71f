/**
 * The order search rows are stored in (issue 18). Search beyond the cap
 * ranks windows of the newest row ids first, so which rows are newest decides
 * how far a filtered search must read. The same data is measured in two orders:
 *
 * - `type`: as the generator writes them, kind by kind (memorials, then
 *   people, then items), each in generation order: the newest ids are all
 *   items, so a filter that items never pass finds nothing in the newest
 *   windows;
 * - `publication`: as a running museum has them, ids following publication
 *   (countries and kinds interleaved over ten years, each memorial's people
 *   right after it), with one country's bulk import of its memorial register
 *   (generate.ts's IMPORT_*) as one block of consecutive ids a few months
 *   before the newest rows.
 *
 * `reorderSearchRows` rewrites `search_documents` in the asked order, ids
 * given afresh from 1 (the identity restarts), and records the order in
 * `bench_search.meta`.
 */
import type { Client as PgClient } from 'pg';

export const SEARCH_ORDERS = ['type', 'publication'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export function parseOrder(value: string | undefined, fallback: SearchOrder): SearchOrder {
  if (!value) return fallback;
  if ((SEARCH_ORDERS as readonly string[]).includes(value)) return value as SearchOrder;
  throw new Error(`order must be one of ${SEARCH_ORDERS.join(', ')}, not ${value}`);
}

const ORDER_BY: Record<SearchOrder, string> = {
  type: `CASE record_type WHEN 'memorial' THEN 0 WHEN 'person' THEN 1 WHEN 'item' THEN 2 ELSE 3 END, id`,
  // A memorial's people are published with it: they follow it.
  publication: `published_at, CASE record_type WHEN 'person' THEN 1 ELSE 0 END, id`,
};

/** The order the rows are in now (`type` for a database made before orders were recorded). */
export async function currentOrder(client: PgClient): Promise<SearchOrder> {
  const { rows } = await client.query<{ value: string }>(`SELECT value FROM bench_search.meta WHERE key = 'order'`);
  return parseOrder(rows[0]?.value, 'type');
}

/**
 * Rewrites every search row in `order`. Secondary indexes are dropped and
 * made again after (faster than keeping them up to date), then the table is
 * analysed. Runs on one connection; minutes at a million records.
 */
export async function reorderSearchRows(client: PgClient, order: SearchOrder, log: (line: string) => void = console.log): Promise<void> {
  const { rows: columns } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = 'search_documents'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id' ORDER BY attnum`,
  );
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = 'search_documents'::regclass AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET synchronous_commit = off`);
  // The rows stay the same: the triggers that count them per combination of filter values (search_filter_counts) need not run.
  await client.query(`SET session_replication_role = replica`);
  log(`  reordering search rows by ${order}: copying…`);
  await client.query(`DROP TABLE IF EXISTS bench_search.reordered`);
  await client.query(`CREATE TABLE bench_search.reordered AS SELECT row_number() OVER (ORDER BY ${ORDER_BY[order]}) AS seq, ${list} FROM search_documents`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await client.query(`TRUNCATE search_documents RESTART IDENTITY`);
  log(`  writing them back in order…`);
  await client.query(`INSERT INTO search_documents (${list}) SELECT ${list} FROM bench_search.reordered ORDER BY seq`);
  await client.query(`DROP TABLE bench_search.reordered`);
  for (const index of indexes) {
    log(`  index ${index.name}…`);
    await client.query(index.def);
  }
  await client.query(`RESET session_replication_role`);
  await client.query(`VACUUM (ANALYZE) search_documents`);
  await client.query(`INSERT INTO bench_search.meta VALUES ('order', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [order]);
}
