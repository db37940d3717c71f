/**
 * The people migration (issue 14) on a database of BENCH_MIGRATION_NAMES
 * names embedded in memorials: its time and its peak memory.
 *
 *   npm run bench:people:migration
 *
 * Makes a database `bench_people_migration_<random>`, runs the API's
 * migrations up to the one before People1764260000000 (as the API's migration
 * specs do, apps/api/test/support/migrations-through.ts), fills twelve
 * countries and memorials carrying their names the old way
 * (`people: [{ name, variants, birthYear, deathYear, rank, unit }]` in the
 * draft and the live document and in their revisions): ten names per
 * memorial, and in one memorial of ten a draft with an eleventh name not yet
 * live (a draft-only person). Then it runs People1764260000000 alone, in this
 * process, while sampling every BENCH_MIGRATION_SAMPLE_MS ms this Node
 * process's RSS and heap and the RSS of every PostgreSQL backend of the
 * database (/proc/<pid>/status: VmRSS, RssAnon, VmHWM), and prints the time,
 * the peaks and the row counts before and after. The database is dropped at
 * the end (BENCH_MIGRATION_KEEP=1 keeps it).
 *
 * Env: BENCH_MIGRATION_NAMES (1 000 000), BENCH_MIGRATION_SAMPLE_MS (200),
 * BENCH_MIGRATION_KEEP, BENCH_PG_ADMIN_URL.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/infra/database/data-source-options';
import { runMigrations } from '../../apps/api/src/infra/database/run-migrations';
import { runMigrationsThrough, undoThrough } from '../../apps/api/test/support/migrations-through';
import { type Cleanup, envNumber, fmt, printTable, runBenchmark } from '../media/support';
import { asDatabase, dropDatabase, seconds, textArray, withAdmin } from './common';
import { COMMON_SURNAMES, GIVEN_NAMES, PATRONYMICS, SURNAME_MIDDLES, SURNAME_ROOTS } from './vocabulary';

const BEFORE = 'LocalizedLabels1764250000000';
const MIGRATION = 'People1764260000000';
const NAMES_PER_MEMORIAL = 10;
const CHUNK = 10_000;
const COUNTRIES: [string, string][] = [
  ['russia', 'ru'], ['ukraine', 'uk'], ['belarus', 'be'], ['kazakhstan', 'kk'], ['kyrgyzstan', 'ky'], ['uzbekistan', 'uz'],
  ['armenia', 'hy'], ['georgia', 'ka'], ['moldova', 'ro'], ['tajikistan', 'tg'], ['turkmenistan', 'tk'], ['azerbaijan', 'az'],
];

const h = (key: string, salt: number) => `(hashint8extended(${key}, ${salt}) & 2147483647)`;
const pick = (values: readonly string[], key: string, salt: number) => `(${textArray(values)})[1 + ${h(key, salt)} % ${values.length}]`;

/** One name row of the old shape for person key `k` (all fields, as curators filled them). */
function nameRow(k: string): string {
  const surname = `CASE WHEN ${h(k, 1)} % 10 = 0 THEN ${pick(COMMON_SURNAMES, k, 2)} ELSE ${pick(SURNAME_ROOTS, k, 3)} || ${pick(SURNAME_MIDDLES, k, 4)} || 'ов' END`;
  const name = `${surname} || ' ' || ${pick(GIVEN_NAMES, k, 5)} || CASE WHEN ${h(k, 6)} % 10 < 6 THEN ' ' || ${pick(PATRONYMICS, k, 7)} ELSE '' END`;
  return `jsonb_build_object('name', ${name}, 'variants', jsonb_build_array('Variant ' || ${k}::text), 'birthYear', 1880 + ${h(k, 8)} % 46,
            'deathYear', 1941 + ${h(k, 9)} % 5, 'rank', jsonb_build_object('ru', 'рядовой', 'en', 'private'), 'unit', (100 + ${h(k, 10)} % 300)::text || ' сд')`;
}

