/// <reference lib="dom" />
/**
 * The visitor pages in Chromium on the built app: the JavaScript a cold visit
 * of the home, a country and an exhibition page loads (gzip, against the
 * 150 KB budget, and whether any of it is studio / review / admin code), and
 * the LCP of the exhibition page against the same page as static HTML.
 *
 *   npm run build && npx tsx bench/web/visitor-pages.ts
 *
 * Env: BENCH_WEB_RUNS (5) cold loads per side and CPU setting,
 *      BENCH_WEB_THROTTLE (4) the CPU slowdown of the second LCP figure,
 *      BENCH_WEB_BUDGET_KB (150), BENCH_WEB_COUNTRY / BENCH_WEB_EXHIBITION
 *      (found in the demo content), BENCH_WEB_MEDIA_TIMEOUT (300) seconds to
 *      wait for the demo pictures, CHROMIUM_PATH (/usr/bin/chromium), and
 *      those of media/support.ts (BENCH_PG_ADMIN_URL, BENCH_API_VERBOSE, …).
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, gzipSync } from 'node:zlib';
import { Client as PgClient } from 'pg';
import { type Browser, type CDPSession, type Page, chromium } from 'playwright-core';
import {
  type Cleanup,
  REPO_ROOT,
  createDatabase,
  envNumber,
  fmt,
  freePort,
  makeTempDir,
  median,
  printTable,
  runBenchmark,
  sleep,
  startApi,
  startStore,
  verdict,
} from '../media/support';

const WEB_DIST = join(REPO_ROOT, 'dist', 'apps', 'web');
const ASSETS = join(WEB_DIST, 'assets');
const KB = 1024;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only the app's own server: map tiles and anything else outside fail at once
  // instead of waiting on a network this machine may not have.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const VIEWPORT = (() => {
  const raw = process.env.BENCH_WEB_VIEWPORT ?? '1280x800';
  const match = /^(\d+)x(\d+)$/.exec(raw);
  if (!match) throw new Error(`BENCH_WEB_VIEWPORT must look like 1280x800, not "${raw}"`);
  return { width: Number(match[1]), height: Number(match[2]) };
})();

// ───────────────────────────── which code is in a chunk ─────────────────────────────

/** Source modules that only staff use: a visitor must never download them. */
const STAFF_SOURCE = /apps\/web\/src\/pages\/(studio|review|admin)\/|apps\/web\/src\/pages\/(LoginPage|NotificationsPage)\./;
/** Staff chunks by name, when a chunk has no source map to read. */
const STAFF_CHUNK_NAME = /^(StudioPage|ReviewPage|AdminPage|LoginPage|NotificationsPage|studio-|review-|admin-)/;
/** Libraries a page should load only where they are used. */
const HEAVY_LIBRARIES = ['leaflet', 'leaflet.markercluster', 'openseadragon', 'pdfjs-dist'];

interface ChunkInfo {
  /** Source size per package (node_modules) or app folder, from the chunk's source map. */
  parts: Map<string, number>;
  staffSources: string[];
  heavy: string[];
  hasMap: boolean;
}

function partOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const path = source.replace(/^(\.\.\/)+/, '');
  const app = /^(apps\/web\/src\/(?:pages\/[^/]+|components\/[^/]+|[^/]+))/.exec(path);
  if (app) return app[1].replace(/\.(tsx?|json)$/, '');
  return /^libs\/contracts\//.test(path) ? 'libs/contracts' : path;
}

