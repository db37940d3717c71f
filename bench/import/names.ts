/**
 * The names-on-a-memorial import (issue 15): N generated names (100 000 by
 * default) from one CSV file into one memorial of a throw-away database,
 * through the built API, against PostgreSQL's own `COPY` of the same file
 * into a scratch table (psql `\copy`) as the baseline.
 *
 *   npx tsx bench/import/names.ts                 (BENCH_IMPORT_ROWS=20000 for a quicker run)
 *
 * Needs the built API (`npm run build`), psql, and a PostgreSQL as for the
 * media benches (BENCH_PG_ADMIN_URL). Prints the time of a dry run and of the
 * real import, the API process's RSS growth (peak resident memory during the
 * request less that before it, sampled every 20 ms, and the kernel's
 * high-water mark; the goal is judged on the high-water mark over both
 * requests less the RSS before the first), and each time as a ratio of the COPY's.
 * Goal: the real import ≤ 60 s and RSS growth < 300 MB.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Api, type Cleanup, MB, type Session, apiJson, envNumber, fmt, login, printTable, readRss, runBenchmark, startStack, verdict } from '../media/support';

const run = promisify(execFile);
const ROWS = envNumber('BENCH_IMPORT_ROWS', 100_000);
const GOAL_SECONDS = 60;
const GOAL_RSS_MB = 300;

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Жумабаев', 'Оспанов', 'Ахметов', 'Кузнецов', 'Смирнов', 'Касымов', 'Нургалиев', 'Попов', 'Волков'];
const GIVEN = ['Пётр', 'Иван', 'Канат', 'Бахыт', 'Серик', 'Ермек', 'Алексей', 'Николай', 'Василий', 'Асхат'];
const PATRONYMICS = ['Семёнович', 'Иванович', 'Петрович', 'Ахметович', 'Николаевич', ''];
const FATES = ['killed', 'missing', 'died-of-wounds', 'unknown'];
const RANKS = ['рядовой', 'сержант', 'ефрейтор', 'лейтенант', ''];

/** The file: a header and ROWS people, each with an external id, so the same file re-imported would update them. */
function generate(rows: number): string {
  const lines = ['external_id,surname,given_name,patronymic,birth_date,death_date,fate,rank_ru,unit,role,plot'];
  for (let i = 0; i < rows; i++) {
    const birth = 1900 + (i % 27);
    lines.push(
      [
        `bench-${i}`,
        SURNAMES[i % SURNAMES.length],
        GIVEN[(i * 7) % GIVEN.length],
        PATRONYMICS[(i * 3) % PATRONYMICS.length],
        String(birth),
        `${birth + 17 + (i % 20)}-0${1 + (i % 9)}`,
        FATES[i % FATES.length],
        RANKS[i % RANKS.length],
        `${100 + (i % 400)}-я стрелковая дивизия`,
        i % 3 === 0 ? 'commemorated' : 'burial',
        i % 5 === 0 ? `ряд ${1 + (i % 40)}` : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Measured {
  seconds: number;
  /** Peak RSS during the request less the RSS before it, MB. */
  growth: number;
  /** The process's high-water mark after the request less its RSS before, MB (the kernel's own peak). */
  hwmGrowth: number;
  status: number;
  body: string;
}

/** One import request, timing it and sampling the API's resident memory meanwhile. */
async function importOnce(api: Api, session: Session, memorialId: string, body: Buffer, dryRun: boolean): Promise<Measured> {
  const before = readRss(api.pid);
  if (!before) throw new Error('cannot read the API process’s memory from /proc');
  let peak = before.rss;
  const sampler = setInterval(() => {
    const now = readRss(api.pid);
    if (now) peak = Math.max(peak, now.rss);
  }, 20);
  const started = performance.now();
  try {
    const response = await fetch(`${api.url}/api/studio/countries/${session.countryId}/memorials/${memorialId}/names?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body,
    });
    const text = await response.text();
    const seconds = (performance.now() - started) / 1000;
    const after = readRss(api.pid)!;
    return { seconds, growth: Math.max(peak, after.rss) - before.rss, hwmGrowth: after.hwm - before.rss, status: response.status, body: text };
  } finally {
    clearInterval(sampler);
  }
}

async function main(cleanup: Cleanup): Promise<void> {
  console.log(`Import of ${ROWS} names into one memorial (CSV, UTF-8)`);
  const { tempDir, database, api } = await startStack(cleanup, { dbPrefix: 'bench_import' });
  const session = await login(api);
  const memorial = await apiJson<{ id: string }>(api, session, 'POST', `/api/studio/countries/${session.countryId}/memorials`, {
    slug: 'bench-import-obelisk',
    kind: 'obelisk',
    title: { ru: { text: 'Обелиск', status: 'original' } },
    location: { lat: 43.2, lng: 76.9 },
  });

  const file = generate(ROWS);
  const body = Buffer.from(file, 'utf8');
  const path = join(tempDir, 'names.csv');
  writeFileSync(path, body);
  console.log(`file: ${fmt(body.length / MB, 1)} MB`);

  // Baseline: PostgreSQL's COPY of the same rows into a scratch table (psql reads the file, as the API reads the body).
  const columns = file.slice(0, file.indexOf('\n')).split(',');
  await run('psql', [database.url, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE TABLE bench_import_scratch (${columns.map((name) => `${name} text`).join(', ')})`]);
  const copyStarted = performance.now();
  await run('psql', [database.url, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy bench_import_scratch FROM '${path}' WITH (FORMAT csv, HEADER true)`]);
  const copySeconds = (performance.now() - copyStarted) / 1000;

  const start = readRss(api.pid)!;
  const dry = await importOnce(api, session, memorial.id, body, true);
  if (dry.status !== 200) throw new Error(`the dry run answered ${dry.status}: ${dry.body.slice(0, 500)}`);
  const real = await importOnce(api, session, memorial.id, body, false);
  if (real.status !== 200) throw new Error(`the import answered ${real.status}: ${real.body.slice(0, 500)}`);
  const report = JSON.parse(real.body) as { created: number; updated: number };
  // The kernel's peak over both requests less the RSS before the first: what the two cost the process at most.
  const overall = readRss(api.pid)!.hwm - start.rss;
  const { stdout } = await run('psql', [
    database.url,
    '-Atc',
    `SELECT (SELECT count(*) FROM people WHERE external_id LIKE 'bench-%'), (SELECT count(*) FROM content_revisions WHERE record_type = 'person'), (SELECT count(*) FROM bench_import_scratch)`,
  ]);
  const [people, revisions, copied] = stdout.trim().split('|').map(Number);
  if (people !== ROWS || revisions < ROWS || copied !== ROWS) throw new Error(`expected ${ROWS} rows each, found people ${people}, revisions ${revisions}, copied ${copied}`);

  printTable(`${ROWS} names, one file of ${fmt(body.length / MB, 1)} MB`, [
    ['what', 'seconds', 'rows/s', '× COPY', 'API RSS growth MB (sampled peak)', 'RSS high-water growth MB'],
    ['psql \\copy into a scratch table (baseline)', fmt(copySeconds, 2), fmt(ROWS / copySeconds, 0), '1', '', ''],
    ['POST …/names?dryRun=true (parse, validate, report)', fmt(dry.seconds, 2), fmt(ROWS / dry.seconds, 0), fmt(dry.seconds / copySeconds, 1), fmt(dry.growth, 0), fmt(dry.hwmGrowth, 0)],
    [`POST …/names?dryRun=false (${report.created} created, ${report.updated} updated)`, fmt(real.seconds, 2), fmt(ROWS / real.seconds, 0), fmt(real.seconds / copySeconds, 1), fmt(real.growth, 0), fmt(real.hwmGrowth, 0)],
  ]);
  printTable('Result', [
    ['goal', 'measured', 'result'],
    [`import ≤ ${GOAL_SECONDS} s`, `${fmt(real.seconds, 1)} s`, verdict(real.seconds <= GOAL_SECONDS)],
    [`API RSS growth < ${GOAL_RSS_MB} MB (high-water mark over both requests)`, `${fmt(overall, 0)} MB`, verdict(overall < GOAL_RSS_MB)],
  ]);
}

runBenchmark(main);
