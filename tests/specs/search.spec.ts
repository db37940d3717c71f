import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, typeInto } from '../support/browser';

describe('search', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('suggests as you type, by keyboard, and lands on the record', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search the museums' });
    await typeInto(box, 'flask');
    expect(await box.inputValue()).toBe('flask');
    const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home with suggestions open');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/kazakhstan/items/field-flask');
  });

  it('searches with highlighted snippets, facets and a map of the memorials found', async () => {
    const page = await newPage(browser, 'ru-RU');
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Поиск по музеям' });
    await typeInto(box, 'памятники');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('памятники');
    const status = page.locator('.search-layout [role=status]');
    await expect.poll(() => status.textContent()).toMatch(/\d+ результат/);
    const hits = page.locator('.search-hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    expect(await page.locator('.search-hit mark').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'search results');

    const memorials = page.getByRole('group', { name: 'Что' }).getByRole('checkbox', { name: /Мемориал/ });
    await memorials.click(); // the box is checked once the address says so, a moment later
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('memorial');
    await expect.poll(async () => (await page.locator('.search-hit .eyebrow').allTextContents()).every((text) => text.startsWith('Мемориал'))).toBe(true);

    await page.getByRole('button', { name: 'На карте' }).click();
    const places = page.locator('.place-list li, .map-places li');
    await expect.poll(() => places.count()).toBeGreaterThan(0);
    // One place per memorial, however many of the people it names were found.
    const links = await places.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(new Set(links).size).toBe(links.length);
    expect(links.every((href) => /\/memorials\//.test(href ?? ''))).toBe(true);
    await expectAccessible(page, 'search map view');
  });

  it('says so when the search fails, and searches again on request', async () => {
    const page = await newPage(browser, 'en-GB');
    let failing = true;
    await page.route('**/api/public/search?*', (route) => (failing ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"statusCode":500}' }) : route.continue()));
    await page.goto('/search?q=flask');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The search could not be done');
    await expectAccessible(page, 'search failed');
    failing = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0);
    expect(await alert.count()).toBe(0);
  });
});
