import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from '../support/browser';
import { type IiifManifest, demoExhibitionWithImages, demoItemWithTiles, firstCanvasService, getJson, imageServices } from '../support/iiif';

/** Mirador's standalone browser build (React and all included), as the `mirador` devDependency ships it. */
const MIRADOR_BUNDLE = createRequire(import.meta.url).resolve('mirador');

/** Mirador opening each manifest given as `?manifest=` in a window of its own, as another museum's site would. */
const VIEWER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mirador</title>
<style>html, body { margin: 0; height: 100%; } #viewer { position: absolute; inset: 0; }</style>
</head>
<body>
<div id="viewer"></div>
<script src="/mirador.min.js"></script>
<script>
  const manifests = new URLSearchParams(location.search).getAll('manifest');
  Mirador.viewer({
    id: 'viewer',
    windows: manifests.map((manifestId) => ({ manifestId })),
    workspaceControlPanel: { enabled: false },
  });
</script>
</body>
</html>`;

/**
 * A static server for the viewer page on 127.0.0.2: another host than the
 * platform's 127.0.0.1, so every manifest, info.json and tile is a
 * cross-origin request, as from any IIIF viewer on the web.
 */
async function startViewerSite(): Promise<{ server: Server; origin: string }> {
  const bundle = await readFile(MIRADOR_BUNDLE);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://viewer').pathname;
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(VIEWER_PAGE);
    else if (path === '/favicon.ico') response.writeHead(204).end();
    else if (path === '/mirador.min.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.2', resolve);
  });
  return { server, origin: `http://127.0.0.2:${(server.address() as AddressInfo).port}` };
}

interface Traffic {
  /** Path and status of every answer from the platform's IIIF endpoints. */
  iiif: { path: string; status: number }[];
  /** Requests to the platform that got no answer (a CORS refusal shows here too). */
  failed: string[];
  /** Console errors and uncaught exceptions that speak of cross-origin refusals. */
  cors: string[];
  /** Every console error, for the report when something is missing. */
  errors: string[];
}

function watch(page: Page, platform: ReadonlySet<string>): Traffic {
  const traffic: Traffic = { iiif: [], failed: [], cors: [], errors: [] };
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (platform.has(url.origin) && url.pathname.startsWith('/iiif/')) traffic.iiif.push({ path: url.pathname, status: response.status() });
  });
  page.on('requestfailed', (request) => {
    if (platform.has(new URL(request.url()).origin)) traffic.failed.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  const corsLike = /CORS|Access-Control|Cross-Origin|cross-origin/;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    traffic.errors.push(message.text());
    if (corsLike.test(message.text())) traffic.cors.push(message.text());
  });
  page.on('pageerror', (error) => {
    traffic.errors.push(error.message);
    if (corsLike.test(error.message)) traffic.cors.push(error.message);
  });
  return traffic;
}

/** The path of an image service's `id` (its images are below it). */
const servicePath = (service: string) => new URL(service).pathname;