function chunkInfo(file: string): ChunkInfo {
  const mapFile = join(ASSETS, `${file}.map`);
  const parts = new Map<string, number>();
  const staffSources: string[] = [];
  if (!existsSync(mapFile)) {
    return { parts, staffSources: STAFF_CHUNK_NAME.test(file) ? [`(by name) ${file}`] : [], heavy: [], hasMap: false };
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  map.sources.forEach((source, index) => {
    const part = partOf(source);
    parts.set(part, (parts.get(part) ?? 0) + (map.sourcesContent?.[index]?.length ?? 0));
    if (STAFF_SOURCE.test(source)) staffSources.push(source.replace(/^(\.\.\/)+/, ''));
  });
  const heavy = HEAVY_LIBRARIES.filter((name) => parts.has(name));
  return { parts, staffSources, heavy, hasMap: true };
}

/** The largest parts of a chunk by source size, for the table. */
function mainParts(file: string, info: ChunkInfo, count = 3): string {
  if (!info.hasMap) return file.startsWith('rolldown-runtime') ? '(the bundler\'s runtime)' : '(no source map)';
  const total = [...info.parts.values()].reduce((a, b) => a + b, 0) || 1;
  return [...info.parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, size]) => `${name} ${Math.round((100 * size) / total)}%`)
    .join(', ');
}

// ───────────────────────────── the browser ─────────────────────────────

interface ScriptLoad {
  url: string;
  file: string;
  /** Bytes of the body as served (the server sends JS uncompressed). */
  raw: number;
  /** gzip -9 of the body: what a compressing server or CDN would send. */
  gzip: number;
  /** Bytes on the wire as Chromium counted them (headers included). */
  transferred: number;
  contentEncoding: string;
  /** Milliseconds after navigation start that the response finished. */
  finishedAt: number;
  info: ChunkInfo;
}

interface Visit {
  /** Every script, in the order they finished: first those loaded without scrolling, then those scrolling added. */
  scripts: ScriptLoad[];
  /** How many of `scripts` had loaded when the page was idle without scrolling. */
  initialCount: number;
  otherRequests: number;
  failedRequests: string[];
  /** Top of each map on the page, in CSS pixels from the top of the document. */
  maps: number[];
}

/**
 * Records every response of a page through the DevTools protocol (cache off):
 * for scripts their body (gzip-compressed here) and the bytes on the wire.
 */
async function recordNetwork(cdp: CDPSession, options: { bodies: boolean } = { bodies: true }) {
  const requests = new Map<string, { url: string; type: string; encoding: string }>();
  const bodies: Promise<ScriptLoad | null>[] = [];
  const failed: string[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  let startedAt = 0;
  let others = 0;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!startedAt) startedAt = event.timestamp;
    inFlight++;
    lastActivity = Date.now();
    requests.set(event.requestId, { url: event.request.url, type: event.type ?? '', encoding: '' });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.type = event.type;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    request.encoding = headers['content-encoding'] ?? 'identity';
    if (!/javascript/.test(event.response.mimeType) && request.type === 'Script' && !request.url.endsWith('.js')) request.type = 'Other';
  });
  cdp.on('Network.loadingFinished', (event) => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
    const request = requests.get(event.requestId);
    if (!request) return;
    const isScript = request.type === 'Script' || /\.m?js(\?|$)/.test(new URL(request.url).pathname);
    if (!isScript) {
      others++;
      return;
    }
    if (!options.bodies) return;
    const finishedAt = (event.timestamp - startedAt) * 1000;
    bodies.push(
      cdp.send('Network.getResponseBody', { requestId: event.requestId }).then(
        ({ body, base64Encoded }) => {
          const bytes = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
          const file = new URL(request.url).pathname.split('/').pop() ?? request.url;
          return {
            url: request.url,
            file,
            raw: bytes.length,
            gzip: gzipSync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION }).length,
            transferred: event.encodedDataLength,
            contentEncoding: request.encoding,
            finishedAt,
            info: chunkInfo(file),
          };
        },
        () => null,
      ),
    );
  });
  cdp.on('Network.loadingFailed', (event) => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
    const request = requests.get(event.requestId);
    if (request) failed.push(new URL(request.url).host);
  });
  return {
    /** Resolves once no request has been open for `quietMs` (the page is idle). */
    async idle(quietMs = 1000, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return;
        await sleep(50);
      }
      throw new Error(`the page did not become idle within ${timeoutMs / 1000} s (${inFlight} requests open)`);
    },
    /** How many script responses have finished so far. */
    scriptCount: () => bodies.length,
    async result(): Promise<Omit<Visit, 'initialCount' | 'maps'>> {
      // Kept in the order they finished, so a count taken earlier still splits the list.
      const scripts = (await Promise.all(bodies)).filter((s): s is ScriptLoad => s !== null);
      return { scripts, otherRequests: others, failedRequests: failed };
    },
  };
}

