import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage } from '../support/browser';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('a visitor walks through the demo museum', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  for (const { locale, lang, country, exhibition, memorialsHeading, names } of [
    { locale: 'en-GB', lang: 'en', country: 'Kazakhstan', exhibition: 'Demo: Home front and front line', memorialsHeading: 'War memorials', names: 'Names on the memorial' },
    { locale: 'ru-RU', lang: 'ru', country: 'Казахстан', exhibition: 'Демо: Тыл и фронт', memorialsHeading: 'Военные мемориалы', names: 'Имена на мемориале' },
  ]) {
    it(`home → country → exhibition → item → memorial (${lang})`, async () => {
      const page = await newPage(browser, locale);
      await page.goto('/');
      await page.getByRole('link', { name: country, exact: true }).click();

      await expect.poll(() => heading(page)).toBe(country);
      expect(await page.getByRole('heading', { name: memorialsHeading, exact: true }).count()).toBe(1);
      // The memorial list stands beside the map, and works even though tiles cannot load here.
      await expect.poll(() => page.locator('.place-list li').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(country);
      await expectAccessible(page, `country (${lang})`);

      await page.getByRole('link', { name: new RegExp(`^${exhibition}`) }).first().click();
      await expect.poll(() => heading(page)).toMatch(new RegExp(`^${exhibition}`));
      expect(await page.locator('.exhibition-section').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.quote blockquote').count()).toBe(1);
      expect(await page.locator('.rich-text a[href^="https://"]').count()).toBe(1);
      expect(await page.title()).toMatch(new RegExp(exhibition));
      await expectAccessible(page, `exhibition (${lang})`);

      await page.locator('.item-block h3 a').first().click();
      await expect.poll(() => page.url()).toContain('/kazakhstan/items/');
      await expect.poll(() => page.locator('dl.details').count()).toBeGreaterThanOrEqual(1);
      await expectAccessible(page, `item (${lang})`);

      await page.goto('/kazakhstan/memorials/glory-memorial-almaty');
      await expect.poll(() => page.getByRole('heading', { name: new RegExp(names) }).count()).toBe(1);
      expect(await page.locator('.timeline').count()).toBe(2);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectAccessible(page, `memorial (${lang})`);
    });
  }
});
