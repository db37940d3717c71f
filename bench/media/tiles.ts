/**
 * Tile serving: one IIIF tile of a published image fetched anonymously
 * through the API, against the same object fetched straight from the store;
 * then IIIF level-1 requests no stored object answers, rendered from the
 * pyramid, beside the stored tile as a ratio.
 *
 *   npx tsx bench/media/tiles.ts
 *
 * Env: BENCH_TILES_DURATION (10) seconds per side, BENCH_TILES_CONNECTIONS (32),
 *      BENCH_RENDER_CONNECTIONS (8: within the API's 2 renderings at once and 8 waiting, so none is refused 503),
 *      BENCH_TILES_WARMUP (2) seconds of untimed load per side first,
 *      BENCH_TILE_IMAGE_WIDTH (4000), BENCH_TILE_IMAGE_HEIGHT (3000),
 *      BENCH_PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import autocannon, { type Result } from 'autocannon';
import { Client as PgClient } from 'pg';
import {
  BUCKET,
  type Cleanup,
  apiJson,
  envNumber,
  fmt,
  login,
  makePhotoJpeg,
  machineBusyPercent,
  printTable,
  readCpuSeconds,
  readMachineCpu,
  runBenchmark,
  sendStream,
  sleep,
  startStack,
  uploadHeaders,
  uploadUrl,
  verdict,
} from './support';

/** What issue 11 asks of tiles through the API, against the store itself. */
const GOAL_RATIO = 0.8;
/** The longest a public tile may be kept by a cache, in seconds, so that a withdrawal reaches caches within ten minutes. */
const MAX_AGE_GOAL = 600;

/** The tile at the top-left of full resolution, under its canonical IIIF Image API 3.0 path. */
const TILE = '0,0,512,512/512,512/0/default.jpg';

interface Asset {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  failureReason: string | null;
  tiled: boolean;
  width: number | null;
  height: number | null;
}

/**
 * Makes the item's latest revision live behind the API's back, as an approval
 * does (the approval's gates are not what this benchmark measures).
 */
async function publishItem(databaseUrl: string, itemId: string): Promise<void> {
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  try {
    const updated = await db.query(
      `UPDATE items r SET status = 'published', published_at = now(), live_revision = r.version, live_content = v.content,
              live_slug = r.slug, live_media_ids = r.media_ids, live_media_texts = v.media_texts
         FROM content_revisions v WHERE v.record_id = r.id AND v.number = r.version AND r.id = $1`,
      [itemId],
    );
    if (updated.rowCount !== 1) throw new Error(`item ${itemId} not found to publish`);
  } finally {
    await db.end();
  }
}

async function load(url: string, connections: number, duration: number, paths?: () => string): Promise<Result> {
  const requests = paths ? [{ setupRequest: (request: { path: string }) => ({ ...request, path: paths() }) }] : undefined;
  return autocannon({ url, connections, duration, timeout: 10, requests });
}

/** Runs a load and the CPU seconds the API and the store processes spent meanwhile. */
async function measured(url: string, connections: number, duration: number, pids: { api: number; store: number }, paths?: () => string) {
  const before = { api: readCpuSeconds(pids.api), store: readCpuSeconds(pids.store), machine: readMachineCpu() };
  const result = await load(url, connections, duration, paths);
  return {
    result,
    apiCpu: readCpuSeconds(pids.api) - before.api,
    storeCpu: readCpuSeconds(pids.store) - before.store,
    machineBusy: machineBusyPercent(before.machine, readMachineCpu()),
  };
}

