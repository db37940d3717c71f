/**
 * Public API throughput: the published exhibition page (an exhibition of 50
 * items) and an item page, read anonymously through the built API, against a
 * bare Node http server in its own process answering the very same bytes with
 * the same headers. A second API process on the same database, with its page
 * cache off (PUBLIC_PAGE_CACHE=false), shows what a cache miss costs.
 *
 *   npx tsx bench/api/throughput.ts          (or: npm run bench:api)
 *
 * Env: BENCH_API_DURATION (20) seconds per load, BENCH_API_CONNECTIONS (64),
 *      BENCH_API_WARMUP (3) seconds of untimed load per server and endpoint first,
 *      BENCH_API_ROUNDS (1) measured loads per server and endpoint,
 *      BENCH_API_ITEMS (50) items in the exhibition, BENCH_API_LANG (en),
 *      BENCH_API_MISS_BEFORE: another build's main.js (placed like BENCH_API_MAIN) run as a
 *      fourth server, "miss-before", also without page cache: a change's effect on a miss in one sitting,
 *      and those of bench/media/support.ts (BENCH_PG_ADMIN_URL, BENCH_API_LOG_LEVEL,
 *      BENCH_API_VERBOSE, BENCH_API_NODE_ARGS, BENCH_API_MAIN).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import sharp from 'sharp';
import {
  type Api,
  type Cleanup,
  DEMO_PASSWORD,
  REPO_ROOT,
  type Session,
  apiJson,
  envNumber,
  fmt,
  machineBusyPercent,
  printTable,
  readCpuSeconds,
  readMachineCpu,
  readyPort,
  runBenchmark,
  sendStream,
  signIn,
  sleep,
  startApi,
  startStack,
  stopChild,
  uploadHeaders,
  uploadUrl,
  verdict,
} from '../media/support';
import { Readable } from 'node:stream';

const ADMIN = 'admin@vitrina.test';
const COUNTRY = 'kazakhstan';
const GOAL_RATIO = 0.5;
/** Every read a miss: the page built from the database each time. */
const GOAL_MISS_RATIO = 0.2;
const GOAL_P99_MS = 100;

const text = (value: string) => ({ text: value, status: 'original' as const });
const both = (en: string, ru: string) => ({ en: text(en), ru: text(ru) });

// ───────────────────────────── signing in ─────────────────────────────

/** Signs the admin in (a member of no country, so not `login`) and finds the country's id. */
async function signInAdmin(api: Api): Promise<Session> {
  const { cookie, csrfToken } = await signIn(api, ADMIN, DEMO_PASSWORD);
  const countries = (await (await fetch(`${api.url}/api/public/countries`)).json()) as { items: { id: string; slug: string }[] };
  const country = countries.items.find((c) => c.slug === COUNTRY);
  if (!country) throw new Error(`no country ${COUNTRY}`);
  return { cookie, csrfToken, countryId: country.id };
}

// ───────────────────────────── the published exhibition ─────────────────────────────

interface Asset {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  failureReason: string | null;
}

