/**
 * Large upload: a video file streamed from disk through the API's studio
 * upload route, against a direct presigned PUT of the same file to the same
 * store. Samples the API process's resident memory while it streams.
 *
 *   npx tsx bench/media/upload.ts
 *
 * Also times, in this process, the markup scan the API runs over images and
 * PDFs (not over this video): milliseconds per 100 MiB of random bytes (what
 * compressed image data looks like) and of a photo-like JPEG.
 *
 * With BENCH_UPLOAD_REFERENCE=1 it also sends the file through
 * reference-proxy.ts, a bare Node proxy in its own process, once hashing with
 * SHA-256 and once with the API's own upload-stream code: what any Node hop
 * pays on this machine (this doubles the run time).
 *
 * Env: BENCH_UPLOAD_MB (1024) file size in MiB; BENCH_UPLOAD_RUNS (3) runs of
 *      every path, rotating which goes first (medians reported);
 *      BENCH_UPLOAD_REFERENCE=1 adds the reference proxy paths;
 *      BENCH_RSS_INTERVAL_MS (50); BENCH_PG_ADMIN_URL
 *      (postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MarkupScanner } from '../../apps/api/src/modules/media/markup-scanner';
import {
  type Api,
  BUCKET,
  type Cleanup,
  MB,
  REPO_ROOT,
  type Session,
  type Store,
  envNumber,
  fmt,
  login,
  makePhotoJpeg,
  median,
  machineBusyPercent,
  printTable,
  readCpuSeconds,
  readMachineCpu,
  readRss,
  readyPort,
  runBenchmark,
  sendStream,
  sleep,
  startStack,
  stopChild,
  uploadHeaders,
  uploadUrl,
  verdict,
} from './support';

const RSS_GOAL_MB = 100;
const THROUGHPUT_GOAL = 0.7;

/**
 * A file that sniffs as video/mp4: an ISO-BMFF `ftyp` box (brand isom), then
 * one `mdat` box (64-bit size) filling the rest with pseudo-random bytes, so
 * nothing on the way can compress it.
 */
function writeMp4(path: string, bytes: number): void {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  const mdatHeader = Buffer.alloc(16);
  mdatHeader.writeUInt32BE(1, 0); // size 1: a 64-bit size follows the type
  mdatHeader.write('mdat', 4, 'latin1');
  mdatHeader.writeBigUInt64BE(BigInt(bytes - ftyp.length), 8);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, Buffer.concat([ftyp, mdatHeader]));
    let left = bytes - ftyp.length - mdatHeader.length;
    const chunk = Buffer.alloc(8 * MB);
    while (left > 0) {
      const part = chunk.subarray(0, Math.min(chunk.length, left));
      randomFillSync(part);
      writeSync(fd, part);
      left -= part.length;
    }
  } finally {
    closeSync(fd);
  }
}

/** Scans `data` as the API does, in 64 KiB chunks (a socket's reads), `rounds` times; ms per 100 MiB and what it found. */
function timeMarkupScan(data: Buffer, rounds: number): { msPer100MiB: number; found: number } {
  const chunk = 64 * 1024;
  let found = 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    const scanner = new MarkupScanner();
    for (let at = 0; at < data.length; at += chunk) if (scanner.scan(data.subarray(at, at + chunk))) found += 1;
    if (scanner.end()) found += 1;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { msPer100MiB: (ms / ((data.length * rounds) / MB)) * 100, found };
}

async function measureMarkupScan(): Promise<void> {
  const random = randomFillSync(Buffer.alloc(64 * MB));
  const photo = await makePhotoJpeg(6000, 4000);
  timeMarkupScan(photo, 1); // warm-up
  const rows = [
    ['random bytes (like compressed image data)', random, 4],
    [`photo-like JPEG 6000×4000 (${fmt(photo.length / MB, 1)} MiB)`, photo, Math.ceil((256 * MB) / photo.length)],
  ] as const;
  printTable('Markup scan of images and PDFs (in this process, 64 KiB chunks)', [
    ['data', 'MiB scanned', 'ms per 100 MiB', 'chunks with a token'],
    ...rows.map(([label, data, rounds]) => {
      const { msPer100MiB, found } = timeMarkupScan(data, rounds);
      return [label, fmt((data.length * rounds) / MB, 0), fmt(msPer100MiB, 1), found];
    }),
  ]);
}