async function main(cleanup: Cleanup): Promise<void> {
  const duration = envNumber('BENCH_TILES_DURATION', 10);
  const connections = envNumber('BENCH_TILES_CONNECTIONS', 32);
  const warmup = envNumber('BENCH_TILES_WARMUP', 2);
  const width = envNumber('BENCH_TILE_IMAGE_WIDTH', 4000);
  const height = envNumber('BENCH_TILE_IMAGE_HEIGHT', 3000);

  console.log('starting s3rver, a fresh database and the API…');
  const { store, database, api } = await startStack(cleanup, { dbPrefix: 'bench_tiles' });
  console.log(`store ${store.endpoint} (pid ${store.pid}), database ${database.name}, API ${api.url} (pid ${api.pid})`);
  const session = await login(api);
  const media = `/api/studio/countries/${session.countryId}/media`;

  // ── an image big enough to be tiled, uploaded and processed by the API's own worker ──
  const image = await makePhotoJpeg(width, height, 90);
  const uploaded = await sendStream(
    uploadUrl(api, session),
    'POST',
    uploadHeaders(session, image.length, 'bench-tiles.jpg'),
    Readable.from([image]),
  );
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${uploaded.body.slice(0, 500)}`);
  const assetId = (JSON.parse(uploaded.body) as Asset).id;
  const processingStarted = Date.now();
  let asset: Asset;
  for (;;) {
    asset = await apiJson<Asset>(api, session, 'GET', `${media}/${assetId}`);
    if (asset.status !== 'processing') break;
    if (Date.now() - processingStarted > 120_000) throw new Error(`asset ${assetId} still processing after 120 s\n${api.tail()}`);
    await sleep(200);
  }
  if (asset.status !== 'ready' || !asset.tiled) {
    throw new Error(`asset ${assetId} ended ${asset.status} (tiled: ${asset.tiled}): ${asset.failureReason ?? ''}\n${api.tail()}`);
  }
  console.log(`asset ${assetId}: ${asset.width}×${asset.height}, ready and tiled after ${fmt((Date.now() - processingStarted) / 1000, 1)} s`);

  // ── shown by an item, which is then published (no publish API to rely on: straight SQL) ──
  await apiJson(api, session, 'PATCH', `${media}/${assetId}`, { alt: { ru: { text: 'Тестовое изображение', status: 'original' } } });
  const item = await apiJson<{ id: string }>(api, session, 'POST', `/api/studio/countries/${session.countryId}/items`, {
    slug: `bench-tiles-${randomBytes(4).toString('hex')}`,
    kind: 'photograph',
    title: { ru: { text: 'Тайлы', status: 'original' } },
    media: [{ assetId }],
  });
  await publishItem(database.url, item.id);

  // ── the two URLs, checked to answer the same bytes ──
  const apiTile = `${api.url}/iiif/3/${assetId}/${TILE}`;
  const key = `${session.countryId}/${assetId}/iiif/${TILE}`;
  const storeTile = await store.client.presignedGetObject(BUCKET, key, 24 * 60 * 60);
  const viaApi = await fetch(apiTile);
  const viaStore = await fetch(storeTile);
  const [apiBytes, storeBytes] = [Buffer.from(await viaApi.arrayBuffer()), Buffer.from(await viaStore.arrayBuffer())];
  if (viaApi.status !== 200) throw new Error(`anonymous GET ${apiTile} answered ${viaApi.status}: ${apiBytes.toString().slice(0, 300)}`);
  if (viaStore.status !== 200) throw new Error(`presigned GET of ${key} answered ${viaStore.status}`);
  if (!apiBytes.equals(storeBytes)) throw new Error('the API and the store answered different bytes for the tile');
  console.log(
    `tile: ${apiBytes.length} bytes, API cache-control "${viaApi.headers.get('cache-control')}", ` +
      `access-control-allow-origin "${viaApi.headers.get('access-control-allow-origin')}"`,
  );

  const conditional = (await fetch(apiTile, { headers: { 'if-none-match': viaApi.headers.get('etag') ?? '' } })).status;

  // The "w," spelling of the same tile (level 1): resolved to the stored tile, so the same bytes.
  const widthOnly = await fetch(`${api.url}/iiif/3/${assetId}/0,0,512,512/512,/0/default.jpg`);
  const widthOnlyBytes = Buffer.from(await widthOnly.arrayBuffer());
  console.log(`(for reference: the same tile asked as size "512," answers ${widthOnly.status}, ${widthOnlyBytes.equals(apiBytes) ? 'the same bytes' : 'other bytes'})`);

  // ── load: baseline first, then the API, each after an untimed warm-up ──
  console.log(`\nload: ${connections} connections, ${duration} s each (after ${warmup} s warm-up)…`);
  const pids = { api: api.pid, store: store.pid };
  await load(storeTile, connections, warmup);
  const baseRun = await measured(storeTile, connections, duration, pids);
  const base = baseRun.result;
  console.log(`  store: ${fmt(base.requests.average, 0)} req/s`);
  await load(apiTile, connections, warmup);
  const oursRun = await measured(apiTile, connections, duration, pids);
  const ours = oursRun.result;
  console.log(`  API:   ${fmt(ours.requests.average, 0)} req/s`);

  const row = (label: string, { result: r, apiCpu, storeCpu, machineBusy }: Awaited<ReturnType<typeof measured>>) => [
    label,
    fmt(r.requests.average, 0),
    fmt(r.latency.p50, 0),
    fmt(r.latency.p99, 0),
    r['2xx'],
    r.non2xx,
    r.errors,
    r.timeouts,
    fmt(r.throughput.average / 1024 / 1024, 1),
    fmt(apiCpu, 1),
    fmt(storeCpu, 1),
    `${fmt(machineBusy, 0)} %`,
  ];
  printTable(`GET one ${TILE.split('/')[1]} tile (${apiBytes.length} bytes), ${connections} connections, ${duration} s`, [
    ['path', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'errors', 'timeouts', 'MiB/s', 'API cpu s', 's3rver cpu s', 'all CPUs busy'],
    row('s3rver, presigned GET (baseline)', baseRun),
    row(`API /iiif/3/:id/${TILE}`, oursRun),
  ]);
  const ratio = ours.requests.average / base.requests.average;
  const failures = ours.errors + ours.timeouts + ours.non2xx;
  printTable('Result', [
    ['figure', 'value', 'goal', 'verdict'],
    ['req/s API / store', `${fmt(ratio)}×`, `≥ ${fmt(GOAL_RATIO, 1)}×`, verdict(ratio >= GOAL_RATIO)],
    ['p99 latency API / store', `${fmt(ours.latency.p99 / Math.max(base.latency.p99, 1))}×`, '', ''],
    ['API errors + timeouts + non-2xx', `${failures}`, '0', verdict(failures === 0)],
  ]);
  const maxAge = /max-age=(\d+)/.exec(viaApi.headers.get('cache-control') ?? '');
  printTable('Caching', [
    ['figure', 'value', 'goal', 'verdict'],
    ['public tile max-age (s)', maxAge ? maxAge[1] : 'none', `≤ ${MAX_AGE_GOAL}`, verdict(Boolean(maxAge) && Number(maxAge![1]) <= MAX_AGE_GOAL)],
    ['conditional GET with the ETag', `${conditional}`, '304', verdict(conditional === 304)],
  ]);
  await renderedCases({ api: api.url, assetId, width, height, connections: envNumber('BENCH_RENDER_CONNECTIONS', 8), duration, warmup, pids, stored: oursRun, row });
  console.log(
    '\nAn API tile request checks that the asset is public (a query, or the memo of public assets the database\'s ' +
      'notifications keep current), then sends the tile from a small in-process cache of hot tiles or from the same s3rver.',
  );
}

type Measured = Awaited<ReturnType<typeof measured>>;

/**
 * IIIF level 1: requests no stored object answers, rendered by the API from
 * the pyramid. Each request names a region or size not asked before (a
 * rendering each time, none from the API's cache of rendered bytes), except
 * the last case, one rendered URL asked again and again (from that cache).
 * Beside the stored tile above, as a ratio of requests per second.
 */
async function renderedCases(run: {
  api: string;
  assetId: string;
  width: number;
  height: number;
  connections: number;
  duration: number;
  warmup: number;
  pids: { api: number; store: number };
  stored: Measured;
  row: (label: string, measured: Measured) => (string | number)[];
}): Promise<void> {
  const base = `/iiif/3/${run.assetId}`;
  let n = 0;
  // Off the tile grid, so each 512 px region spans four full-resolution tiles; never the same twice within a run.
  const across = () => {
    n++;
    const x = 1 + ((n * 37) % (run.width - 600));
    const y = 1 + ((n * 53 + Math.floor((n * 37) / (run.width - 600))) % (run.height - 600));
    return `${base}/${x},${y},512,512/512,512/0/default.jpg`;
  };
  // The whole image about 1000 px wide: the tiles of the level at scale 2 or 4 (a dozen or so).
  const whole = () => `${base}/full/${900 + (n++ % 200)},/0/default.jpg`;
  const repeated = `${base}/1,1,512,512/512,512/0/default.jpg`;
  const cases: [string, () => string][] = [
    ['rendered: a 512 px region across 4 tiles, new each time', across],
    ['rendered: the whole image ~1000 px wide, new each time', whole],
    ['rendered: one region again and again (kept bytes)', () => repeated],
  ];
  for (const [, paths] of cases) {
    const check = await fetch(`${run.api}${paths()}`);
    await check.arrayBuffer();
    if (check.status !== 200) throw new Error(`a rendered request answered ${check.status}`);
  }
  console.log(`\nrendered load: ${run.connections} connections, ${run.duration} s each (after ${run.warmup} s warm-up)…`);
  const results: [string, Measured][] = [];
  for (const [label, paths] of cases) {
    await load(run.api, run.connections, run.warmup, paths);
    // The warm-up's last requests were dropped by autocannon but are still queued in the API: let them drain, or they fill its queue (503).
    await sleep(2000);
    const measuredRun = await measured(run.api, run.connections, run.duration, run.pids, paths);
    console.log(`  ${label}: ${fmt(measuredRun.result.requests.average, 0)} req/s`);
    results.push([label, measuredRun]);
  }
  printTable(`IIIF level 1: rendered answers (${run.connections} connections, ${run.duration} s each) beside the stored tile`, [
    ['path', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'errors', 'timeouts', 'MiB/s', 'API cpu s', 's3rver cpu s', 'all CPUs busy'],
    run.row(`stored tile (${TILE.split('/')[0]}), from above`, run.stored),
    ...results.map(([label, result]) => run.row(label, result)),
  ]);
  const storedRate = run.stored.result.requests.average;
  printTable('Rendered / stored', [
    ['case', 'req/s ratio', 'p50 latency ratio', 'API cpu s per 1000 answers'],
    ...results.map(([label, { result, apiCpu }]) => [
      label,
      `${fmt(result.requests.average / storedRate, 3)}×`,
      `${fmt(result.latency.p50 / Math.max(run.stored.result.latency.p50, 1), 1)}×`,
      fmt((apiCpu / Math.max(result['2xx'], 1)) * 1000, 2),
    ]),
    ['stored tile', '1.000×', '1.0×', fmt((run.stored.apiCpu / Math.max(run.stored.result['2xx'], 1)) * 1000, 2)],
  ]);
}

runBenchmark(main);