/** A small distinct picture per item, uploaded, processed by the API's own worker, described and licensed. */
async function uploadImage(api: Api, session: Session, index: number): Promise<string> {
  const hue = (index * 47) % 360;
  const image = await sharp({
    create: { width: 480, height: 320, channels: 3, background: `hsl(${hue}, 55%, 45%)`, noise: { type: 'gaussian', mean: 120, sigma: 30 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  const uploaded = await sendStream(uploadUrl(api, session), 'POST', uploadHeaders(session, image.length, `bench-${index}.jpg`), Readable.from([image]));
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${uploaded.body.slice(0, 300)}`);
  return (JSON.parse(uploaded.body) as Asset).id;
}

async function waitReady(api: Api, session: Session, ids: string[]): Promise<void> {
  const media = `/api/studio/countries/${session.countryId}/media`;
  const started = Date.now();
  for (const id of ids) {
    for (;;) {
      const asset = await apiJson<Asset>(api, session, 'GET', `${media}/${id}`);
      if (asset.status === 'ready') break;
      if (asset.status === 'failed') throw new Error(`asset ${id} failed: ${asset.failureReason}`);
      if (Date.now() - started > 180_000) throw new Error(`asset ${id} still processing after 180 s\n${api.tail()}`);
      await sleep(200);
    }
    await apiJson(api, session, 'PATCH', `${media}/${id}`, {
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      alt: both(`Photograph ${id.slice(0, 8)}`, `Фотография ${id.slice(0, 8)}`),
      caption: both('A photograph from the benchmark collection.', 'Фотография из коллекции бенчмарка.'),
    });
  }
}

/** Submits a record and approves it through the review desk, as a moderator would. */
async function publish(api: Api, session: Session, collection: 'items' | 'exhibitions', id: string, version: number): Promise<void> {
  const country = session.countryId;
  await apiJson(api, session, 'POST', `/api/studio/countries/${country}/${collection}/${id}/submit`, { version }, [204]);
  await apiJson(api, session, 'POST', `/api/review/countries/${country}/${collection}/${id}/approve`, { revision: version }, [204]);
}

const DESCRIPTION_EN =
  '<p>Found in a family archive in the Karaganda region and handed to the museum with the letters that came with it. ' +
  'The object passed through three generations before it was catalogued, and each of them added a note to the story.</p>' +
  '<p>The conservators cleaned it and recorded its condition; the texts below quote the donors where they wished to be quoted.</p>';
const DESCRIPTION_RU =
  '<p>Найдено в семейном архиве в Карагандинской области и передано музею вместе с письмами, которые к нему прилагались. ' +
  'Предмет прошёл через три поколения, прежде чем попал в каталог, и каждое добавило к истории свою заметку.</p>' +
  '<p>Реставраторы очистили его и описали состояние; ниже приведены слова дарителей там, где они на это согласились.</p>';

async function createExhibition(api: Api, session: Session, itemCount: number): Promise<{ exhibitionSlug: string; itemSlug: string }> {
  const studio = `/api/studio/countries/${session.countryId}`;
  const run = randomUUID().slice(0, 6);
  const started = Date.now();
  const assetIds: string[] = [];
  for (let i = 0; i < itemCount; i++) assetIds.push(await uploadImage(api, session, i));
  await waitReady(api, session, assetIds);
  console.log(`${itemCount} images uploaded, processed and described in ${fmt((Date.now() - started) / 1000, 1)} s`);

  const items: { id: string; slug: string }[] = [];
  for (let i = 0; i < itemCount; i++) {
    const created = await apiJson<{ id: string; slug: string; version: number }>(api, session, 'POST', `${studio}/items`, {
      slug: `bench-item-${run}-${i + 1}`,
      kind: (['artefact', 'photograph', 'document', 'artwork'] as const)[i % 4],
      title: both(`Object ${i + 1}: a letter from the front`, `Предмет ${i + 1}: письмо с фронта`),
      description: { en: text(DESCRIPTION_EN), ru: text(DESCRIPTION_RU) },
      creator: both('Unknown author', 'Неизвестный автор'),
      date: { earliest: 1941 + (i % 5), latest: 1942 + (i % 5), display: both(`${1941 + (i % 5)}–${1942 + (i % 5)}`, `${1941 + (i % 5)}–${1942 + (i % 5)} гг.`) },
      place: both('Karaganda', 'Караганда'),
      materials: both('Paper, ink', 'Бумага, чернила'),
      dimensions: '21 × 15 cm',
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      inventoryNumber: `KZ-BENCH-${i + 1}`,
      tags: [{ en: 'letters', ru: 'письма' }, { en: 'war', ru: 'война' }, { en: 'family archive', ru: 'семейный архив' }],
      media: [{ assetId: assetIds[i] }],
      location: { lat: 49.8 + i / 100, lng: 73.1 + i / 100 },
    });
    await publish(api, session, 'items', created.id, created.version);
    items.push(created);
  }
  // Five sections of ten items: six shown one by one with a caption, four in a gallery; then a map of all.
  const sections = [];
  for (let s = 0; s < Math.ceil(itemCount / 10); s++) {
    const chunk = items.slice(s * 10, s * 10 + 10);
    sections.push({
      id: randomUUID(),
      title: both(`Part ${s + 1}`, `Часть ${s + 1}`),
      blocks: [
        { id: randomUUID(), type: 'text', body: { en: text(DESCRIPTION_EN), ru: text(DESCRIPTION_RU) } },
        ...chunk.slice(0, 6).map((item, k) => ({
          id: randomUUID(),
          type: 'item',
          itemId: item.id,
          caption: both(`Caption ${s * 10 + k + 1}`, `Подпись ${s * 10 + k + 1}`),
        })),
        ...(chunk.length > 6 ? [{ id: randomUUID(), type: 'gallery', itemIds: chunk.slice(6).map((item) => item.id) }] : []),
        { id: randomUUID(), type: 'quote', text: both('We kept every letter.', 'Мы хранили каждое письмо.'), attribution: both('A donor', 'Даритель') },
      ],
    });
  }
  sections.push({ id: randomUUID(), title: both('On the map', 'На карте'), blocks: [{ id: randomUUID(), type: 'map', itemIds: items.map((item) => item.id) }] });
  const exhibition = await apiJson<{ id: string; slug: string; version: number }>(api, session, 'POST', `${studio}/exhibitions`, {
    slug: `bench-exhibition-${run}`,
    title: both('Letters from the front', 'Письма с фронта'),
    summary: { en: text('<p>Fifty objects from family archives.</p>'), ru: text('<p>Пятьдесят предметов из семейных архивов.</p>') },
    coverItemId: items[0].id,
    sections,
  });
  await publish(api, session, 'exhibitions', exhibition.id, exhibition.version);
  console.log(`${itemCount} items and the exhibition created and approved in ${fmt((Date.now() - started) / 1000, 1)} s`);
  return { exhibitionSlug: exhibition.slug, itemSlug: items[Math.floor(itemCount / 2)].slug };
}

// ───────────────────────────── the bare server ─────────────────────────────

interface Fixture {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers a server sets for itself per connection or per answer; everything else is copied verbatim. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function fetchFixture(api: Api, path: string): Promise<Fixture> {
  const response = await fetch(`${api.url}${path}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.toString().slice(0, 300)}`);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!OWN_HEADERS.has(name)) headers[name] = value;
  });
  return { path, headers, body };
}

interface Bare {
  url: string;
  pid: number;
  child: ChildProcess;
}

/** A bare node:http server in its own process, answering each fixture's path with its bytes and headers. */
async function startBare(cleanup: Cleanup, dir: string, fixtures: Fixture[]): Promise<Bare> {
  const file = join(dir, 'fixtures.json');
  writeFileSync(file, JSON.stringify(fixtures.map((f) => ({ path: f.path, headers: f.headers, body: f.body.toString('base64') }))));
  const script = `
    const http = require('node:http');
    const routes = new Map();
    for (const f of JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))) {
      const body = Buffer.from(f.body, 'base64');
      routes.set(f.path, { headers: { ...f.headers, 'content-length': String(body.length) }, body });
    }
    const server = http.createServer((request, response) => {
      const route = routes.get(request.url);
      if (!route) { response.writeHead(404); response.end(); return; }
      response.writeHead(200, route.headers);
      response.end(route.body);
    });
    server.keepAliveTimeout = 72000;
    server.listen(0, '127.0.0.1', () => process.stdout.write('READY ' + server.address().port + '\\n'));
    process.on('SIGTERM', () => process.exit(0));
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  cleanup.child(child);
  cleanup.add('stop the bare server', () => stopChild(child));
  const port = await readyPort(child, 'the bare server');
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

// ───────────────────────────── load ─────────────────────────────

interface Measured {
  server: 'bare' | 'api' | 'miss' | 'miss-before';
  endpoint: string;
  result: Result;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failures: number;
  serverCpu: number;
  machineBusy: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One load; every 2xx answer's latency is kept (autocannon's own summary has no p95). */
async function load(url: string, connections: number, duration: number, pid?: number) {
  const cpuBefore = pid ? readCpuSeconds(pid) : NaN;
  const machineBefore = readMachineCpu();
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({ url, connections, duration, timeout: 10 });
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status < 200 || status > 299) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = time;
  });
  const result = await instance;
  const sorted = latencies.slice(0, count).sort();
  return {
    result,
    sorted,
    serverCpu: pid ? readCpuSeconds(pid) - cpuBefore : NaN,
    machineBusy: machineBusyPercent(machineBefore, readMachineCpu()),
  };
}

