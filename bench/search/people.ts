/**
 * Find a person (issue 14): latency of GET /api/public/search/people at the
 * scale of the generated register, for surnames as written, in the Latin
 * schemes people use for Cyrillic names, and misspelt by one letter.
 *
 *   BENCH_SEARCH_DB=bench_people_500k npm run bench:people   # a database made by generate.ts
 *   npm run bench:people                                     # generates BENCH_SEARCH_PEOPLE people first (slow at 2 M)
 *
 * Env: BENCH_SEARCH_DB (an existing database made by generate.ts), else
 * BENCH_SEARCH_PEOPLE (2 000 000) people and BENCH_SEARCH_RECORDS (half as
 * many) records are generated into a temporary database; BENCH_SEARCH_REQUESTS (50),
 * BENCH_SEARCH_WARMUP (10), and those of bench/media/support.ts.
 *
 * The words are drawn from the database: people picked by hash, their
 * surname (made-up surnames only: the commonest twenty are a case of their
 * own, goal 50 ms like a surname as written), written as stored; in one of the Russian Latin
 * schemes of bench/names (ISO 9 / GOST 7.79 A and B, BGN/PCGN, ICAO passport,
 * English, French, German, Polish), in turn; and with one letter off (a vowel
 * misheard, a letter dropped, doubled, or two swapped, in turn). Each answer
 * is checked for the person drawn on its first page. The floor is
 * GET /api/health; the plans are EXPLAIN (ANALYZE, BUFFERS) of the API's own
 * candidate SQL (buildPersonCandidatesSql) for the first query of each case.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { personSearchQuerySchema } from '@vitrina/contracts';
import { queryKeys } from '@vitrina/names';
import type { Client as PgClient } from 'pg';
import { buildPersonCandidatesSql } from '../../apps/api/src/modules/search/person-search-query';
import { type Api, type Cleanup, envNumber, fmt, machineBusyPercent, makeTempDir, printTable, readMachineCpu, runBenchmark, startApi, startStore } from '../media/support';
import { SCHEMES, misspellings } from '../names/pairs';
import { asDatabase, checkName, connect, seconds } from './common';
import { generateDatabase, misspell } from './generate';
import { type ExplainResult, explain, printPlan } from './plans';
import { COMMON_SURNAMES } from './vocabulary';

interface Drawn {
  id: string;
  name: string;
  surname: string;
}

interface PersonCase {
  id: string;
  label: string;
  goal?: number;
  /** The query of the i-th request and the person it must find (none for the floor). */
  request: (i: number) => { path: string; q?: string; expect?: string };
}

