import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn, typeInto } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/** A text box by its accessible name, exactly. */
const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('duplicate people', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  /** A new person typed into the studio's editor, saved. */
  async function typePerson(page: Page, name: string, displayName: string, born: string): Promise<void> {
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await typeInto(box(page, 'Name as written (original script)'), name);
    await typeInto(box(page, 'Display name — English'), displayName);
    await typeInto(box(page, 'Born'), born);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
  }

  it('a moderator sees the same person typed in Cyrillic suggested beside the Latin one, and merges it keeping its history', async () => {
    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(moderator.url()).pathname).toMatch(/^\/studio\//);
    await typePerson(moderator, 'Голубев Борис Ильич', 'Boris Golubev', '1921');
    await typePerson(moderator, 'Golubev Boris', 'Boris Golubev (Latin)', '1921');

    const panel = moderator.getByRole('region', { name: 'Possible duplicates' });
    const candidate = panel.getByRole('listitem').filter({ hasText: 'Голубев Борис Ильич' });
    await expect.poll(() => candidate.count()).toBe(1);
    expect(await candidate.textContent()).toContain('same name');
    expect(await candidate.textContent()).toContain('birth year agrees');
    expect(await candidate.getByRole('link', { name: 'Голубев Борис Ильич' }).getAttribute('href')).toMatch(/^\/studio\/[^/]+\/people\/[0-9a-f-]{36}$/);
    await expectAccessible(moderator, 'person editor with possible duplicates');
    await expectLayoutHolds(moderator, 'person editor with possible duplicates');

    // By keyboard: the merge button, then the dialog that says what happens (focus on Cancel first).
    await candidate.getByRole('button', { name: 'Merge into this record Голубев Борис Ильич' }).focus();
    await moderator.keyboard.press('Enter');
    const dialog = moderator.getByRole('dialog', { name: 'Merge Голубев Борис Ильич into this record?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('its address leads here');
    await expectAccessible(moderator, 'merge dialog');
    // Escape keeps both records.
    await moderator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await candidate.getByRole('button', { name: 'Merge into this record Голубев Борис Ильич' }).click();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Merged');
    await expect.poll(() => panel.textContent()).toContain('No other person of this country has a matching name.');

    // Both histories: the other record's revisions are listed here, linked to the record, which is kept read-only.
    await moderator.locator('.workflow-panel summary').click();
    const merged = moderator.locator('.workflow-panel li').filter({ hasText: 'from Голубев Борис Ильич' });
    await expect.poll(() => merged.count()).toBe(1);
    await merged.getByRole('link', { name: 'open' }).click();
    await expect.poll(() => moderator.getByRole('note').textContent()).toContain('This person was merged into another record');
    await expectAccessible(moderator, 'a merged person');
    await moderator.getByRole('link', { name: 'Open the record it was merged into' }).click();
    await expect.poll(() => box(moderator, 'Name as written (original script)').inputValue()).toBe('Golubev Boris');
    expect(await box(moderator, 'Other spellings').count()).toBe(1);
    expect(await moderator.locator('form.editor').textContent()).toContain('Голубев Борис Ильич');
    await moderator.context().close();
  });
});
