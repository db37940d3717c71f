import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  PROBE,
  xssCountry,
  xssExhibition,
  xssItem,
  xssMediaTexts,
  xssMemorial,
  xssPerson,
} from '../../apps/api/test/attacks/support/xss-payloads';
import { expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';

/**
 * Stored XSS, seen by a browser: an admin stores payloads in every text field
 * of an item, a memorial, an exhibition, an image's texts and a country's
 * introduction, and publishes them through the review workflow. A visitor
 * (and the staff on the review desk) then open every page that shows them.
 * No dialog opens, no payload sets window.__xss, no injected element or
 * handler reaches the page and the policy reports nothing blocked.
 */

const COUNTRY = 'xss-land';
const CSRF_HEADER = 'x-csrf-token';

/** The admin, over HTTP, as the web app itself talks to the API. */
async function adminApi(): Promise<{ api: APIRequestContext; csrf: () => string; countryId?: string }> {
  const api = await request.newContext({ baseURL: inject('baseUrl') });
  let token = (await (await api.get('/api/auth/csrf')).json()).csrfToken as string;
  const login = await api.post('/api/auth/login', { data: { email: 'admin@vitrina.test', password: 'vitrina-demo' }, headers: { [CSRF_HEADER]: token } });
  if (!login.ok()) throw new Error(`admin login: ${login.status()}`);
  token = (await login.json()).csrfToken;
  return { api, csrf: () => token };
}

describe('stored XSS in the browser', () => {
  let browser: Browser;
  let api: APIRequestContext;
  let csrf: () => string;
  let countryId: string;

  async function send(method: 'post' | 'put' | 'patch', url: string, data: unknown, expected: number) {
    const response = await api[method](url, { data: data as object, headers: { [CSRF_HEADER]: csrf() } });
    if (response.status() !== expected) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.status() === 204 ? null : response.json();
  }

  async function publish(collection: string, record: { id: string; version: number }) {
    await send('post', `/api/studio/countries/${countryId}/${collection}/${record.id}/submit`, { version: record.version }, 204);
    await send('post', `/api/review/countries/${countryId}/${collection}/${record.id}/approve`, { revision: record.version }, 204);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ api, csrf } = await adminApi());
    countryId = (await send('post', '/api/admin/countries', xssCountry(COUNTRY), 201)).id;
    const studio = `/api/studio/countries/${countryId}`;
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5b2333' } }).jpeg().toBuffer();
    const uploaded = await api.post(`${studio}/media`, { data: jpeg, headers: { [CSRF_HEADER]: csrf(), 'content-type': 'application/octet-stream' } });
    expect(uploaded.status()).toBe(201);
    const imageId = (await uploaded.json()).id as string;
    for (let i = 0; (await (await api.get(`${studio}/media/${imageId}`)).json()).status === 'processing'; i++) {
      if (i > 1500) throw new Error('the image is still processing');
      await new Promise((r) => setTimeout(r, 200));
    }
    await send('patch', `${studio}/media/${imageId}`, xssMediaTexts(), 200);
    const item = await send('post', `${studio}/items`, xssItem('xss-item', imageId), 201);
    await publish('items', item);
    const memorial = await send('post', `${studio}/memorials`, xssMemorial('xss-memorial', imageId), 201);
    await publish('memorials', memorial);
    // Names on a memorial are people of their own, linked to it.
    const person = await send('post', `${studio}/people`, xssPerson('xss-person', memorial.id, imageId), 201);
    await publish('people', person);
    const exhibition = await send('post', `${studio}/exhibitions`, xssExhibition('xss-exhibition', { itemId: item.id, memorialId: memorial.id, imageId }), 201);
    await publish('exhibitions', exhibition);
    // One more, left on the review desk for the staff to open.
    const pending = await send('post', `${studio}/items`, xssItem('xss-pending', imageId), 201);
    await send('post', `${studio}/items/${pending.id}/submit`, { version: pending.version }, 204);
  });

  afterAll(async () => {
    await api?.dispose();
    await browser?.close();
  });

  /** A page that records dialogs, policy violations and the payloads' own flag. */
  async function trappedPage(page: Page) {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    return {
      dialogs,
      /** Everything that shows a payload got anywhere; empty is the goal. */
      async findings(): Promise<string[]> {
        const found = await page.evaluate(() => {
          const w = window as unknown as { __xss?: unknown; __violations: string[] };
          const out: string[] = [];
          if (w.__xss !== undefined) out.push(`window.__xss = ${String(w.__xss)}`);
          out.push(...w.__violations.map((v) => `policy violation: ${v}`));
          const root = document.querySelector('#root')!;
          // The one script the app writes itself: the person page's JSON-LD, a data block, with every `<` escaped.
          const dataBlock = (el: Element) => el.matches('script[type="application/ld+json"]') && !el.textContent!.includes('<');
          for (const el of root.querySelectorAll('script, iframe, object, embed, body, img[src="x"]')) if (!dataBlock(el)) out.push(`injected <${el.tagName.toLowerCase()}>`);
          for (const el of root.querySelectorAll('*')) {
            for (const attr of el.attributes) {
              if (/^on/i.test(attr.name)) out.push(`handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
              if (/^\s*javascript:/i.test(attr.value)) out.push(`javascript: in ${attr.name} of <${el.tagName.toLowerCase()}>`);
            }
          }
          return out;
        });
        return [...found, ...dialogs.map((message) => `dialog: ${message}`)];
      },
    };
  }

  async function visit(page: Page, path: string, ready: () => Promise<unknown>, label: string) {
    const trap = await trappedPage(page);
    await page.goto(path);
    await ready();
    // Give lazy parts (maps, images, media) a moment to mount and misbehave.
    await page.waitForTimeout(500);
    expect(await trap.findings(), label).toEqual([]);
    await expectAccessible(page, label);
  }

  const headingWithProbe = (page: Page) => () => expect.poll(() => page.locator('h1').first().textContent()).toContain(PROBE);

  it('the item page shows every payload as text and runs none', async () => {
    const page = await newPage(browser);
    await visit(page, `/${COUNTRY}/items/xss-item`, headingWithProbe(page), 'item page');
    // Escaped, not parsed: the markup is there to read.
    expect(await page.locator('h1').first().textContent()).toContain('<script>window.__xss=1;alert(1)</script>');
    expect(await page.getByText('item-description-ru', { exact: false }).count()).toBeGreaterThan(0);
    const alt = await page.locator('main img').first().getAttribute('alt');
    expect(alt).toContain(`${PROBE} alt-ru`);
  });

  it('the memorial page, with its inscriptions, names, surveys and events, runs none', async () => {
    const page = await newPage(browser);
    await visit(page, `/${COUNTRY}/memorials/xss-memorial`, headingWithProbe(page), 'memorial page');
    for (const field of ['inscription', 'person', 'event-ru']) expect(await page.getByText(`${PROBE} ${field}`, { exact: false }).count(), field).toBeGreaterThan(0);
  });

  it('the person page, with names, places, sources, awards and biography, runs none', async () => {
    const page = await newPage(browser);
    await visit(page, `/${COUNTRY}/people/xss-person`, headingWithProbe(page), 'person page');
    for (const field of ['person', 'unit', 'award', 'source', 'archive', 'biography']) expect(await page.getByText(`${PROBE} ${field}`, { exact: false }).count(), field).toBeGreaterThan(0);
    // The JSON-LD carries the payloads as data: it parses, and its name holds the markup as text.
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { name: string; award: string[] };
    expect(jsonLd.award[0]).toContain('<img src=x onerror=');
  });

  it('the exhibition page renders the sanitised rich text and every caption as text', async () => {
    const page = await newPage(browser);
    await visit(page, `/${COUNTRY}/exhibitions/xss-exhibition`, headingWithProbe(page), 'exhibition page');
    expect(await page.locator('.rich-text strong').first().textContent()).toBe('text');
    expect(await page.locator('.rich-text a[href]').count()).toBe(0);
    expect(await page.getByText(`${PROBE} quote-ru`, { exact: false }).count()).toBeGreaterThan(0);
  });

  it('the country page renders the sanitised introduction', async () => {
    const page = await newPage(browser);
    await visit(page, `/${COUNTRY}`, () => expect.poll(() => page.locator('.rich-text em').count()).toBeGreaterThan(0), 'country page');
  });

  it('search results show the payloads as text', async () => {
    const page = await newPage(browser);
    await visit(page, `/search?q=${PROBE}`, () => expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThanOrEqual(3), 'search results');
  });

  it('the trap itself catches a payload that does get into the page', async () => {
    const page = await newPage(browser);
    const trap = await trappedPage(page);
    await page.goto(`/${COUNTRY}`);
    await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('#root')!.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__xss=1">'));
    // The trap reports asynchronously: poll for what it must catch rather than wait a fixed time.
    await expect.poll(() => trap.findings()).toEqual(expect.arrayContaining(['injected <img>', 'handler onerror on <img>']));
    // The policy blocks the inline handler even then.
    await expect.poll(async () => (await trap.findings()).some((finding) => finding.startsWith('policy violation: script-src'))).toBe(true);
  });

  it('the review desk shows a pending submission to the staff without running it', async () => {
    const page = await newPage(browser);
    const trap = await trappedPage(page);
    await signIn(page, 'admin@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login');
    await page.goto(`/review/${countryId}`);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(PROBE) }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: new RegExp(PROBE) }).first().click();
    await expect.poll(() => page.locator('main').textContent()).toContain(`${PROBE} item-title`);
    await page.waitForTimeout(500);
    expect(await trap.findings(), 'review desk').toEqual([]);
  });
});
