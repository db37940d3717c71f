import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { expect, inject } from 'vitest';
import { GENEROUS_WAIT_MS } from '../../vitest.timeouts.mts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh browser context (own cookies and storage) in the given UI language. */
export async function newPage(browser: Browser, locale = 'ru-RU'): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), locale });
  // Ceilings for a hung page, not budgets: clicks, waits and navigations may be slow on a loaded machine.
  context.setDefaultTimeout(GENEROUS_WAIT_MS);
  context.setDefaultNavigationTimeout(GENEROUS_WAIT_MS);
  // Every page keeps what the Content-Security-Policy refused, for expectAccessible() to check.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return context.newPage();
}

/** What the page's Content-Security-Policy refused since it loaded: the app must never need it. */
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** An axe scan of the page as it is now; every violation is listed when any is found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Routes load lazily: scanning before the page has rendered its landmark and heading would
  // judge the loading shell, not the page.
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect(results.violations, `${label} has accessibility violations:\n${report}`).toEqual([]);
  expect(await cspViolations(page), `${label} did something its Content-Security-Policy refused`).toEqual([]);
}

/**
 * Types into a field key by key, as a person does: a click into it, then, when it already holds text,
 * select all with the keyboard so the typing replaces it. Never `fill`, which sets the value at once and
 * skips what a person's typing goes through (key events, input events, the field's own handling).
 */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  if ((await field.inputValue()) !== '') await field.press('Control+A');
  await field.pressSequentially(text);
}

export async function signIn(page: Page, email: string, password = 'vitrina-demo'): Promise<void> {
  await page.goto('/login');
  await typeInto(page.locator('input[type=email]'), email);
  await typeInto(page.locator('input[type=password]'), password);
  await page.locator('main form button[type=submit]').click();
}

/**
 * The record editor's save state in its sticky bar ("All changes saved", "Unsaved
 * changes", "Not saved: …"). Files being processed show their state in status
 * regions of their own, so "the first status on the page" depends on how far their
 * processing has come.
 */
export function editorNotice(page: Page) {
  return page.locator('form.editor .editor-bar [role=status]');
}
