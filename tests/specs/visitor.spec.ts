import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage } from '../support/browser';

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

  it('gets a not-found page for an unknown address', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/atlantis');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'not found');
  });
});
