import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/**
 * Find a person (issue 14): a family types the name as they spell it (the
 * demo's Семёнов Алексей Михайлович as `Semenov`, which no curator typed),
 * finds him, opens the memorial at his row, and opens his page.
 */
describe('find a person', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('finds a person by a transliterated name and opens the memorial at their row, then their page', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Find a person' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/find-a-person');
    await expectAccessible(page, 'find a person, empty');
    await expectLayoutHolds(page, 'find a person, empty');

    const form = page.getByRole('search', { name: 'Who are you looking for?' });
    await form.getByRole('searchbox', { name: /^Name/ }).pressSequentially('Semenov', { delay: 20 });
    await form.getByRole('textbox', { name: 'Lived in or after (year)' }).pressSequentially('1940');
    await form.getByRole('textbox', { name: 'Lived in or before (year)' }).pressSequentially('1945');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Semenov');
    // The form is not drawn again under the visitor: the button keeps the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');

    const found = page.locator('.person-result').filter({ hasText: 'Семёнов Алексей Михайлович' });
    await expect.poll(() => found.count()).toBe(1);
    expect(await page.locator('.search-layout [role=status]').textContent()).toMatch(/\d+ (person|people) found/);
    expect(await found.textContent()).toContain('1921–1942');
    await expectAccessible(page, 'find a person, results');
    await expectLayoutHolds(page, 'find a person, results');

    // A year range that excludes him narrows him out; the address keeps the search.
    await page.goto('/find-a-person?q=Semenov&yearFrom=1950');
    await expect.poll(() => page.locator('.search-layout [role=status]').textContent()).toContain('No one of that name was found');
    await expect.poll(() => form.getByRole('textbox', { name: 'Lived in or after (year)' }).inputValue()).toBe('1950');
    await page.goBack();
    await expect.poll(() => found.count()).toBe(1);
    await expect.poll(() => form.getByRole('textbox', { name: 'Lived in or after (year)' }).inputValue()).toBe('1940');

    const toRow = found.getByRole('link', { name: /Show on the memorial’s list/ });
    const rowHref = (await toRow.getAttribute('href'))!;
    const rowId = decodeURIComponent(rowHref.split('#')[1]);
    expect(rowId).toMatch(/^person-/);
    await toRow.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(rowHref.split('#')[0]);
    const row = page.locator(`[id="${rowId}"]`);
    // The row is brought into view and holds focus, marked as the target.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(rowId);
    expect(await row.getAttribute('data-targeted')).toBe('');
    const box = (await row.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await row.textContent()).toContain('Семёнов Алексей Михайлович');

    await row.getByRole('link', { name: 'Семёнов Алексей Михайлович' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/kazakhstan\/people\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Семёнов|Semyonov/);
    await expectAccessible(page, 'person page');
  });

  it('shares the person page by copying its address, and says so', async () => {
    const page = await newPage(browser, 'ru-RU');
    await page.goto('/find-a-person?q=Zhumabek');
    const found = page.locator('.person-result').filter({ hasText: 'Абдрахманов Жумабек' });
    await expect.poll(() => found.count()).toBe(1);
    await found.getByRole('heading', { level: 2 }).getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/kazakhstan\/people\//);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Скопировать ссылку на страницу' }).click();
    await expect.poll(() => page.locator('.share-link [role=status]').textContent()).toBe('Ссылка скопирована.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await expectAccessible(page, 'person page, link copied');
    // On paper the site's header and the buttons are left out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.share-link').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  });
});
