import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from '../support/browser';

/**
 * The visitor pages' JavaScript budget (issue 7): a cold visit of the home, a
 * country and an exhibition page loads at most 150 KB of gzip-compressed
 * JavaScript, and never any studio, review or admin code. Chunk sizes are fixed
 * for a given build, so this is a plain assertion, not a timing;
 * bench/web/visitor-pages.ts prints the same figures chunk by chunk.
 */

const ASSETS = resolve(import.meta.dirname, '../../dist/apps/web/assets');
const BUDGET = 150 * 1024;
/** Modules only staff use, as they appear in the chunks' source maps (the rich text editor, Tiptap, included). */
const STAFF_SOURCE = /apps\/web\/src\/pages\/(studio|review|admin)\/|apps\/web\/src\/pages\/(LoginPage|NotificationsPage)\.|apps\/web\/src\/components\/forms\/RichText|node_modules\/@tiptap\//;
/** The same, by chunk name, for a chunk without a source map. */
const STAFF_CHUNK = /^(StudioPage|ReviewPage|AdminPage|LoginPage|NotificationsPage|RichTextEditor)-/;

interface Script {
  file: string;
  gzip: number;
  staff: string[];
}

function staffModulesOf(file: string): string[] {
  const map = resolve(ASSETS, `${file}.map`);
  if (!existsSync(map)) return STAFF_CHUNK.test(file) ? [file] : [];
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.filter((source) => STAFF_SOURCE.test(source));
}

/** Every script a fresh page loads until it has rendered and the network is quiet, without scrolling. */
async function scriptsOf(page: Page, path: string, rendered: (page: Page) => Promise<unknown>): Promise<Script[]> {
  const scripts: Promise<Script | null>[] = [];
  page.on('response', (response) => {
    const pathname = new URL(response.url()).pathname;
    if (response.request().resourceType() !== 'script' && !/\.m?js$/.test(pathname)) return;
    const file = pathname.split('/').pop()!;
    scripts.push(
      response.body().then(
        (body) => ({ file, gzip: gzipSync(body, { level: 9 }).length, staff: staffModulesOf(file) }),
        () => null,
      ),
    );
  });
  await page.goto(path);
  await rendered(page);
  await page.waitForLoadState('networkidle');
  return (await Promise.all(scripts)).filter((script): script is Script => script !== null);
}

const listing = (scripts: Script[]) => scripts.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ');

describe('the visitor pages', () => {
  let browser: Browser;
  let exhibitionPath: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const home = (await (await fetch(`${inject('baseUrl')}/api/public/countries/kazakhstan/home`)).json()) as {
      exhibitions: { slug: string }[];
    };
    expect(home.exhibitions.length, 'the demo museum of Kazakhstan has an exhibition').toBeGreaterThan(0);
    exhibitionPath = `/kazakhstan/exhibitions/${home.exhibitions[0].slug}`;
  });

  afterAll(() => browser?.close());

  const routes: { label: string; path: () => string; rendered: (page: Page) => Promise<unknown> }[] = [
    { label: 'home', path: () => '/', rendered: (page) => page.locator('.card h2').first().waitFor() },
    { label: 'country', path: () => '/kazakhstan', rendered: (page) => page.locator('.place-list li').first().waitFor() },
    { label: 'exhibition', path: () => exhibitionPath, rendered: (page) => page.locator('.exhibition-section').first().waitFor() },
  ];

  for (const route of routes) {
    it(`${route.label}: no staff code and at most 150 KB of JavaScript (gzip)`, async () => {
      const page = await newPage(browser, 'ru-RU');
      const scripts = await scriptsOf(page, route.path(), route.rendered);
      expect(scripts.length, 'the page loaded its scripts').toBeGreaterThan(0);

      const staff = scripts.filter((script) => script.staff.length > 0);
      expect(staff.map((s) => `${s.file}: ${s.staff.join(', ')}`), `staff code on ${route.path()}`).toEqual([]);

      const total = scripts.reduce((sum, script) => sum + script.gzip, 0);
      expect(total, `JavaScript of ${route.path()} (gzip): ${listing(scripts)}`).toBeLessThanOrEqual(BUDGET);
      await page.context().close();
    });
  }

  it('a map below the fold still gets Leaflet once the visitor scrolls to it', async () => {
    const page = await newPage(browser, 'ru-RU');
    const leaflet: string[] = [];
    page.on('request', (request) => {
      if (/\/leaflet[^/]*\.js$/.test(new URL(request.url()).pathname)) leaflet.push(request.url());
    });
    await page.goto('/kazakhstan');
    const map = page.locator('.map-canvas');
    await map.waitFor();
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.evaluate((element) => element.classList.contains('leaflet-container'))).toBe(true);
    expect(leaflet.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