interface RssTrace {
  before: number;
  peak: number;
  after: number;
  hwmBefore: number;
  hwmAfter: number;
  samples: number;
  /** [seconds since start, MiB] every sample. */
  points: [number, number][];
}

/** Reads the process's VmRSS every `intervalMs` until stopped. */
function sampleRss(pid: number, intervalMs: number): { stop: () => RssTrace } {
  const first = readRss(pid);
  if (!first) throw new Error(`cannot read /proc/${pid}/status`);
  const started = Date.now();
  const points: [number, number][] = [[0, first.rss]];
  let peak = first.rss;
  const timer = setInterval(() => {
    const now = readRss(pid);
    if (!now) return;
    points.push([(Date.now() - started) / 1000, now.rss]);
    peak = Math.max(peak, now.rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const last = readRss(pid) ?? first;
      peak = Math.max(peak, last.rss);
      points.push([(Date.now() - started) / 1000, last.rss]);
      return {
        before: first.rss,
        peak,
        after: last.rss,
        hwmBefore: first.hwm,
        hwmAfter: last.hwm,
        samples: points.length,
        points,
      };
    },
  };
}

async function directPut(store: Store, file: string, size: number, key: string): Promise<number> {
  const url = await store.client.presignedPutObject(BUCKET, key, 60 * 60);
  const result = await sendStream(
    url,
    'PUT',
    { 'content-length': String(size), 'content-type': 'video/mp4' },
    createReadStream(file),
  );
  if (result.status < 200 || result.status >= 300) throw new Error(`direct PUT answered ${result.status}: ${result.body.slice(0, 300)}`);
  return result.seconds;
}

async function apiUpload(
  api: Api,
  session: Session,
  file: string,
  size: number,
  intervalMs: number,
): Promise<{ seconds: number; rss: RssTrace; asset: { id: string; mimeType: string; kind: string; byteSize: number } }> {
  const sampler = sampleRss(api.pid, intervalMs);
  let rss: RssTrace | undefined;
  const result = await sendStream(
    uploadUrl(api, session),
    'POST',
    uploadHeaders(session, size, 'bench-video.mp4'),
    createReadStream(file),
  ).finally(() => {
    rss = sampler.stop();
  });
  if (result.status !== 201 && result.status !== 200) {
    throw new Error(`API upload answered ${result.status}: ${result.body.slice(0, 500)}\n${api.tail()}`);
  }
  return { seconds: result.seconds, rss: rss!, asset: JSON.parse(result.body) };
}

/** A coarse text sparkline of the RSS trace, one value per ~1/40 of the upload. */
function sketch(points: [number, number][]): string {
  const buckets = 40;
  const end = points[points.length - 1][0] || 1;
  const values: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const inside = points.filter(([t]) => t >= (b * end) / buckets && t <= ((b + 1) * end) / buckets).map(([, v]) => v);
    values.push(inside.length ? Math.max(...inside) : values[values.length - 1] ?? points[0][1]);
  }
  const lo = Math.min(...points.map(([, v]) => v));
  const hi = Math.max(...values);
  const bars = '▁▂▃▄▅▆▇█';
  return values.map((v) => bars[hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (bars.length - 1))]).join('') + `  (${fmt(lo, 0)}–${fmt(hi, 0)} MiB)`;
}

interface CpuUse {
  /** The process between client and store: the API or the reference proxy (0 for the direct PUT). */
  hop: number;
  store: number;
  client: number;
  /** How busy all the machine's CPUs were, 0–100 %. */
  machine: number;
}

/** CPU seconds the hop process, the store and this process spend while `work` runs. */
async function withCpu<T>(hopPid: number | null, store: Store, work: () => Promise<T>): Promise<[T, CpuUse]> {
  const hopCpu = () => (hopPid === null ? 0 : readCpuSeconds(hopPid));
  const before = { hop: hopCpu(), store: readCpuSeconds(store.pid), client: process.cpuUsage(), machine: readMachineCpu() };
  const result = await work();
  const client = process.cpuUsage(before.client);
  const machine = machineBusyPercent(before.machine, readMachineCpu());
  return [
    result,
    { hop: hopCpu() - before.hop, store: readCpuSeconds(store.pid) - before.store, client: (client.user + client.system) / 1e6, machine },
  ];
}

/** bench/media/reference-proxy.ts in its own process, as the API runs in its own. */
async function startReferenceProxy(cleanup: Cleanup): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'reference-proxy.ts')], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanup.child(child);
  cleanup.add('stop the reference proxy', () => stopChild(child));
  const port = await readyPort(child, 'the reference proxy');
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid! };
}

