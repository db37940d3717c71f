import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, typeInto } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/** The address of the page as path and query, the query's order kept (it is what a reload reads). */
const addressOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** Where every listed result leads. */
const hitLinks = (page: Page) => page.locator('.search-hit h2 a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));

/** The number in the results line ("5 results"). */
async function totalShown(page: Page): Promise<number> {
  const status = page.locator('.search-layout [role=status]');
  await expect.poll(() => status.textContent()).toMatch(/^\d+ results?$/);
  return Number((await status.textContent())!.split(' ')[0]);
}

/** The browse as it must look with the memorials of Kazakhstan in fair condition: each one listed, and only those. */
async function expectFairMemorialsOfKazakhstan(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Browse the collection');
  expect(await page.getByRole('group', { name: 'Condition' }).getByRole('checkbox', { name: /^fair/ }).isChecked()).toBe(true);
  // The last results stay while the next load: wait for these.
  await expect.poll(() => totalShown(page)).toBe(count);
  await expect.poll(() => hitLinks(page)).toContain('/kazakhstan/memorials/karaganda-mass-grave');
  const links = await hitLinks(page);
  expect(links).toHaveLength(count);
  expect(links.every((href) => href.startsWith('/kazakhstan/memorials/'))).toBe(true);
}

describe('browsing without words', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('goes from a country to its memorials, narrows by keyboard, survives a reload, and keeps its filters through words typed and cleared', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/kazakhstan');
    const toMemorials = page.getByRole('link', { name: 'Browse all memorials of Kazakhstan' });
    // A real link with a visible focus ring: reached from the keyboard, it shows where it is.
    await toMemorials.focus();
    expect(await toMemorials.evaluate((link) => getComputedStyle(link).outlineStyle)).toBe('solid');
    expect(await page.getByRole('link', { name: 'Browse all items' }).getAttribute('href')).toBe('/search?country=kazakhstan&type=item');
    await expectAccessible(page, 'country page with its browse links');
    await toMemorials.click();

    await expect.poll(() => addressOf(page)).toBe('/search?country=kazakhstan&type=memorial');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Browse the collection');
    expect(await page.title()).toBe('Browse the collection — Vitrina');
    const memorials = await totalShown(page);
    expect(memorials).toBeGreaterThanOrEqual(5); // the demo museum's five, and any another spec published
    await expect.poll(() => hitLinks(page).then((links) => links.length)).toBe(Math.min(memorials, 20));
    expect((await hitLinks(page)).every((href) => href.startsWith('/kazakhstan/memorials/'))).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort' }).locator('option:checked').textContent()).toBe('Newest first');

    // A condition picked with the keyboard: Space on the focused box, which keeps its focus while the results change.
    const fair = page.getByRole('group', { name: 'Condition' }).getByRole('checkbox', { name: /^fair/ });
    const fairCount = Number((await fair.evaluate((box) => box.closest('label')!.textContent!)).match(/\((\d+)\)/)![1]);
    await fair.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => addressOf(page)).toBe('/search?country=kazakhstan&type=memorial&condition=fair');
    await expectFairMemorialsOfKazakhstan(page, fairCount);
    expect(await fair.evaluate((box) => box === document.activeElement)).toBe(true);

    await page.reload();
    expect(addressOf(page)).toBe('/search?country=kazakhstan&type=memorial&condition=fair');
    await expectFairMemorialsOfKazakhstan(page, fairCount);
    await expectAccessible(page, 'browse of the fair memorials of Kazakhstan');

    // Words typed key by key search among what the filters let through.
    const again = page.getByRole('search', { name: 'Search again' });
    const box = again.getByRole('combobox');
    await typeInto(box, 'Karaganda');
    await box.press('Enter');
    await expect.poll(() => addressOf(page)).toBe('/search?country=kazakhstan&type=memorial&condition=fair&q=Karaganda');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Results for “Karaganda”');
    await expect.poll(() => hitLinks(page)).toEqual(['/kazakhstan/memorials/karaganda-mass-grave']);
    expect(await page.getByRole('combobox', { name: 'Sort' }).locator('option:checked').textContent()).toBe('Most relevant first');

    // Cleared with the keyboard and sent again: back to the same browse, the filters kept.
    await box.press('Control+A');
    await box.press('Backspace');
    expect(await box.inputValue()).toBe('');
    await box.press('Enter');
    await expect.poll(() => addressOf(page)).toBe('/search?country=kazakhstan&type=memorial&condition=fair');
    await expectFairMemorialsOfKazakhstan(page, fairCount);
    expect(await page.getByRole('alert').count()).toBe(0);

    await expectAccessible(page, 'browse at desktop width');
    await page.setViewportSize({ width: 320, height: 900 });
    await expectAccessible(page, 'browse at 320 px');
    await expectLayoutHolds(page, 'browse', [320]);
  });

  it('shows the whole collection, with every museum as a facet, when /search is opened with nothing', async () => {
    const page = await newPage(browser, 'ru-RU');
    await page.goto('/search');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Обзор коллекции');
    await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0);
    const museums = page.getByRole('group', { name: 'Музей' }).getByRole('checkbox');
    await expect.poll(() => museums.count()).toBeGreaterThanOrEqual(2); // Kazakhstan and Armenia at least
    expect(await page.getByRole('combobox', { name: 'Порядок' }).locator('option:checked').textContent()).toBe('Сначала новые поступления');
    await expectAccessible(page, 'browse of the whole collection');
  });
});
