/**
 * Tile serving: one IIIF tile of a published image fetched anonymously
 * through the API, against the same object fetched straight from the store.
 *
 *   npx tsx bench/media/tiles.ts
 *
 * Env: BENCH_TILES_DURATION (10) seconds per side, BENCH_TILES_CONNECTIONS (32),
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

async function load(url: string, connections: number, duration: number): Promise<Result> {
  return autocannon({ url, connections, duration, timeout: 10 });
}

/** Runs a load and the CPU seconds the API and the store processes spent meanwhile. */
async function measured(url: string, connections: number, duration: number, pids: { api: number; store: number }) {
  const before = { api: readCpuSeconds(pids.api), store: readCpuSeconds(pids.store), machine: readMachineCpu() };
  const result = await load(url, connections, duration);
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

  // The IIIF 2 style "w," size (not the 3.0 canonical "w,h") is not among the level-0 paths the API stores.
  const widthOnly = await fetch(`${api.url}/iiif/3/${assetId}/0,0,512,512/512,/0/default.jpg`);
  await widthOnly.arrayBuffer();
  console.log(`(for reference: the same tile asked as size "512," answers ${widthOnly.status})`);

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
  console.log(
    '\nAn API tile request checks that the asset is public (a query, or the memo of public assets the database\'s ' +
      'notifications keep current), then sends the tile from a small in-process cache of hot tiles or from the same s3rver.',
  );
}

runBenchmark(main);
