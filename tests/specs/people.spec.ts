import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/** A text box by its accessible name, exactly. */
const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('people', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('a curator records a person linked to a memorial by typing, a moderator approves, a visitor follows the memorial to the person', async () => {
    const curator = await newPage(browser, 'en-GB');
    await signIn(curator, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(curator.url()).pathname).toMatch(/^\/studio\//);
    await curator.getByRole('link', { name: 'People', exact: true }).click();
    await curator.getByRole('link', { name: 'New person' }).click();

    await box(curator, 'Name as written (original script)').pressSequentially('Оспанов Ерлан Қайратұлы');
    // The address follows the name until the curator writes one.
    await expect.poll(() => box(curator, 'Address (slug)').inputValue()).toBe('ospanov-erlan-qayratuly');
    await box(curator, 'Display name — English').pressSequentially('Erlan Ospanov');
    const variants = box(curator, 'Other spellings');
    await variants.pressSequentially('Ospanov Erlan, Оспанов Ерлан');
    await variants.press('Enter');
    await box(curator, 'Born').pressSequentially('12 March 1915');
    await box(curator, 'Died').pressSequentially('1943');
    await curator.getByRole('combobox', { name: /^Fate/ }).selectOption('killed');
    await box(curator, 'Unit').pressSequentially('8th Guards Rifle Division');

    // The memorial is found by typing part of its address, and chosen.
    await curator.getByRole('button', { name: 'Find a memorial: Memorials' }).click();
    await curator.getByLabel('Find a memorial by title or address').pressSequentially('aktobe');
    await curator.getByRole('button', { name: /^Choose: .*Aktobe/ }).click();
    await curator.getByRole('combobox', { name: /^Tie to memorial 1/ }).selectOption('burial');
    await box(curator, 'Plot or grave at memorial 1').pressSequentially('Row 2, grave 14');
    await expectAccessible(curator, 'person editor');
    await expectLayoutHolds(curator, 'person editor');

    await curator.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(curator).textContent()).toBe('All changes saved');
    await curator.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => curator.locator('.workflow-panel').textContent()).toContain('in review');

    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => moderator.getByRole('link', { name: 'Review', exact: true }).count()).toBe(1);
    await moderator.getByRole('link', { name: 'Review', exact: true }).click();
    const queue = moderator.getByRole('region', { name: 'Awaiting review' });
    await queue.getByRole('link', { name: 'Erlan Ospanov' }).first().click();
    await moderator.getByRole('button', { name: 'Approve and publish' }).click();
    await expect.poll(() => moderator.locator('[role=status]').first().textContent()).toBe('Approved and published.');

    const visitor = await newPage(browser, 'en-GB');
    await visitor.goto('/kazakhstan/memorials/aktobe-plaque');
    const row = visitor.locator('tr#person-ospanov-erlan-qayratuly');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('1915–1943');
    await expectAccessible(visitor, 'memorial with its people');
    await row.getByRole('link', { name: 'Оспанов Ерлан Қайратұлы' }).click();
    await expect.poll(() => new URL(visitor.url()).pathname).toBe('/kazakhstan/people/ospanov-erlan-qayratuly');
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Erlan Ospanov');
    const main = visitor.locator('main');
    expect(await main.textContent()).toContain('12 March 1915');
    expect(await main.textContent()).toContain('Killed in action');
    expect(await main.textContent()).toContain('Row 2, grave 14');
    // The memorial with its condition, linked back to the person's row on it.
    const memorialLink = visitor.getByRole('region', { name: 'Memorials' }).getByRole('link').first();
    expect(await memorialLink.getAttribute('href')).toBe('/kazakhstan/memorials/aktobe-plaque#person-ospanov-erlan-qayratuly');
    const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({ '@type': 'Person', name: 'Erlan Ospanov', birthDate: '1915-03-12', deathDate: '1943' });
    await expectAccessible(visitor, 'person page');
    await expectLayoutHolds(visitor, 'person page');
    for (const page of [curator, moderator, visitor]) await page.context().close();
  });
});
