import type { PublicMemorial, PublicPerson } from '@vitrina/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage } from '../support/browser';
import { type IiifManifest, demoExhibitionWithImages, demoItemWithTiles, getJson } from '../support/iiif';

/** Tab from the top of the page until `target` has focus; how many presses it took, or -1 when it never did. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  return -1;
}

/**
 * A record page's IIIF links: the drag-and-drop link (its `manifest` parameter) and the manifest's own
 * address name the same manifest, which answers 200 with JSON; both are reached by keyboard.
 */
async function expectManifestLinks(page: Page, manifestPath: string, names = { open: 'Open in a IIIF viewer', manifest: 'IIIF manifest (JSON)' }) {
  const open = page.getByRole('link', { name: names.open, exact: true });
  const manifest = page.getByRole('link', { name: names.manifest, exact: true });
  await open.waitFor({ state: 'visible' });
  const expected = `${inject('baseUrl')}${manifestPath}`;
  expect(await manifest.getAttribute('href')).toBe(expected);
  const dragHref = new URL((await open.getAttribute('href')) ?? '');
  // The IIIF drag-and-drop convention: a viewer takes the manifest from the dropped link's `manifest` parameter.
  expect(dragHref.searchParams.get('manifest')).toBe(expected);
  expect(await open.locator('img').count(), 'the IIIF logo').toBe(1);
  for (const href of [expected, dragHref.href]) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/ld\+json/);
    const body = (await response.json()) as IiifManifest;
    expect([body.type, body.id]).toEqual(['Manifest', expect.stringMatching(new RegExp(`${manifestPath}$`))]);
    expect(body.items.length, `${href} lists the record's images`).toBeGreaterThan(0);
  }
  const presses = await tabTo(page, open);
  expect(presses, 'the IIIF link is reached with Tab').toBeGreaterThan(0);
  await page.keyboard.press('Tab');
  expect(await manifest.evaluate((element) => element === document.activeElement), 'the manifest link follows it').toBe(true);
}