async function newPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'ru-RU' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { page, cdp, close: () => context.close() };
}

interface Route {
  label: string;
  path: string;
  /** The page has rendered its content. */
  ready: (page: Page) => Promise<void>;
}

/**
 * A cold visit: everything loaded until the page is idle without scrolling,
 * then what scrolling down to the end (a viewport at a time) adds.
 */
async function visit(browser: Browser, baseUrl: string, route: Route): Promise<Visit> {
  const { page, cdp, close } = await newPage(browser);
  try {
    const network = await recordNetwork(cdp);
    await page.goto(baseUrl + route.path, { waitUntil: 'load' });
    await route.ready(page);
    await network.idle();
    const initialCount = network.scriptCount();
    const maps = await page.evaluate(() =>
      [...document.querySelectorAll('.map-canvas')].map((e) => Math.round(e.getBoundingClientRect().top + window.scrollY)),
    );
    for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += VIEWPORT.height / 2) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await sleep(150);
    }
    await network.idle();
    return { ...(await network.result()), initialCount, maps };
  } finally {
    await close();
  }
}

// ───────────────────────────── LCP ─────────────────────────────

/** Kept in the page from its first script on, read back once it is idle. */
const LCP_OBSERVER = `
  window.__benchLcp = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLcp.push({ startTime: entry.startTime, size: entry.size, tag: entry.element ? entry.element.tagName : null, url: entry.url || '' });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

interface PaintTimes {
  lcp: number;
  fcp: number;
  element: string;
}

async function paintTimes(page: Page): Promise<PaintTimes> {
  // Two frames and a little time, so the last paint has been reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)))));
  return page.evaluate(() => {
    const entries = (window as unknown as { __benchLcp: { startTime: number; tag: string | null; url: string }[] }).__benchLcp;
    const last = entries[entries.length - 1];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    if (!last) return { lcp: NaN, fcp, element: '(none)' };
    const what = last.url ? `${last.tag} ${new URL(last.url).pathname}` : `${last.tag} (text)`;
    return { lcp: last.startTime, fcp, element: what };
  });
}

const heroLoaded = (page: Page) =>
  page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.exhibition-header img');
    return img !== null && img.complete && img.naturalWidth > 0;
  });

/** How a cold load is slowed down: the CPU by a factor, the network by a round-trip latency. */
interface Conditions {
  label: string;
  cpuRate: number;
  latencyMs: number;
}

/** One cold load (fresh context, cache off) of the exhibition page, or of its static copy. */
async function coldLoad(
  browser: Browser,
  url: string,
  conditions: Conditions,
  staticHtml?: string,
): Promise<PaintTimes> {
  const { cpuRate, latencyMs } = conditions;
  const { page, cdp, close } = await newPage(browser);
  try {
    await page.addInitScript(LCP_OBSERVER);
    // Cache off and idle tracking, but no bodies read back: nothing but the page's own work while it loads.
    const network = await recordNetwork(cdp, { bodies: false });
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (latencyMs > 0) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    if (staticHtml !== undefined) {
      // Only this one document is intercepted: its image, styles and the rest still come from the server.
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/__bench/static-exhibition*', requestStage: 'Request' }] });
      cdp.on('Fetch.requestPaused', (event) => {
        void cdp.send('Fetch.fulfillRequest', {
          requestId: event.requestId,
          responseCode: 200,
          responseHeaders: [
            { name: 'content-type', value: 'text/html; charset=utf-8' },
            { name: 'cache-control', value: 'no-cache' },
          ],
          body: Buffer.from(staticHtml).toString('base64'),
        });
      });
    }
    await page.goto(url, { waitUntil: 'load' });
    await heroLoaded(page);
    await network.idle(500);
    return await paintTimes(page);
  } finally {
    await close();
  }
}

/**
 * The exhibition page as the app rendered it, saved as static HTML with the
 * app's stylesheet and no script: what server-side rendering would deliver.
 */
async function staticCopy(browser: Browser, url: string): Promise<string> {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await heroLoaded(page);
    return await page.evaluate(() => {
      const styles = [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.outerHTML).join('\n');
      const root = document.getElementById('root')!.outerHTML;
      return `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${document.title}</title>${styles}</head>