/** Memorials from…to: the live list of ten names; one in ten has a draft (version 2) with an eleventh. */
function memorialsSql(from: number, to: number): string {
  return `
WITH src AS (
  SELECT g.i, c.id AS country_id, g.i % 10 = 0 AS drafted,
         (SELECT jsonb_agg(${nameRow(`(g.i * 16 + q.k)`)} ORDER BY q.k) FROM generate_series(1, ${NAMES_PER_MEMORIAL}) AS q(k)) AS live
    FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i)
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM countries) c ON c.n = g.i % ${COUNTRIES.length}
), docs AS (
  SELECT s.*, 'memorial-n' || s.i AS slug,
         jsonb_build_object('title', jsonb_build_object('ru', jsonb_build_object('text', 'Мемориал ' || s.i, 'status', 'original')), 'tags', '[]'::jsonb,
                            'media', '[]'::jsonb, 'location', jsonb_build_object('lat', 43.2, 'lng', 76.9)) AS base,
         CASE WHEN s.drafted THEN s.live || jsonb_build_array(${nameRow(`(s.i * 16 + 15)`)}) ELSE s.live END AS draft
    FROM src s
), m AS (
  INSERT INTO memorials (country_id, slug, kind, status, version, content, live_content, live_revision, live_slug, published_at, lat, lng)
  SELECT d.country_id, d.slug, 'obelisk', CASE WHEN d.drafted THEN 'draft' ELSE 'published' END, CASE WHEN d.drafted THEN 2 ELSE 1 END,
         d.base || jsonb_build_object('people', d.draft), d.base || jsonb_build_object('people', d.live, 'slug', d.slug, 'kind', 'obelisk'),
         1, d.slug, timestamptz '2025-05-09 10:00:00+00', 43.2, 76.9
    FROM docs d
  RETURNING id, country_id, slug, version, content, live_content
)
INSERT INTO content_revisions (record_type, record_id, country_id, number, content)
SELECT 'memorial', m.id, m.country_id, 1, m.live_content FROM m
UNION ALL
SELECT 'memorial', m.id, m.country_id, 2, m.content || jsonb_build_object('slug', m.slug, 'kind', 'obelisk') FROM m WHERE m.version = 2`;
}

const COUNTS = `SELECT (SELECT count(*) FROM memorials)::bigint AS memorials,
  (SELECT coalesce(sum(jsonb_array_length(content->'people')), 0) FROM memorials WHERE jsonb_typeof(content->'people') = 'array')::bigint AS draft_names,
  (SELECT coalesce(sum(jsonb_array_length(live_content->'people')), 0) FROM memorials WHERE jsonb_typeof(live_content->'people') = 'array')::bigint AS live_names,
  (SELECT count(*) FROM content_revisions WHERE record_type = 'memorial')::bigint AS memorial_revisions,
  (SELECT count(*) FROM content_revisions WHERE record_type = 'memorial' AND content ? 'people')::bigint AS revisions_with_names,
  (SELECT count(*) FROM content_revisions WHERE record_type = 'person')::bigint AS person_revisions,
  pg_size_pretty(pg_database_size(current_database())) AS size`;

interface Memory {
  vmRss: number;
  rssAnon: number;
  vmHwm: number;
}

