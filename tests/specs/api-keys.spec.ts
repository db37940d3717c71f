import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn, typeInto } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/** The key limit the test platform sets (RATE_LIMIT_API_KEY in support/global-setup.ts). */
const KEY_LIMIT = '1000000';

/** A partner's read of the public API with a key, from outside the browser (no session cookie). */
function readWithKey(key: string): Promise<Response> {
  return fetch(`${inject('baseUrl')}/api/public/countries`, { headers: { 'X-Api-Key': key } });
}

describe('partner API keys', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('an admin creates a key, sees it once, a partner reads with it, and once revoked it is refused', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, 'admin@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
    const section = page.getByRole('region', { name: 'Partner API keys' });
    await section.waitFor();

    // A key without a name is refused beside its field, in the UI language.
    const form = page.getByRole('form', { name: 'Create key' });
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect.poll(() => form.getByText('Fill this in.').count()).toBe(1);

    await typeInto(form.getByLabel('Name'), 'National Portal Demo');
    await typeInto(form.getByLabel('Contact'), 'data@portal.test');
    await form.getByRole('button', { name: 'Create key' }).click();

    // The key itself, shown this once, with the warning; focus is brought to it.
    const shown = section.getByRole('region', { name: 'New key for National Portal Demo' });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('You will not see it again');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-api-key-heading');
    const key = await shown.getByLabel('API key').inputValue();
    expect(key.length).toBeGreaterThan(20);
    await expectAccessible(page, 'admin with a new API key (en)');
    await expectLayoutHolds(page, 'admin with a new API key (en)');

    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect.poll(() => shown.getByRole('status').textContent()).toBe('Key copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The list knows the key by its first characters only.
    const row = section.getByRole('row').filter({ hasText: 'National Portal Demo' });
    await expect.poll(() => row.textContent()).toContain('data@portal.test');
    const prefix = (await row.locator('code').textContent())!.replace('…', '');
    expect(key.startsWith(prefix)).toBe(true);
    expect(await row.textContent()).not.toContain(key);
    expect(await row.textContent()).toContain('Active');

    // Hidden by the admin: gone from the page for good.
    await shown.getByRole('button', { name: 'I have saved the key, hide it' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(key);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-api-key-name');

    // A partner reads with it, at the key's limit.
    const allowed = await readWithKey(key);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('ratelimit-limit')).toBe(KEY_LIMIT);

    // Revoking asks first; Cancel keeps the key.
    await row.getByRole('button', { name: /^Revoke\s*— National Portal Demo$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key “National Portal Demo”?' });
    await dialog.waitFor();
    await expectAccessible(page, 'revoking an API key (en)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await readWithKey(key)).status).toBe(200);

    // Then the admin confirms, with the keyboard.
    await row.getByRole('button', { name: /^Revoke\s*— National Portal Demo$/ }).click();
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByRole('status').first().textContent()).toBe('Key revoked.');
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect(await row.getByRole('button').count()).toBe(0);

    const refused = await readWithKey(key);
    expect(refused.status).toBe(401);

    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect.poll(() => page.getByRole('heading', { name: 'API-ключи партнёров' }).count()).toBe(1);
    const ruRow = page.getByRole('region', { name: 'API-ключи партнёров' }).getByRole('row').filter({ hasText: 'National Portal Demo' });
    await expect.poll(() => ruRow.textContent()).toContain('Отозван');
    await expectAccessible(page, 'admin API keys (ru)');
    await expectLayoutHolds(page, 'admin API keys (ru)', [320]);

    // A refusal in Russian: a missing name is said beside its field.
    const ruForm = page.getByRole('form', { name: 'Создать ключ' });
    await ruForm.getByRole('button', { name: 'Создать ключ' }).click();
    await expect.poll(() => ruForm.getByText('Заполните это поле.').count()).toBe(1);
  });
});