type ProxyMode = 'sha' | 'api-stream';

async function proxyPut(proxyUrl: string, store: Store, file: string, size: number, key: string, mode: ProxyMode): Promise<number> {
  const target = await store.client.presignedPutObject(BUCKET, key, 60 * 60);
  const result = await sendStream(
    proxyUrl,
    'PUT',
    { 'content-length': String(size), 'content-type': 'application/octet-stream', 'x-target': target, 'x-mode': mode },
    createReadStream(file),
  );
  if (result.status !== 200) throw new Error(`reference proxy answered ${result.status}: ${result.body.slice(0, 300)}`);
  return result.seconds;
}

interface PathResult {
  label: string;
  short: string;
  times: number[];
  cpu: CpuUse[];
}

async function main(cleanup: Cleanup): Promise<void> {
  const sizeMb = envNumber('BENCH_UPLOAD_MB', 1024);
  const runs = envNumber('BENCH_UPLOAD_RUNS', 3);
  const intervalMs = envNumber('BENCH_RSS_INTERVAL_MS', 50);
  const withReference = process.env.BENCH_UPLOAD_REFERENCE === '1';
  const size = Math.round(sizeMb * MB);

  console.log('starting s3rver, a fresh database and the API…');
  const { tempDir, store, database, api } = await startStack(cleanup, {
    dbPrefix: 'bench_upload',
    env: { MEDIA_MAX_VIDEO_BYTES: String(Math.min(5 * 1024 ** 3, Math.max(size, 5 * MB))) },
  });
  console.log(`store ${store.endpoint} (pid ${store.pid}), database ${database.name}, API ${api.url} (pid ${api.pid})`);
  const proxy = withReference ? await startReferenceProxy(cleanup) : null;

  const file = join(tempDir, 'upload.mp4');
  console.log(`writing a ${fmt(sizeMb, 0)} MiB MP4-looking file…`);
  writeMp4(file, size);
  cleanup.add('remove the upload file', () => rmSync(file, { force: true }));

  const session = await login(api);
  // A small file through every path first, so routes, connections and the JIT are warm.
  const warmFile = join(tempDir, 'warm.mp4');
  writeMp4(warmFile, 2 * MB);
  await directPut(store, warmFile, 2 * MB, 'bench/warm.mp4');
  await apiUpload(api, session, warmFile, 2 * MB, intervalMs);
  if (proxy) for (const mode of ['sha', 'api-stream'] as const) await proxyPut(proxy.url, store, warmFile, 2 * MB, `bench/warm-${mode}.mp4`, mode);

  const direct: PathResult = { label: 'direct presigned PUT to s3rver (baseline)', short: 'direct', times: [], cpu: [] };
  const viaApi: PathResult = { label: 'POST /api/studio/countries/:id/media', short: 'API', times: [], cpu: [] };
  const hashing: PathResult = { label: 'reference: bare Node proxy + SHA-256', short: 'proxy+sha', times: [], cpu: [] };
  const apiStream: PathResult = { label: "reference: Node proxy + the API's upload-stream code", short: 'proxy+api-stream', times: [], cpu: [] };
  const traces: RssTrace[] = [];
  let asset: { id: string; mimeType: string; kind: string; byteSize: number } | undefined;

  const record = (path: PathResult, [seconds, used]: [number, CpuUse]) => {
    path.times.push(seconds);
    path.cpu.push(used);
  };
  const steps: { path: PathResult; run: (i: number) => Promise<void> }[] = [
    {
      path: direct,
      run: async (i) => {
        const key = `bench/direct-${i}.mp4`;
        record(direct, await withCpu(null, store, () => directPut(store, file, size, key)));
        await store.client.removeObject(BUCKET, key).catch(() => undefined);
      },
    },
    {
      path: viaApi,
      run: async () => {
        await sleep(1000); // let the API settle before "before" is read
        // The same file again is recognised by its hash and answered 200 with the first asset; its bytes still travel.
        const [uploaded, used] = await withCpu(api.pid, store, () => apiUpload(api, session, file, size, intervalMs));
        record(viaApi, [uploaded.seconds, used]);
        traces.push(uploaded.rss);
        asset = uploaded.asset;
      },
    },
  ];
  if (proxy) {
    for (const [path, mode] of [[hashing, 'sha'], [apiStream, 'api-stream']] as const) {
      steps.push({
        path,
        run: async (i) => {
          const key = `bench/${path.short}-${i}.mp4`;
          record(path, await withCpu(proxy.pid, store, () => proxyPut(proxy.url, store, file, size, key, mode)));
          await store.client.removeObject(BUCKET, key).catch(() => undefined);
        },
      });
    }
  }

  // Rotate which path goes first, so page-cache and write-back effects fall on all alike.
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < steps.length; j++) await steps[(i + j) % steps.length].run(i);
    const trace = traces[traces.length - 1];
    console.log(
      `run ${i + 1}/${runs}: ` +
        steps.map(({ path }) => `${path.short} ${fmt(path.times[i])} s`).join(', ') +
        `; API RSS ${fmt(trace.before, 0)} → peak ${fmt(trace.peak, 0)} MiB (${trace.samples} samples)`,
    );
  }
  await sleep(2000);
  const settled = readRss(api.pid);

  const mbs = (path: PathResult) => sizeMb / median(path.times);
  const ratio = mbs(viaApi) / mbs(direct);
  const worst = traces.reduce((a, b) => (b.peak - b.before > a.peak - a.before ? b : a));
  const growth = worst.peak - worst.before;
  const paths = steps.map(({ path }) => path);

  printTable('Each run (seconds)', [
    ['run', ...paths.map((p) => p.short), 'API RSS before', 'API RSS peak', 'growth MiB'],
    ...traces.map((trace, i) => [
      i + 1,
      ...paths.map((p) => fmt(p.times[i])),
      fmt(trace.before, 1),
      fmt(trace.peak, 1),
      fmt(trace.peak - trace.before, 1),
    ]),
  ]);
  printTable(`Upload of ${fmt(sizeMb, 0)} MiB (video/mp4), streamed from disk; median of ${runs} run(s)`, [
    ['path', 'seconds', 'MiB/s', '× direct'],
    ...paths.map((p) => [p.label, fmt(median(p.times)), fmt(mbs(p), 1), `${fmt(mbs(p) / mbs(direct))}×`]),
  ]);
  printTable(`CPU seconds spent during each path (user + system, median; ${cpus().length} CPUs)`, [
    ['path', 'API / proxy process', 's3rver process', 'benchmark (client)', 'all CPUs busy'],
    ...paths.map((p) => [
      p.short,
      fmt(median(p.cpu.map((c) => c.hop))),
      fmt(median(p.cpu.map((c) => c.store))),
      fmt(median(p.cpu.map((c) => c.client))),
      `${fmt(median(p.cpu.map((c) => c.machine)), 0)} %`,
    ]),
  ]);
  const overall = Math.max(...traces.map((t) => t.peak)) - traces[0].before;
  printTable(`API process memory during the upload with the largest growth (VmRSS every ${intervalMs} ms)`, [
    ['figure', 'MiB'],
    ['RSS before', fmt(worst.before, 1)],
    ['RSS peak', fmt(worst.peak, 1)],
    ['RSS growth (peak − before)', fmt(growth, 1)],
    ['RSS right after the answer', fmt(worst.after, 1)],
    ['RSS 2 s after the last run', fmt(settled?.rss ?? NaN, 1)],
    ['peak of all runs − before run 1', fmt(overall, 1)],
    ['VmHWM before → after (kernel peak)', `${fmt(worst.hwmBefore, 1)} → ${fmt(worst.hwmAfter, 1)}`],
  ]);
  console.log(`RSS over the upload: ${sketch(worst.points)}`);
  const resultRows: (string | number)[][] = [
    ['figure', 'value', 'goal', 'verdict'],
    ['throughput API / direct', `${fmt(ratio)}×`, `≥ ${THROUGHPUT_GOAL}×`, verdict(ratio >= THROUGHPUT_GOAL)],
    ['API RSS growth', `${fmt(growth, 1)} MiB`, `< ${RSS_GOAL_MB} MiB`, verdict(growth < RSS_GOAL_MB)],
  ];
  if (proxy) {
    resultRows.push(['reference: API / proxy + SHA-256', `${fmt(mbs(viaApi) / mbs(hashing))}×`, '', '']);
    resultRows.push(['reference: API / proxy + API stream code', `${fmt(mbs(viaApi) / mbs(apiStream))}×`, '', '']);
  }
  printTable('Result', resultRows);
  console.log(`\nthe API stored asset ${asset?.id} as ${asset?.kind} ${asset?.mimeType}, ${asset?.byteSize} bytes`);
  await measureMarkupScan();
}

runBenchmark(main);
