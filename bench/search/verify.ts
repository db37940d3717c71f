/**
 * Checks the generator against the API itself, on a small database:
 *
 *   npx tsx --tsconfig bench/search/tsconfig.json bench/search/verify.ts
 *
 * 1. generates BENCH_SEARCH_VERIFY_RECORDS (3000) records into a temporary database;
 * 2. validates every generated document with the API's own zod schemas
 *    (item-, memorial- and personInputSchema from @vitrina/contracts): each must
 *    parse, and parse to itself (defaults already applied);
 * 3. moves the generator's search rows aside, empties search_documents and
 *    starts the built API, which then re-indexes every live record with its
 *    own code (SearchIndex.reindexIfEmpty); every row and every column,
 *    tsvector included, must equal the generator's;
 * 4. reads a generated item and memorial through the public API and the studio.
 * Exits 1 if anything differs. The database is dropped at the end.
 */
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { itemInputSchema, memorialInputSchema, personInputSchema } from '@vitrina/contracts';
import { type Cleanup, envNumber, makeTempDir, printTable, runBenchmark, startApi, startStore, stopChild } from '../media/support';
import { connect, loginAdmin } from './common';
import { FILTER_COMBINATION } from '../../apps/api/src/modules/search/search-query';
import { GENERATED_SLUG, generateDatabase } from './generate';

const COLUMNS = [
  'country_id', 'slug', 'kind', 'title', 'person', 'body', 'names', 'decades', 'year', 'condition', 'has_media', 'image_id', 'lat', 'lng', 'published_at', 'tsv',
  'name_keys', 'name_fuzzy_keys', 'place_keys', 'person_card',
];