describe('a visitor', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('sees the country museums, switches language and opens a country', async () => {
    const page = await newPage(browser, 'ru-RU');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });

    await page.goto('/');
    // The twelve seeded museums (other specs may have added more).
    await expect.poll(() => page.locator('.card h2').count()).toBeGreaterThanOrEqual(12);
    for (const name of ['Абхазия', 'Армения', 'Казахстан', 'Южная Осетия']) {
      expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.title()).toContain('Музеи стран');
    await expectAccessible(page, 'home (ru)');

    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Kazakhstan' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Country museums');
    await expectAccessible(page, 'home (en)');

    await page.getByRole('link', { name: 'Kazakhstan' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kazakhstan');
    expect(new URL(page.url()).pathname).toBe('/kazakhstan');
    await expectAccessible(page, 'country (en)');

    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

    expect(scripts.filter((url) => /AdminPage|LoginPage|StudioPage|ReviewPage|NotificationsPage/.test(url))).toEqual([]);
  });

  it("opening an exhibition's address asks for its data once, as soon as the app starts", async () => {
    const page = await newPage(browser, 'en-GB');
    const data: string[] = [];
    let pageCodeRequested = -1;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/public/countries/kazakhstan/exhibitions/')) data.push(url.pathname + url.search);
      if (request.resourceType() === 'script' && /ExhibitionPage/.test(url.pathname) && pageCodeRequested < 0) pageCodeRequested = data.length;
    });
    await page.goto('/kazakhstan/exhibitions/home-front-and-front-line');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // Prefetched by the start-up code and then used by the page: one request, not two…
    expect(data).toEqual(['/api/public/countries/kazakhstan/exhibitions/home-front-and-front-line?lang=en']);
    // …sent before the page's own code was even asked for.
    expect(pageCodeRequested).toBe(1);
  });

  it("reads an item's tags and the ranks of the people a memorial names in the language chosen", async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/kazakhstan/items/evacuated-factory');
    const tags = page.locator('.details dt', { hasText: /^Tags$/ }).locator('xpath=following-sibling::dd');
    await expect.poll(() => tags.textContent()).toBe('home front, evacuation, industry');
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect.poll(() => page.locator('.details dt', { hasText: /^Метки$/ }).locator('xpath=following-sibling::dd').textContent()).toBe('тыл, эвакуация, промышленность');

    await page.goto('/kazakhstan/memorials/glory-memorial-almaty');
    await expect.poll(() => page.getByRole('cell', { name: 'красноармеец', exact: true }).count()).toBeGreaterThan(0);
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await expect.poll(() => page.getByRole('cell', { name: 'Red Army private', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'красноармеец', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'memorial with ranks (en)');
  });

  it('finds the IIIF manifest of an item, an exhibition and a memorial on their pages, by keyboard and at 320 px', async () => {
    const item = await demoItemWithTiles();
    const page = await newPage(browser, 'en-GB');
    await page.goto(`/${item.country}/items/${item.slug}`);
    await expectManifestLinks(page, `/iiif/manifests/items/${item.id}`);
    await expectAccessible(page, 'item with its IIIF links (en)');
    // The page names its JSON-LD as an alternate: schema.org, its @id the page's own address.
    const alternate = page.locator('head link[rel="alternate"][type="application/ld+json"]');
    await expect.poll(() => alternate.count()).toBe(1);
    const linkedData = await page.request.get(new URL((await alternate.getAttribute('href'))!, page.url()).href);
    expect(linkedData.status()).toBe(200);
    expect(((await linkedData.json()) as { '@id': string })['@id']).toMatch(new RegExp(`/${item.country}/items/${item.slug}$`));
    // At 320 px the links and their hint wrap inside the screen (the rest of the item page is not this test's).
    await page.setViewportSize({ width: 320, height: 700 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const past = await page.locator('.iiif-link').evaluate((block) =>
      [block, ...block.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.tagName} ${element.textContent}`),
    );
    expect(past, 'IIIF links past the edge at 320 px').toEqual([]);
    expect(await tabTo(page, page.getByRole('link', { name: 'Open in a IIIF viewer', exact: true })), 'the IIIF link is reached with Tab at 320 px').toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expectManifestLinks(page, `/iiif/manifests/items/${item.id}`, { open: 'Открыть в просмотрщике IIIF', manifest: 'Манифест IIIF (JSON)' });
    await expectAccessible(page, 'item with its IIIF links (ru)');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');

    const exhibition = await demoExhibitionWithImages();
    await page.goto(`/${exhibition.country}/exhibitions/${exhibition.slug}`);
    await expectManifestLinks(page, `/iiif/manifests/exhibitions/${exhibition.id}`);
    await expectAccessible(page, 'exhibition with its IIIF links');

    let memorial: PublicMemorial | undefined;
    await expect
      .poll(
        async () => {
          memorial = await getJson<PublicMemorial>('/api/public/countries/kazakhstan/memorials/glory-memorial-almaty?lang=en');
          return memorial.media.some((media) => media.kind === 'image' && media.widths.length > 0);
        },
        { message: "the demo memorial's picture is processed" },
      )
      .toBe(true);
    await page.goto('/kazakhstan/memorials/glory-memorial-almaty');
    await expectManifestLinks(page, `/iiif/manifests/memorials/${memorial!.id}`);
    await expectAccessible(page, 'memorial with its IIIF links');

    // A page without pictures offers no manifest: the demo people have none.
    const person = await getJson<PublicPerson>(`/api/public/countries/kazakhstan/people/${memorial!.people[0].slug}?lang=en`);
    expect(person.media).toEqual([]);
    await page.goto(`/kazakhstan/people/${person.slug}`);
    await page.locator('main h1').first().waitFor({ state: 'visible' });
    expect(await page.locator('.iiif-link').count()).toBe(0);
  });

  it('gets a not-found page for an unknown address', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/atlantis');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'not found');
  });
});