<body>${root}</body></html>`;
    });
  } finally {
    await close();
  }
}

// ───────────────────────────── the demo museum ─────────────────────────────

interface Exhibition {
  slug: string;
  coverImage?: { id: string; widths: number[] } | null;
}

/** Waits until the demo pictures are made and picks a country and one of its exhibitions with a cover. */
async function findDemoPages(webUrl: string, timeoutMs: number): Promise<{ country: string; exhibition: string; coverId: string }> {
  const wantedCountry = process.env.BENCH_WEB_COUNTRY;
  const wantedExhibition = process.env.BENCH_WEB_EXHIBITION;
  const countries = wantedCountry ? [wantedCountry] : await listCountries(webUrl);
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (;;) {
    for (const country of countries) {
      const response = await fetch(`${webUrl}/api/public/countries/${country}/home`);
      if (!response.ok) continue;
      const home = (await response.json()) as { exhibitions: Exhibition[] };
      for (const exhibition of home.exhibitions) {
        if (wantedExhibition && exhibition.slug !== wantedExhibition) continue;
        seen = `${country}/${exhibition.slug}`;
        if (exhibition.coverImage && exhibition.coverImage.widths.length > 0) {
          return { country, exhibition: exhibition.slug, coverId: exhibition.coverImage.id };
        }
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        seen
          ? `the exhibition ${seen} still had no cover picture after ${timeoutMs / 1000} s (are the demo pictures made? SEED_DEMO_MEDIA)`
          : 'no published exhibition found in the demo content',
      );
    }
    await sleep(1000);
  }
}

/** Waits until the API's worker has made every demo picture, so no derivative job competes with the browser. */
async function waitForMedia(databaseUrl: string, timeoutMs: number): Promise<void> {
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.query<{ processing: string }>(`SELECT count(*) AS processing FROM media_assets WHERE status = 'processing'`);
      if (Number(rows[0].processing) === 0) return;
      if (Date.now() > deadline) throw new Error(`${rows[0].processing} demo pictures still processing after ${timeoutMs / 1000} s`);
      await sleep(500);
    }
  } finally {
    await db.end();
  }
}

async function listCountries(webUrl: string): Promise<string[]> {
  const response = await fetch(`${webUrl}/api/public/countries`);
  if (!response.ok) throw new Error(`GET /api/public/countries answered ${response.status}`);
  return ((await response.json()) as { items: { slug: string }[] }).items.map((c) => c.slug);
}

// ───────────────────────────── the benchmark ─────────────────────────────

const kb = (bytes: number) => fmt(bytes / KB, 1);

async function main(cleanup: Cleanup): Promise<void> {
  const runs = envNumber('BENCH_WEB_RUNS', 5);
  const throttle = envNumber('BENCH_WEB_THROTTLE', 4);
  const latency = envNumber('BENCH_WEB_LATENCY_MS', 100);
  const budget = envNumber('BENCH_WEB_BUDGET_KB', 150) * KB;
  const mediaTimeout = envNumber('BENCH_WEB_MEDIA_TIMEOUT', 300) * 1000;
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build\` first.`);
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const maps = readdirSync(ASSETS).filter((f) => f.endsWith('.js.map')).length;
  if (maps === 0) console.log('note: the build has no source maps; staff chunks are recognised by their names only');

  // The stack: store, database, the built API serving the built web app on its own port, demo content with pictures.
  const tempDir = makeTempDir('web');
  cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
  const database = await createDatabase(cleanup, 'bench_web');
  const store = await startStore(cleanup, join(tempDir, 's3'));
  const webPort = await freePort();
  const started = Date.now();
  await startApi(cleanup, {
    store,
    database,
    env: { SERVE_WEB: 'true', WEB_PORT: String(webPort), SEED_DEMO_MEDIA: 'true' },
  });
  const webUrl = `http://127.0.0.1:${webPort}`;
  const health = await fetch(`${webUrl}/api/health`).then((r) => r.status, () => 0);
  if (health !== 200) throw new Error(`the web server on ${webUrl} did not answer (/api/health → ${health})`);
  const demo = await findDemoPages(webUrl, mediaTimeout);
  await waitForMedia(database.url, mediaTimeout);
  console.log(
    `stack up in ${fmt((Date.now() - started) / 1000, 1)} s (demo pictures included); web app at ${webUrl}; ` +
      `country /${demo.country}, exhibition /${demo.country}/exhibitions/${demo.exhibition}`,
  );

  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  cleanup.add('close Chromium', () => browser.close());
  console.log(`Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, cache disabled, other hosts unreachable`);

  // ── 1. the JavaScript of each visitor route ──
  const routes: Route[] = [
    { label: 'home', path: '/', ready: (page) => page.locator('.card h2').first().waitFor() },
    { label: 'country', path: `/${demo.country}`, ready: (page) => page.locator('h1').first().waitFor() },
    {
      label: 'exhibition',
      path: `/${demo.country}/exhibitions/${demo.exhibition}`,
      ready: (page) => heroLoaded(page).then(() => undefined),
    },
  ];
  // One untimed visit first (the API's first queries, the server's file cache).
  await visit(browser, webUrl, routes[2]);
  const results: { route: Route; visit: Visit }[] = [];
  for (const route of routes) results.push({ route, visit: await visit(browser, webUrl, route) });

  const sum = (scripts: ScriptLoad[]) =>
    scripts.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, wire: a.wire + s.transferred }), { raw: 0, gzip: 0, wire: 0 });
  for (const { route, visit: v } of results) {
    const rows: (string | number)[][] = [['chunk', 'at ms', 'raw KB', 'gzip KB', 'wire KB', 'staff', 'heavy lib', 'mostly']];
    for (const [index, s] of v.scripts.entries()) {
      rows.push([
        index < v.initialCount ? s.file : `+ ${s.file}`,
        fmt(s.finishedAt, 0),
        kb(s.raw),
        kb(s.gzip),
        kb(s.transferred),
        s.info.staffSources.length ? 'STAFF' : '-',
        s.info.heavy.join(',') || '-',
        mainParts(s.file, s.info),
      ]);
    }
    const initial = sum(v.scripts.slice(0, v.initialCount));
    rows.push(['until idle', '', kb(initial.raw), kb(initial.gzip), kb(initial.wire), '', '', `${v.initialCount} scripts`]);
    if (v.scripts.length > v.initialCount) {
      const whole = sum(v.scripts);
      rows.push(['+ scrolled to the end', '', kb(whole.raw), kb(whole.gzip), kb(whole.wire), '', '', `${v.scripts.length} scripts`]);
    }
    printTable(`JavaScript of ${route.label} (${route.path}): every script until idle, then (+) what scrolling to the end added`, rows);
    if (v.maps.length) {
      console.log(
        `maps at y = ${v.maps.join(', ')} px; the first screen ends at ${VIEWPORT.height} px and a map loads Leaflet from 200 px before it comes into view`,
      );
    }
    const encodings = [...new Set(v.scripts.map((s) => s.contentEncoding))].join(', ');
    console.log(
      `served with content-encoding: ${encodings || '-'}; ${v.otherRequests} other responses; ` +
        `${v.failedRequests.length} failed requests${v.failedRequests.length ? ` (${[...new Set(v.failedRequests)].join(', ')})` : ''}`,
    );
    for (const s of v.scripts.filter((x) => x.info.staffSources.length)) {
      console.log(`  ${s.file} holds staff code: ${s.info.staffSources.slice(0, 5).join(', ')}${s.info.staffSources.length > 5 ? ' …' : ''}`);
    }
  }

  // ── 2. LCP of the exhibition page, against its static copy ──
  const exhibitionUrl = webUrl + routes[2].path;
  const staticHtml = await staticCopy(browser, exhibitionUrl);
  const staticUrl = `${webUrl}/__bench/static-exhibition`;
  const unthrottled: Conditions = { label: 'no throttling', cpuRate: 1, latencyMs: 0 };
  const allConditions: Conditions[] = [
    unthrottled,
    { label: `CPU ${throttle}× slower`, cpuRate: throttle, latencyMs: 0 },
    // Localhost has no round trips to speak of; a visitor's network has, and the app's chain
    // of requests (script, page chunk, data, picture) pays each one.
    { label: `${latency} ms latency`, cpuRate: 1, latencyMs: latency },
  ];
  // Warm-up, untimed.
  await coldLoad(browser, exhibitionUrl, unthrottled);
  await coldLoad(browser, staticUrl, unthrottled, staticHtml);
  const lcp: Record<string, { app: PaintTimes[]; copy: PaintTimes[] }> = {};
  for (const conditions of allConditions) {
    const key = conditions.label;
    lcp[key] = { app: [], copy: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so drift in the machine's load hits both sides alike.
      const appFirst = i % 2 === 0;
      if (appFirst) lcp[key].app.push(await coldLoad(browser, exhibitionUrl, conditions));
      lcp[key].copy.push(await coldLoad(browser, staticUrl, conditions, staticHtml));
      if (!appFirst) lcp[key].app.push(await coldLoad(browser, exhibitionUrl, conditions));
    }
  }
  const lcpRows: (string | number)[][] = [['conditions', 'page', 'LCP p50 ms', 'min', 'max', 'FCP p50 ms', 'LCP element', 'every LCP ms']];
  for (const [key, { app, copy }] of Object.entries(lcp)) {
    for (const [label, list] of [
      ['app', app],
      ['static copy', copy],
    ] as const) {
      const values = list.map((x) => x.lcp);
      lcpRows.push([
        key,
        label,
        fmt(median(values), 0),
        fmt(Math.min(...values), 0),
        fmt(Math.max(...values), 0),
        fmt(median(list.map((x) => x.fcp)), 0),
        [...new Set(list.map((x) => x.element))].join(' | '),
        values.map((v) => fmt(v, 0)).join(' '),
      ]);
    }
  }
  printTable(`LCP of ${routes[2].path}: ${runs} cold loads per side (cache off), alternating`, lcpRows);
  console.log('static copy: the page as the app rendered it, saved as HTML with the same stylesheet, no script (served for the document only through DevTools; picture and styles from the same server)');

  // ── 3. the result ──
  const resultRows: (string | number)[][] = [['what', 'figure', 'goal', 'result']];
  for (const { route, visit: v } of results) {
    const gzip = sum(v.scripts.slice(0, v.initialCount)).gzip;
    resultRows.push([`${route.label}: JS gzip until idle`, `${kb(gzip)} KB`, `≤ ${kb(budget)} KB`, verdict(gzip <= budget)]);
  }
  for (const { route, visit: v } of results) {
    if (v.scripts.length === v.initialCount) continue;
    const added = v.scripts.slice(v.initialCount).map((s) => s.file.replace(/-[\w-]{8}\.js$/, ''));
    resultRows.push([`  ${route.label}, scrolled to the end`, `${kb(sum(v.scripts).gzip)} KB`, 'reported', `(+ ${added.join(', ')})`]);
  }
  for (const { route, visit: v } of results) {
    const staff = v.scripts.filter((s) => s.info.staffSources.length > 0);
    resultRows.push([`${route.label}: staff chunks`, staff.length ? staff.map((s) => s.file).join(' ') : 'none', 'none', verdict(staff.length === 0)]);
  }
  for (const [key, { app, copy }] of Object.entries(lcp)) {
    const appLcp = median(app.map((x) => x.lcp));
    const copyLcp = median(copy.map((x) => x.lcp));
    resultRows.push([`exhibition LCP, ${key}`, `${fmt(appLcp, 0)} ms`, 'reported', '-']);
    resultRows.push([`  ratio app / static copy, ${key}`, `${fmt(appLcp / copyLcp)}×`, 'reported', '-']);
  }
  printTable('Result', resultRows);
}

runBenchmark(main);