describe('a IIIF viewer on another site', () => {
  let browser: Browser;
  let viewerSite: { server: Server; origin: string };
  const platform = new URL(inject('baseUrl')).origin;

  beforeAll(async () => {
    browser = await launchBrowser();
    viewerSite = await startViewerSite();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => viewerSite?.server.close(resolve));
  });

  it("Mirador opens an item's and an exhibition's manifests, and their images load", async () => {
    expect(new URL(viewerSite.origin).origin).not.toBe(platform);
    const exhibition = await demoExhibitionWithImages();
    // Not the exhibition's first picture (its cover may be an item's): each window must load images of its own.
    const exhibitionFirst = servicePath(firstCanvasService(exhibition.manifest)!).split('/').pop()!;
    const item = await demoItemWithTiles([exhibitionFirst]);
    const itemManifestUrl = `${platform}/iiif/manifests/items/${item.id}`;
    const itemManifest = await getJson<IiifManifest>(itemManifestUrl);
    const exhibitionManifestUrl = `${platform}/iiif/manifests/exhibitions/${exhibition.id}`;
    const opened = [
      { what: 'item', url: itemManifestUrl, manifest: itemManifest },
      { what: 'exhibition', url: exhibitionManifestUrl, manifest: exhibition.manifest },
    ];
    for (const { what, manifest } of opened) expect(firstCanvasService(manifest), `the ${what} manifest's first picture has an image service`).toBeDefined();
    expect(firstCanvasService(itemManifest)).not.toBe(firstCanvasService(exhibition.manifest));
    // The addresses the manifests give for themselves and their images. Behind the built-in web server without
    // PUBLIC_URL they name the API's own port rather than the site's, so both count as the platform here.
    const platformOrigins = new Set([platform, ...opened.flatMap(({ manifest }) => [manifest.id, ...imageServices(manifest)].map((url) => new URL(url).origin))]);
    for (const origin of platformOrigins) expect(new URL(origin).hostname, `${origin} is the platform's, not the viewer's`).toBe('127.0.0.1');

    const page = await newPage(browser, 'en-GB');
    const traffic = watch(page, platformOrigins);
    const query = opened.map(({ url }) => `manifest=${encodeURIComponent(url)}`).join('&');
    await page.goto(`${viewerSite.origin}/?${query}`);

    // Both windows come up with their manifests' titles…
    await expect.poll(() => page.locator('.mirador-window').count(), { message: 'Mirador windows' }).toBe(2);
    for (const { manifest } of opened) {
      const title = manifest.label.en?.[0] ?? Object.values(manifest.label)[0][0];
      await expect.poll(() => page.locator('.mirador-window').getByRole('heading', { name: title, exact: true }).count(), { message: `a window titled ${title}` }).toBe(1);
    }
    // …and each window's first picture is drawn from its image service: info.json, then tiles or whole-image sizes.
    const report = () => [...traffic.iiif.map(({ path, status }) => `${status} ${path}`), ...traffic.failed, ...traffic.errors].join('\n');
    const until = (what: string, condition: () => boolean) =>
      expect
        .poll(condition, { message: what })
        .toBe(true)
        .catch((error: unknown) => {
          throw new Error(`${what}: not seen; the page got\n${report()}`, { cause: error });
        });
    for (const { what, url, manifest } of opened) {
      const manifestPath = new URL(url).pathname;
      await until(`the ${what} manifest answered 200`, () => traffic.iiif.some(({ path, status }) => path === manifestPath && status === 200));
      const service = servicePath(firstCanvasService(manifest)!);
      await until(`${service}/info.json answered 200 (${what})`, () => traffic.iiif.some(({ path, status }) => path === `${service}/info.json` && status === 200));
      await until(`an image of ${service} answered 200 (${what})`, () =>
        traffic.iiif.some(({ path, status }) => path.startsWith(`${service}/`) && path.endsWith('/default.jpg') && status === 200),
      );
    }
    // The item's picture is tiled: the viewer asks for regions of it, tile by tile.
    const itemService = servicePath(firstCanvasService(itemManifest)!);
    await until(`a tile of ${itemService} answered 200`, () =>
      traffic.iiif.some(({ path, status }) => new RegExp(`^${itemService}/\\d+,\\d+,\\d+,\\d+/\\d+,\\d*/0/default\\.jpg$`).test(path) && status === 200),
    );
    await expect.poll(() => page.locator('.mirador-window canvas').count()).toBeGreaterThanOrEqual(2);
    await page.waitForLoadState('networkidle');

    const images = traffic.iiif.filter(({ path }) => path.startsWith('/iiif/3/'));
    expect(images.filter(({ status }) => status !== 200 && status !== 304), `IIIF image requests that failed\n${report()}`).toEqual([]);
    expect(traffic.iiif.filter(({ status }) => status >= 400), 'IIIF requests refused').toEqual([]);
    expect(traffic.cors, 'cross-origin errors in the console').toEqual([]);
    expect(traffic.failed, 'requests to the platform that got no answer').toEqual([]);
  });
});