/** kB figures of /proc/<pid>/status (null once the process is gone). */
function procMemory(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { vmRss: kb('VmRSS'), rssAnon: kb('RssAnon'), vmHwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

const mb = (kb: number) => fmt(kb / 1024, 1);

async function main(cleanup: Cleanup): Promise<void> {
  const names = Math.round(envNumber('BENCH_MIGRATION_NAMES', 1_000_000));
  const sampleMs = envNumber('BENCH_MIGRATION_SAMPLE_MS', 200);
  const memorials = Math.max(1, Math.round(names / (NAMES_PER_MEMORIAL + 0.1)));
  const name = `bench_people_migration_${randomBytes(4).toString('hex')}`;
  const database = asDatabase(name);
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  cleanup.add(`drop database ${name}`, async () => {
    if (process.env.BENCH_MIGRATION_KEEP !== '1') await dropDatabase(name);
  });
  console.log(`database ${name}: ${memorials} memorials, ${NAMES_PER_MEMORIAL} live names each, one in ten with an eleventh in its draft`);

  const dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
  cleanup.add('close the data source', async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  let at = process.hrtime.bigint();
  // As the API's migration specs do: every migration, then undone down to the one before People (the database is empty).
  await runMigrations(dataSource);
  await undoThrough(dataSource, MIGRATION);
  console.log(`migrated up to ${BEFORE} in ${fmt(seconds(at), 1)} s`);

  at = process.hrtime.bigint();
  await dataSource.query(`INSERT INTO countries (slug, names, default_language, languages) SELECT c.slug, '{}', c.lang, ARRAY[c.lang, 'ru', 'en']
                          FROM unnest(${textArray(COUNTRIES.map(([slug]) => slug))}, ${textArray(COUNTRIES.map(([, lang]) => lang))}) AS c(slug, lang)`);
  for (let from = 1; from <= memorials; from += CHUNK) {
    await dataSource.query(memorialsSql(from, Math.min(memorials, from + CHUNK - 1)));
    process.stdout.write(`\r  memorials ${Math.min(memorials, from + CHUNK - 1)} of ${memorials}`);
  }
  await dataSource.query(`VACUUM (ANALYZE) memorials`);
  await dataSource.query(`VACUUM (ANALYZE) content_revisions`);
  console.log(`\nfilled in ${fmt(seconds(at), 1)} s`);
  const [before] = await dataSource.query(COUNTS);

  // Sampling: this process, and every backend connected to the database (the migration's is one of them).
  const backends = new Map<number, Memory>();
  const node = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
  const nodeBefore = { ...node };
  let sampling = true;
  const sampler = withAdmin(async (admin) => {
    while (sampling) {
      const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [name]);
      for (const { pid } of rows) {
        const memory = procMemory(pid);
        if (!memory) continue;
        const seen = backends.get(pid) ?? { vmRss: 0, rssAnon: 0, vmHwm: 0 };
        backends.set(pid, { vmRss: Math.max(seen.vmRss, memory.vmRss), rssAnon: Math.max(seen.rssAnon, memory.rssAnon), vmHwm: Math.max(seen.vmHwm, memory.vmHwm) });
      }
      const usage = process.memoryUsage();
      node.rss = Math.max(node.rss, usage.rss);
      node.heap = Math.max(node.heap, usage.heapUsed);
      await new Promise((resolve) => setTimeout(resolve, sampleMs));
    }
  });

  at = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  try {
    await runMigrationsThrough(dataSource, MIGRATION);
  } finally {
    sampling = false;
    await sampler;
  }
  const took = seconds(at);
  const nodeCpu = process.cpuUsage(cpu);
  const [after] = await dataSource.query(COUNTS);
  before.people = '— (no table)';
  [{ people: after.people }] = await dataSource.query(`SELECT count(*)::bigint AS people FROM people`);

  printTable('Rows before and after People1764260000000', [
    ['what', 'before', 'after'],
    ...Object.keys(before).map((key) => [key, String(before[key] ?? '—'), String(after[key] ?? '—')]),
  ]);
  const peak = [...backends.values()].reduce((a, b) => (b.rssAnon > a.rssAnon ? b : a), { vmRss: 0, rssAnon: 0, vmHwm: 0 });
  printTable(`People1764260000000 on ${names} names`, [
    ['figure', 'value'],
    ['time, s', fmt(took, 1)],
    ['people per second', fmt(Number(after.people) / took, 0)],
    ['Node CPU (user + system), s', fmt((nodeCpu.user + nodeCpu.system) / 1e6, 1)],
    ['Node RSS before / peak sampled, MB', `${fmt(nodeBefore.rss / 2 ** 20, 1)} / ${fmt(node.rss / 2 ** 20, 1)}`],
    ['Node peak RSS (kernel maxRSS), MB', fmt(process.resourceUsage().maxRSS / 1024, 1)],
    ['Node heap used before / peak sampled, MB', `${fmt(nodeBefore.heap / 2 ** 20, 1)} / ${fmt(node.heap / 2 ** 20, 1)}`],
    ['PostgreSQL backends seen', backends.size],
    ['backend peak RssAnon (private memory), MB', mb(peak.rssAnon)],
    ['backend peak VmRSS (with shared buffers touched), MB', mb(Math.max(...[...backends.values()].map((b) => b.vmRss), 0))],
    ['backend VmHWM (kernel peak), MB', mb(Math.max(...[...backends.values()].map((b) => b.vmHwm), 0))],
  ]);
  // Every draft name becomes a person (live names are the drafts' first ten).
  const same = Number(after.people) === Number(before.draft_names);
  console.log(`people made ${after.people}, names in drafts before ${before.draft_names}: ${same ? 'one person per name' : 'MISMATCH'}`);
}

runBenchmark(main);