async function measure(server: Measured['server'], endpoint: string, url: string, connections: number, duration: number, pid: number): Promise<Measured> {
  const { result, sorted, serverCpu, machineBusy } = await load(url, connections, duration, pid);
  return {
    server,
    endpoint,
    result,
    rps: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    failures: result.errors + result.timeouts + result.non2xx,
    serverCpu,
    machineBusy,
  };
}

async function main(cleanup: Cleanup): Promise<void> {
  const duration = envNumber('BENCH_API_DURATION', 20);
  const connections = envNumber('BENCH_API_CONNECTIONS', 64);
  const warmup = envNumber('BENCH_API_WARMUP', 3);
  const rounds = envNumber('BENCH_API_ROUNDS', 1);
  const itemCount = envNumber('BENCH_API_ITEMS', 50);
  const lang = process.env.BENCH_API_LANG ?? 'en';

  console.log('starting s3rver, a fresh database and the API…');
  const { tempDir, store, database, api } = await startStack(cleanup, { dbPrefix: 'bench_api' });
  console.log(`store ${store.endpoint}, database ${database.name}, API ${api.url} (pid ${api.pid})`);
  const session = await signInAdmin(api);
  const { exhibitionSlug, itemSlug } = await createExhibition(api, session, itemCount);

  const endpoints = [
    { name: `exhibition (${itemCount} items)`, path: `/api/public/countries/${COUNTRY}/exhibitions/${exhibitionSlug}?lang=${lang}` },
    { name: 'item', path: `/api/public/countries/${COUNTRY}/items/${itemSlug}?lang=${lang}` },
  ];
  const fixtures = await Promise.all(endpoints.map((endpoint) => fetchFixture(api, endpoint.path)));
  const exhibitionJson = JSON.parse(fixtures[0].body.toString('utf8')) as { sections: { blocks: { type: string; items?: unknown[] }[] }[] };
  const shown = exhibitionJson.sections.flatMap((s) => s.blocks).reduce((n, b) => n + (b.type === 'item' ? 1 : (b.items?.length ?? 0)), 0);
  if (shown !== itemCount) throw new Error(`the exhibition shows ${shown} items, not ${itemCount}`);
  const bare = await startBare(cleanup, tempDir, fixtures);
  const miss = await startApi(cleanup, { store, database, env: { PUBLIC_PAGE_CACHE: 'false' } });
  const beforeMain = process.env.BENCH_API_MISS_BEFORE;
  const missBefore = beforeMain ? await startApi(cleanup, { store, database, env: { PUBLIC_PAGE_CACHE: 'false' }, main: resolve(beforeMain) }) : undefined;
  for (const fixture of fixtures) {
    const again = await fetchFixture(api, fixture.path);
    const fromBare = Buffer.from(await (await fetch(`${bare.url}${fixture.path}`)).arrayBuffer());
    const fromMiss = await fetchFixture(miss, fixture.path);
    const fromBefore = missBefore ? (await fetchFixture(missBefore, fixture.path)).body : fixture.body;
    if (!again.body.equals(fixture.body) || !fromBare.equals(fixture.body) || !fromMiss.body.equals(fixture.body) || !fromBefore.equals(fixture.body)) {
      throw new Error(`${fixture.path}: the answers differ between requests or servers`);
    }
  }
  printTable(
    'Answers (both servers send these bytes and headers)',
    [['endpoint', 'bytes', 'content-type', 'etag', 'cache-control', 'headers']].concat(
      endpoints.map((endpoint, i) => [
        endpoint.name,
        String(fixtures[i].body.length),
        fixtures[i].headers['content-type'] ?? '',
        fixtures[i].headers.etag ?? '—',
        fixtures[i].headers['cache-control'] ?? '—',
        String(Object.keys(fixtures[i].headers).length),
      ]),
    ),
  );

  console.log(
    `\nload: ${connections} connections × ${duration} s per run, ${rounds} round(s), ${warmup} s warm-up each; ` +
      `bare server pid ${bare.pid}, API pid ${api.pid}, API without page cache ("miss") pid ${miss.pid}`,
  );
  const runs: Measured[] = [];
  for (const [e, endpoint] of endpoints.entries()) {
    const targets = [
      { server: 'bare' as const, url: `${bare.url}${endpoint.path}`, pid: bare.pid },
      { server: 'api' as const, url: `${api.url}${endpoint.path}`, pid: api.pid },
      { server: 'miss' as const, url: `${miss.url}${endpoint.path}`, pid: miss.pid },
      ...(missBefore ? [{ server: 'miss-before' as const, url: `${missBefore.url}${endpoint.path}`, pid: missBefore.pid }] : []),
    ];
    for (const target of targets) await load(target.url, connections, warmup);
    for (let round = 0; round < rounds; round++) {
      const order = (round + e) % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const run = await measure(target.server, endpoint.name, target.url, connections, duration, target.pid);
        console.log(
          `  ${endpoint.name.padEnd(24)} ${target.server.padEnd(4)} ${fmt(run.rps, 0).padStart(7)} req/s  p50 ${fmt(run.p50, 1)} ms  p99 ${fmt(run.p99, 1)} ms  failures ${run.failures}`,
        );
        runs.push(run);
      }
    }
  }

  const summary = (endpoint: string, server: Measured['server']) => {
    const mine = runs.filter((r) => r.endpoint === endpoint && r.server === server);
    const sum = (pick: (r: Measured) => number) => mine.reduce((n, r) => n + pick(r), 0);
    return {
      rps: sum((r) => r.rps) / mine.length,
      p50: Math.max(...mine.map((r) => r.p50)),
      p95: Math.max(...mine.map((r) => r.p95)),
      p99: Math.max(...mine.map((r) => r.p99)),
      max: Math.max(...mine.map((r) => r.max)),
      ok: sum((r) => r.result['2xx']),
      errors: sum((r) => r.result.errors),
      timeouts: sum((r) => r.result.timeouts),
      non2xx: sum((r) => r.result.non2xx),
      mbps: sum((r) => r.result.throughput.total) / sum((r) => r.result.duration) / 1024 / 1024,
      cpuPerRequest: (1e6 * sum((r) => r.serverCpu)) / Math.max(1, sum((r) => r.result.requests.total)),
      busy: sum((r) => r.machineBusy) / mine.length,
    };
  };

  const rows: (string | number)[][] = [
    ['endpoint', 'server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '2xx', 'errors', 'timeouts', 'non-2xx', 'MiB/s', 'server CPU µs/req', 'busy %'],
  ];
  const results: (string | number)[][] = [['endpoint', 'goal', 'measured', 'result']];
  for (const endpoint of endpoints) {
    const ours = summary(endpoint.name, 'api');
    const base = summary(endpoint.name, 'bare');
    const missed = summary(endpoint.name, 'miss');
    const servers = [['bare', base], ['api', ours], ['miss', missed]] as [string, typeof base][];
    if (missBefore) servers.push(['miss-before', summary(endpoint.name, 'miss-before')]);
    for (const [server, s] of servers) {
      rows.push([
        endpoint.name,
        server,
        fmt(s.rps, 0),
        fmt(s.p50, 1),
        fmt(s.p95, 1),
        fmt(s.p99, 1),
        fmt(s.max, 1),
        s.ok,
        s.errors,
        s.timeouts,
        s.non2xx,
        fmt(s.mbps, 1),
        fmt(s.cpuPerRequest, 0),
        fmt(s.busy, 0),
      ]);
    }
    const ratio = ours.rps / base.rps;
    const failures = ours.errors + ours.timeouts + ours.non2xx;
    results.push(
      [endpoint.name, `req/s api / bare ≥ ${GOAL_RATIO}×`, `${fmt(ratio, 2)}×`, verdict(ratio >= GOAL_RATIO)],
      [endpoint.name, `p99 ≤ ${GOAL_P99_MS} ms`, `${fmt(ours.p99, 1)} ms (bare ${fmt(base.p99, 1)} ms)`, verdict(ours.p99 <= GOAL_P99_MS)],
      [endpoint.name, 'errors + timeouts + non-2xx = 0', String(failures), verdict(failures === 0)],
      [
        endpoint.name,
        `on a miss (cache off): req/s / bare ≥ ${GOAL_MISS_RATIO}×`,
        `${fmt(missed.rps / base.rps, 3)}× (p99 ${fmt(missed.p99, 1)} ms, failures ${missed.errors + missed.timeouts + missed.non2xx})`,
        verdict(missed.rps / base.rps >= GOAL_MISS_RATIO && missed.errors + missed.timeouts + missed.non2xx === 0),
      ],
    );
    if (missBefore) {
      const before = summary(endpoint.name, 'miss-before');
      results.push([
        endpoint.name,
        'miss: this build / the build before (no goal)',
        `req/s ${fmt(missed.rps / before.rps, 2)}×, CPU µs/req ${fmt(missed.cpuPerRequest, 0)} vs ${fmt(before.cpuPerRequest, 0)}`,
        '—',
      ]);
    }
  }
  printTable(`Load: ${connections} connections, ${duration} s per run (p50/p95/p99/max: the worst run; CPU: the server process)`, rows);
  printTable('Result', results);
}

runBenchmark(main);