interface Result {
  item: PersonCase;
  /** How busy the machine's CPUs were while the case ran (%), and the load average per core at its end. */
  busy: number;
  load: number;
  ms: number[];
  errors: number;
  found: number;
  asked: number;
  totals: number[];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function draw(db: PgClient, count: number, common: boolean): Promise<Drawn[]> {
  const { rows } = await db.query<Drawn>(
    `SELECT record_id AS id, person->>'name' AS name, split_part(person->>'name', ' ', 1) AS surname
       FROM search_documents
      WHERE record_type = 'person' AND slug ~ '-n[0-9]+$' AND (split_part(person->>'name', ' ', 1) = ANY($1)) = $2
        AND length(split_part(person->>'name', ' ', 1)) >= 6
      ORDER BY hashtext(record_id::text) LIMIT $3`,
    [COMMON_SURNAMES, common, count],
  );
  return rows;
}

const RUSSIAN = SCHEMES.russian;

/** One letter off, in turn: a vowel misheard (generate.ts's misspell), a letter dropped, doubled, swapped. */
function oneOff(surname: string, i: number): string {
  const kinds = [misspell(surname), ...misspellings(surname).map((m) => m.text)].filter((text) => text !== surname);
  return kinds[i % kinds.length] ?? surname;
}

function cases(rare: Drawn[], common: Drawn[]): PersonCase[] {
  const at = <T>(list: T[], i: number) => list[(i + list.length * 1000) % list.length];
  const search = (q: string, expect?: string) => ({ path: `/api/public/search/people?q=${encodeURIComponent(q)}`, q, expect });
  return [
    { id: 'health', label: 'GET /api/health (floor)', request: () => ({ path: '/api/health' }) },
    { id: 'exact', label: 'surname as written (Cyrillic, rare)', goal: 50, request: (i) => search(at(rare, i).surname, at(rare, i).id) },
    { id: 'exact-full', label: 'surname and given name as written', goal: 50, request: (i) => search(at(rare, i).name.split(' ').slice(0, 2).join(' '), at(rare, i).id) },
    {
      id: 'translit',
      label: 'surname transliterated (8 Latin schemes in turn)',
      goal: 80,
      request: (i) => search(RUSSIAN[(i + 1000) % RUSSIAN.length].spell(at(rare, i).surname), at(rare, i).id),
    },
    { id: 'misspelt', label: 'surname one letter off (Cyrillic)', goal: 80, request: (i) => search(oneOff(at(rare, i).surname, i), at(rare, i).id) },
    {
      id: 'translit-misspelt',
      label: 'transliterated and one letter off',
      goal: 80,
      request: (i) => search(oneOff(RUSSIAN[(i + 1000) % RUSSIAN.length].spell(at(rare, i).surname), i), at(rare, i).id),
    },
    { id: 'common', label: 'one of the 20 commonest surnames (1 000 read at most)', goal: 50, request: (i) => search(at(common, i).surname) },
  ];
}

async function measure(api: Api, item: PersonCase, requests: number, warmup: number): Promise<Result> {
  const result: Result = { item, busy: 0, load: 0, ms: [], errors: 0, found: 0, asked: 0, totals: [] };
  for (let i = 1; i <= warmup; i++) await fetch(`${api.url}${item.request(-i).path}`).then((r) => r.text());
  const cpu = readMachineCpu();
  for (let i = 0; i < requests; i++) {
    const request = item.request(i);
    const started = process.hrtime.bigint();
    const response = await fetch(`${api.url}${request.path}`);
    const body = await response.text();
    result.ms.push(seconds(started) * 1000);
    if (response.status !== 200) {
      result.errors++;
      continue;
    }
    if (request.q !== undefined) {
      const answer = JSON.parse(body) as { items: { id: string }[]; total: number };
      result.totals.push(answer.total);
      if (request.expect) {
        result.asked++;
        if (answer.items.some((hit) => hit.id === request.expect)) result.found++;
      }
    }
  }
  result.busy = machineBusyPercent(cpu, readMachineCpu());
  result.load = loadavg()[0] / cpus().length;
  return result;
}

async function main(cleanup: Cleanup): Promise<void> {
  const requests = Math.round(envNumber('BENCH_SEARCH_REQUESTS', 50));
  const warmup = Math.round(envNumber('BENCH_SEARCH_WARMUP', 10));
  const tempDir = makeTempDir('people');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const store = await startStore(cleanup, join(tempDir, 's3'));
  let database = process.env.BENCH_SEARCH_DB ? asDatabase(checkName(process.env.BENCH_SEARCH_DB)) : null;
  let generation = '';
  if (!database) {
    const people = Math.round(envNumber('BENCH_SEARCH_PEOPLE', 2_000_000));
    const records = Math.max(1000, Math.round(envNumber('BENCH_SEARCH_RECORDS', people / 2)));
    const generated = await generateDatabase(cleanup, { records, people, name: `bench_people_${process.pid}`, keep: false, store });
    database = generated.database;
    generation = `generated in this run: ${fmt(generated.seconds, 0)} s (${generated.phases.map((p) => `${p.phase} ${fmt(p.seconds, 0)} s`).join(', ')})`;
  }
  const db = await connect(database);
  cleanup.add('close the database connection', () => db.end().catch(() => undefined));
  if (!generation) {
    const meta = await db.query<{ key: string; value: string }>(`SELECT key, value FROM bench_search.meta`).catch(() => ({ rows: [] as { key: string; value: string }[] }));
    const of = (key: string) => meta.rows.find((row) => row.key === key)?.value;
    generation = of('generation_seconds') ? `generated by generate.ts at ${of('generated_at')} in ${of('generation_seconds')} s` : 'generation time not recorded';
  }
  console.log(generation);
  const machine = { cores: cpus().length, load: loadavg()[0] };
  console.log(`machine before the run: ${machine.cores} cores, load average ${fmt(machine.load, 2)} (${fmt(machine.load / machine.cores, 2)} per core)`);
  const [counts] = (
    await db.query<{ people: number; rows: number; memorials: number }>(
      `SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM search_documents WHERE record_type = 'person')::int AS rows,
              (SELECT count(*) FROM memorials)::int AS memorials`,
    )
  ).rows;
  console.log(`database ${database.name}: ${counts.people} people (${counts.rows} search rows), ${counts.memorials} memorials`);
  const rare = await draw(db, requests + warmup + 20, false);
  const common = await draw(db, requests + warmup + 20, true);
  const list = cases(rare, common);

  const api = await startApi(cleanup, { store, database });
  const results: Result[] = [];
  for (const item of list) {
    console.log(`  ${item.label}…`);
    results.push(await measure(api, item, requests, warmup));
  }
  const floor = percentile(results[0].ms, 95);

  printTable(`GET /api/public/search/people at ${counts.rows} people (${requests} requests per case after ${warmup} untimed)`, [
    ['case', 'example', 'p50 ms', 'p95 ms', 'max ms', 'p95 − floor', 'found on page 1', 'total median', 'errors', 'busy %', 'load/core', 'goal p95', 'result'],
    ...results.map((r) => {
      const p95 = percentile(r.ms, 95);
      return [
        r.item.label,
        r.item.request(0).q ?? '',
        fmt(percentile(r.ms, 50), 1),
        fmt(p95, 1),
        fmt(Math.max(...r.ms), 1),
        r.item.id === 'health' ? '' : fmt(p95 - floor, 1),
        r.asked ? `${r.found}/${r.asked}` : '',
        r.totals.length ? percentile(r.totals, 50) : '',
        r.errors,
        fmt(r.busy, 0),
        fmt(r.load, 2),
        r.item.goal ? `≤ ${r.item.goal}` : '',
        r.item.goal ? (p95 <= r.item.goal && r.errors === 0 ? 'MET' : 'NOT MET') : '',
      ];
    }),
  ]);

  console.log(generation);

  const slowest = results.slice(1).reduce((a, b) => (percentile(b.ms, 95) > percentile(a.ms, 95) ? b : a));
  console.log(`\nCandidate SQL (buildPersonCandidatesSql, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL directly), the first query of each case; the slowest line (by p95) is "${slowest.item.label}".`);
  const plans: [string, ExplainResult][] = [];
  for (const item of [slowest.item, ...list.slice(1).filter((other) => other !== slowest.item)]) {
    const q = item.request(0).q!;
    const query = personSearchQuerySchema.parse({ q });
    const built = buildPersonCandidatesSql({ query, names: queryKeys(q), countryIds: undefined, placeKeys: undefined });
    const plan = await explain(db, built.sql, built.params, { jit: 'off' }); // as the API runs it (person-search.service.ts)
    plans.push([item.label, plan]);
    printPlan(`${item === slowest.item ? 'SLOWEST LINE — ' : ''}${item.label}: q=${q}`, plan);
  }
  printTable('Candidate SQL', [
    ['case', 'rows', 'execution ms', 'planning ms'],
    ...plans.map(([label, plan]) => [label, plan.Plan['Actual Rows'], fmt(plan['Execution Time'], 1), fmt(plan['Planning Time'], 1)]),
  ]);
}

runBenchmark(main);
