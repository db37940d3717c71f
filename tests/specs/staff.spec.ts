import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn, typeInto } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

describe('staff', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('are told when the password is wrong', async () => {
    const page = await newPage(browser, 'en-GB');
    await page.goto('/login');
    await expectAccessible(page, 'login (en)');
    await signIn(page, 'curator.am@vitrina.test', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    await expectAccessible(page, 'login with error');
    await expectLayoutHolds(page, 'login with error');
  });

  it('an anonymous visitor of the administration is sent to sign in', async () => {
    const page = await newPage(browser, 'ru-RU');
    await page.goto('/admin');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход');
    expect(await page.title()).toContain('Вход');
    await expectAccessible(page, 'login (ru)');
  });

  it('a curator cannot use the administration', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => page.getByText('Вы вошли как').count()).toBe(1);
    await page.goto('/admin');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('У вас нет доступа к этой странице.');
    await expectAccessible(page, 'admin refused (ru)');
  });

  it('an admin manages countries, users and memberships, then signs out', async () => {
    const page = await newPage(browser, 'en-GB');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await signIn(page, 'admin@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
    await expect.poll(() => page.getByRole('cell', { name: 'curator.kz@vitrina.test', exact: true }).count()).toBe(1);
    // The counterpart of the visitor spec's check: the admin code is a chunk of its own, loaded here.
    expect(scripts.filter((url) => /\/assets\/AdminPage-[\w-]+\.js$/.test(url))).toHaveLength(1);
    await expectAccessible(page, 'admin (en)');
    await expectLayoutHolds(page, 'admin (en)');

    const countryForm = page.getByRole('form', { name: 'Add country' });
    await typeInto(countryForm.getByLabel('Slug'), 'transnistria-demo');
    await typeInto(countryForm.getByLabel('Name (Russian)'), 'Демо-страна');
    await typeInto(countryForm.getByLabel('Name (English)'), 'Demo Country');
    await countryForm.getByRole('button', { name: 'Add country' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'transnistria-demo', exact: true }).count()).toBe(1);
    const countryRow = page.getByRole('row').filter({ hasText: 'transnistria-demo' });
    // A new museum has the four-eyes rule; the admin switches it off for this one.
    const fourEyes = countryRow.getByRole('cell').nth(3);
    expect(await fourEyes.textContent()).toBe('yes');
    await countryRow.getByRole('button', { name: 'Edit' }).click();
    const editForm = page.getByRole('form', { name: 'Editing transnistria-demo' });
    await editForm.getByLabel('Four-eyes rule').uncheck();
    await typeInto(editForm.getByLabel('Name (English)'), 'Demo Land');
    await typeInto(editForm.getByLabel('Languages'), 'ro, ru, en');
    await typeInto(editForm.getByLabel('Default language'), 'ro');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => countryRow.textContent()).toContain('Demo Land');
    expect(await countryRow.textContent()).toContain('ro, ru, en (ro)');
    expect(await fourEyes.textContent()).toBe('no');

    const userForm = page.getByRole('form', { name: 'Add user' });
    await typeInto(userForm.getByLabel('Email'), 'new.curator@vitrina.test');
    await typeInto(userForm.getByLabel('Name'), 'New Curator');
    await typeInto(userForm.getByLabel('Initial password'), 'a-long-initial-password');
    await userForm.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'new.curator@vitrina.test', exact: true }).count()).toBe(1);

    const grant = page.getByRole('form', { name: 'Grant a membership to New Curator' });
    await grant.locator('select').first().selectOption({ label: 'Georgia' });
    await grant.locator('select').nth(1).selectOption('moderator');
    await grant.getByRole('button').click();
    const row = page.getByRole('row').filter({ hasText: 'new.curator@vitrina.test' });
    await expect.poll(() => row.textContent()).toContain('Georgia: moderator');

    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    await row.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => row.textContent()).toContain('Active');

    // After a guessing attack, the admin lifts the user's sign-in throttling.
    await row.getByRole('button', { name: 'Unlock sign-in' }).click();
    await expect.poll(() => page.getByText('Failed sign-ins cleared').count()).toBe(1);

    await row.getByRole('button', { name: 'Revoke moderator in Georgia' }).click();
    await expect.poll(() => row.textContent()).not.toContain('Georgia: moderator');
    // The country added above can be granted straight away.
    await grant.locator('select').first().selectOption({ label: 'Demo Land' });
    await grant.locator('select').nth(1).selectOption('curator');
    await grant.getByRole('button').click();
    await expect.poll(() => row.textContent()).toContain('Demo Land: curator');

    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Администрирование');
    await expectAccessible(page, 'admin (ru)');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Войти' }).count()).toBe(1);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });
});
