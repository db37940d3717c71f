import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/** Presses Tab until the focused element is a link named `name` (its accessible text), as a keyboard user reaches it. */
async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element instanceof HTMLAnchorElement ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    });
    if (focused === name) return;
  }
  throw new Error(`${name} is not reachable with Tab`);
}

describe('a curator exports a collection from the studio', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('opens the export panel by keyboard and downloads the register of names as CSV', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
    const countryId = new URL(page.url()).pathname.split('/')[2];

    await tabTo(page, 'Export');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/studio/${countryId}/export`);
    await page.getByRole('heading', { name: 'Export', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^(Items|Memorials|Exhibitions|People): (CSV|XLSX)$/ }).count()).toBe(8);
    await expectAccessible(page, 'studio export panel');
    await expectLayoutHolds(page, 'studio export panel');

    await tabTo(page, 'People: CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^kazakhstan-people-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF'), 'the CSV starts with a byte order mark').toBe(true);
    const [header, ...rows] = csv.slice(1).split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['id', 'slug', 'status', 'live']);
    expect(header.split(',')).toEqual(expect.arrayContaining(['name', 'title_kk', 'title_ru', 'title_en', 'memorials', 'fate']));
    expect(rows.some((row) => row.includes('Ахметов Серик Нурланович') && row.includes('akhmetov-serik-nurlanovich'))).toBe(true);

    // The same panel in Russian names its links in Russian.
    const russian = await newPage(browser, 'ru-RU');
    await signIn(russian, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(russian.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
    await russian.getByRole('link', { name: 'Экспорт', exact: true }).click();
    await expect.poll(() => russian.getByRole('link', { name: 'Люди: CSV' }).count()).toBe(1);
    await expectAccessible(russian, 'studio export panel in Russian');
  });
});