async function main(cleanup: Cleanup): Promise<void> {
  const records = Math.round(envNumber('BENCH_SEARCH_VERIFY_RECORDS', 3000));
  const tempDir = makeTempDir('search-verify');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const store = await startStore(cleanup, join(tempDir, 's3'));
  const name = `bench_search_verify_${process.pid}`;
  const { database } = await generateDatabase(cleanup, { records, name, keep: false, store });
  const db = await connect(database);
  cleanup.add('close', () => db.end().catch(() => undefined));
  let failures = 0;

  // 2. Documents as the API's schemas see them.
  for (const [table, schema] of [['items', itemInputSchema], ['memorials', memorialInputSchema], ['people', personInputSchema]] as const) {
    const { rows } = await db.query<{ live_content: unknown; content: Record<string, unknown>; slug: string; kind: string }>(
      `SELECT live_content, content, slug, kind FROM ${table} WHERE slug ~ ${GENERATED_SLUG}`,
    );
    let bad = 0;
    for (const row of rows) {
      const parsed = schema.safeParse(row.live_content);
      const same = parsed.success && isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), row.live_content);
      // A person's kind column is their fate, not a document key.
      const content = table === 'people' ? { ...row.content, slug: row.slug } : { ...row.content, slug: row.slug, kind: row.kind };
      if (!same || !isDeepStrictEqual(content, row.live_content)) {
        if (bad++ < 3) console.error(`${table} ${row.slug}: ${parsed.success ? 'parses to something else, or content ≠ live_content minus slug/kind' : parsed.error.message}`);
      }
    }
    console.log(`${table}: ${rows.length - bad} of ${rows.length} generated documents valid`);
    failures += bad;
  }

  // 3. Search rows: ours against the API's own indexing.
  await db.query(`CREATE TABLE bench_search.mine AS SELECT * FROM search_documents`);
  await db.query(`CREATE TABLE bench_search.mine_words AS SELECT * FROM search_words`);
  await db.query(`CREATE TABLE bench_search.mine_counts AS SELECT ${FILTER_COMBINATION}, sum(rows) AS rows FROM search_filter_counts GROUP BY ${FILTER_COMBINATION}`);
  await db.query(`TRUNCATE search_documents, search_words`);
  const api = await startApi(cleanup, { store, database });
  const key = `record_type, record_id, person_index`;
  const { rows: diff } = await db.query<{ record_type: string; slug: string; person_index: number; side: string; columns: string[] }>(
    `SELECT coalesce(a.record_type, m.record_type) AS record_type, coalesce(a.slug, m.slug) AS slug, coalesce(a.person_index, m.person_index) AS person_index,
            CASE WHEN a.id IS NULL THEN 'only generator' WHEN m.id IS NULL THEN 'only API' ELSE 'both' END AS side,
            ARRAY[${COLUMNS.map((c) => `CASE WHEN a.${c} IS DISTINCT FROM m.${c} THEN '${c}' END`).join(', ')}] AS columns
       FROM search_documents a FULL JOIN bench_search.mine m USING (${key})
      WHERE a.id IS NULL OR m.id IS NULL OR ${COLUMNS.map((c) => `a.${c} IS DISTINCT FROM m.${c}`).join(' OR ')}`,
  );
  const [{ api: apiRows, mine }] = (
    await db.query<{ api: number; mine: number }>(`SELECT (SELECT count(*) FROM search_documents)::int AS api, (SELECT count(*) FROM bench_search.mine)::int AS mine`)
  ).rows;
  console.log(`search rows: API ${apiRows}, generator ${mine}, differing ${diff.length}`);
  const { rows: wordDiff } = await db.query<{ word: string }>(
    `(SELECT word FROM search_words EXCEPT SELECT word FROM bench_search.mine_words) UNION ALL (SELECT word FROM bench_search.mine_words EXCEPT SELECT word FROM search_words)`,
  );
  console.log(`known words of names: differing ${wordDiff.length}${wordDiff.length ? ` (e.g. ${wordDiff.slice(0, 5).map((r) => r.word).join(', ')})` : ''}`);
  failures += wordDiff.length;
  // Rows per combination of filter values: the generator's recount, the triggers' count of the API's rows, and a count of the rows themselves.
  const counted = (table: string) => `SELECT ${FILTER_COMBINATION}, sum(rows) AS rows FROM ${table} GROUP BY ${FILTER_COMBINATION} HAVING sum(rows) <> 0`;
  const actual = `SELECT ${FILTER_COMBINATION}, count(*) AS rows FROM search_documents GROUP BY ${FILTER_COMBINATION}`;
  const { rows: countDiff } = await db.query<{ differing: number }>(
    `SELECT ((SELECT count(*) FROM ((${counted('search_filter_counts')} EXCEPT ${counted('bench_search.mine_counts')}) UNION ALL (${counted('bench_search.mine_counts')} EXCEPT ${counted('search_filter_counts')})) x)
           + (SELECT count(*) FROM ((${counted('search_filter_counts')} EXCEPT ${actual}) UNION ALL (${actual} EXCEPT ${counted('search_filter_counts')})) y))::int AS differing`,
  );
  console.log(`rows per combination of filter values: differing ${countDiff[0].differing}`);
  failures += countDiff[0].differing;
  for (const row of diff.slice(0, 10)) console.error(`  ${row.record_type} ${row.slug} #${row.person_index}: ${row.side} ${row.columns.filter(Boolean).join(', ')}`);
  if (diff.length > 0) {
    const [first] = diff;
    const detail = await db.query(
      `SELECT 'API' AS side, names, body::text, tsv::text FROM search_documents WHERE slug = $1 AND person_index = $2
        UNION ALL SELECT 'generator', names, body::text, tsv::text FROM bench_search.mine WHERE slug = $1 AND person_index = $2`,
      [first.slug, first.person_index],
    );
    console.error(detail.rows);
  }
  failures += diff.length;

  // 4. The API reads generated records.
  const { rows: samples } = await db.query<{ type: string; id: string; slug: string; country_id: string; country: string }>(
    `SELECT 'items' AS type, r.id, r.slug, r.country_id, c.slug AS country FROM items r JOIN countries c ON c.id = r.country_id WHERE r.slug ~ ${GENERATED_SLUG} ORDER BY r.slug LIMIT 1`,
  );
  const { rows: memorialSamples } = await db.query<{ type: string; id: string; slug: string; country_id: string; country: string }>(
    `SELECT 'memorials' AS type, r.id, r.slug, r.country_id, c.slug AS country FROM memorials r JOIN countries c ON c.id = r.country_id
      WHERE r.slug ~ ${GENERATED_SLUG} AND EXISTS (SELECT 1 FROM people p WHERE p.live_content->'memorials' @> jsonb_build_array(jsonb_build_object('memorialId', r.id)))
      ORDER BY r.slug LIMIT 1`,
  );
  const { rows: personSamples } = await db.query<{ type: string; id: string; slug: string; country_id: string; country: string }>(
    `SELECT 'people' AS type, r.id, r.slug, r.country_id, c.slug AS country FROM people r JOIN countries c ON c.id = r.country_id WHERE r.slug ~ ${GENERATED_SLUG} ORDER BY r.slug LIMIT 1`,
  );
  const session = await loginAdmin(api);
  const reads: (string | number)[][] = [['read', 'status']];
  for (const sample of [...samples, ...memorialSamples, ...personSamples]) {
    for (const path of [
      `/api/public/countries/${sample.country}/${sample.type}/${sample.slug}`,
      `/api/studio/countries/${sample.country_id}/${sample.type}/${sample.id}`,
      `/api/studio/countries/${sample.country_id}/${sample.type}/${sample.id}/revisions`,
    ]) {
      const response = await fetch(`${api.url}${path}`, { headers: { cookie: session.cookie } });
      await response.arrayBuffer();
      reads.push([path, response.status]);
      if (response.status !== 200) failures++;
    }
  }
  printTable('The API reads generated records', reads);
  await stopChild(api.child, 10_000);

  console.log(failures === 0 ? '\nverify: the generated data is what the API would have made' : `\nverify: ${failures} problem(s)`);
  if (failures > 0) process.exitCode = 1;
}

runBenchmark(async (cleanup) => {
  await main(cleanup);
  if (process.exitCode === 1) throw new Error('the generated data differs from what the API makes');
});
