import { CSRF_COOKIE, CSRF_HEADER } from '@vitrina/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

describe('review', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('a curator edits a live item and submits it; a moderator sees the diff and approves; visitors see the change', async () => {
    // The curator edits a published demo item: visitors keep seeing the approved text meanwhile.
    const curator = await newPage(browser, 'en-GB');
    await signIn(curator, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(curator.url()).pathname).toMatch(/^\/studio\//);
    await curator.getByLabel('Search', { exact: true }).pressSequentially('field-flask');
    await curator.getByRole('link', { name: /flask/i }).first().click();
    const description = curator.getByLabel('Description — English', { exact: true });
    await expect.poll(() => description.inputValue()).not.toBe('');
    await description.press('Control+A');
    await description.pressSequentially('A soldier’s aluminium flask, dented and engraved with initials.');
    await curator.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => curator.locator('.workflow-panel').textContent()).toContain('draft');
    const visitor = await newPage(browser, 'en-GB');
    await visitor.goto('/kazakhstan/items/field-flask');
    await expect.poll(() => visitor.locator('main').textContent()).not.toContain('engraved with initials');

    await curator.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => curator.locator('.workflow-panel').textContent()).toContain('in review');
    await expectAccessible(curator, 'item editor with its review panel');
    await expectLayoutHolds(curator, 'item editor with its review panel');

    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => moderator.getByRole('link', { name: /Notifications \(\d+ new\)/ }).count()).toBe(1);
    await moderator.getByRole('link', { name: 'Review', exact: true }).click();
    // The queue's own link: until the desk has loaded, the studio list it replaces shows the flask too.
    const queue = moderator.getByRole('region', { name: 'Awaiting review' });
    await queue.getByRole('link', { name: /flask/i }).first().click();
    const diff = moderator.getByRole('table', { name: /Changes/ });
    await expect.poll(() => diff.textContent()).toContain('engraved with initials');
    const row = diff.locator('tr', { hasText: 'engraved with initials' });
    // Fields by name, in the reader's language, never as raw paths.
    expect(await row.locator('th').textContent()).toBe('Description');
    expect(await row.locator('td').first().textContent()).toBe('English');
    expect(await row.locator('del').count()).toBe(1);
    expect(await row.locator('ins').textContent()).toContain('engraved with initials');
    await expectAccessible(moderator, 'review detail with diff');

    await moderator.getByLabel('Comment to the curators').pressSequentially('Good catch on the engraving, қолтаңба.');
    await moderator.getByRole('button', { name: 'Approve and publish' }).click();
    await expect.poll(() => moderator.locator('[role=status]').first().textContent()).toBe('Approved and published.');
    await expectAccessible(moderator, 'review queue');
    await moderator.getByRole('link', { name: 'Audit log' }).click();
    const approval = moderator.locator('table.audit tr[data-action=approve]').first();
    await expect.poll(() => approval.count()).toBe(1);
    // Actions and states by name, not as codes.
    expect(await approval.locator('td').nth(2).textContent()).toBe('Approved');
    expect(await approval.locator('td').nth(4).textContent()).toBe('in review → published');
    await expectAccessible(moderator, 'audit log');

    await visitor.reload();
    await expect.poll(() => visitor.locator('main').textContent()).toContain('engraved with initials');

    await curator.goto('/notifications');
    await expect.poll(() => curator.locator('.notifications').textContent()).toContain('approved');
    expect(await curator.locator('.notifications').textContent()).toContain('Good catch on the engraving, қолтаңба.');
    await expectAccessible(curator, 'notifications');
    await expectLayoutHolds(curator, 'notifications');
  });
  it('tells a moderator that their own submission needs another moderator, and keeps its approve button disabled', async () => {
    const moderator = await newPage(browser, 'ru-RU');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    // Generous ceilings: the page loads slowly when the machine is busy.
    await expect.poll(() => new URL(moderator.url()).pathname).not.toBe('/login');
    // The moderator writes and submits an item themselves, through the API the studio uses.
    const csrf = async () => (await moderator.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '';
    const countries = await (await moderator.request.get('/api/public/countries')).json();
    const kz = countries.items.find((c: { slug: string }) => c.slug === 'kazakhstan').id as string;
    const created = await moderator.request.post(`/api/studio/countries/${kz}/items`, {
      data: { slug: 'own-submission', kind: 'artefact', title: { ru: { text: 'Своя находка', status: 'original' } }, rights: 'https://creativecommons.org/licenses/by/4.0/' },
      headers: { [CSRF_HEADER]: await csrf() },
    });
    expect(created.status()).toBe(201);
    const item = await created.json();
    const submitted = await moderator.request.post(`/api/studio/countries/${kz}/items/${item.id}/submit`, { data: { version: item.version }, headers: { [CSRF_HEADER]: await csrf() } });
    expect(submitted.status()).toBe(204);

    await moderator.goto(`/review/${kz}/items/${item.id}`);
    const note = moderator.locator('#four-eyes-note');
    await expect.poll(() => note.textContent()).toContain('Нужен другой модератор');
    const approve = moderator.getByRole('button', { name: 'Одобрить и опубликовать' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await approve.getAttribute('aria-describedby')).toBe('four-eyes-note');
    await expectAccessible(moderator, 'review detail of a moderator\'s own submission');
  }, 600_000);

  it('a moderator withdraws a file from visitors on the desk, with a reason, and restores it', async () => {
    const visitor = await newPage(browser, 'en-GB');
    await visitor.goto('/kazakhstan/items/field-flask');
    const mediaIds = async () =>
      (await visitor.locator('main img').evaluateAll((images) => images.map((image) => image.getAttribute('src') ?? '')))
        .map((src) => /\/api\/media\/([0-9a-f-]{36})\//.exec(src)?.[1])
        .filter(Boolean);
    await expect.poll(async () => (await mediaIds()).length).toBeGreaterThan(0);
    const [picture] = await mediaIds();

    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(moderator.url()).pathname).not.toBe('/login');
    // The config's poll ceiling (minutes): the machine running these may be busy, and the desk loads its countries first.
    const shown = (locator: ReturnType<typeof moderator.getByRole>) => expect.poll(() => locator.count()).toBe(1);
    const reviewLink = moderator.getByRole('link', { name: 'Review', exact: true });
    await shown(reviewLink);
    await reviewLink.click();
    const filesTab = moderator.getByRole('link', { name: 'Files', exact: true });
    await shown(filesTab);
    await filesTab.click();
    await shown(moderator.getByRole('button', { name: 'Withdraw field-flask.jpg' }));
    await moderator.getByLabel('Reason (kept in the audit log)').pressSequentially('Consent withdrawn by the family');
    await moderator.getByRole('button', { name: 'Withdraw field-flask.jpg' }).click();
    await expect.poll(() => moderator.locator('[role=status]').first().textContent()).toBe('The file is withdrawn from visitors.');
    await shown(moderator.getByRole('button', { name: 'Restore field-flask.jpg' }));
    await expectAccessible(moderator, 'review desk files');
    await expectLayoutHolds(moderator, 'review desk files');

    await visitor.reload();
    await expect.poll(() => visitor.locator('main').textContent()).toMatch(/flask/i);
    expect(await mediaIds()).not.toContain(picture);

    await moderator.getByRole('button', { name: 'Restore field-flask.jpg' }).click();
    await expect.poll(() => moderator.locator('[role=status]').first().textContent()).toBe('The file is shown to visitors again.');
    await visitor.reload();
    await expect.poll(async () => await mediaIds()).toContain(picture);

    await moderator.getByRole('link', { name: 'Audit log' }).click();
    const withdrawal = moderator.locator('table.audit tr[data-action="media.withdraw"]').first();
    await expect.poll(() => withdrawal.count()).toBe(1);
    expect(await withdrawal.locator('td').nth(2).textContent()).toBe('File withdrawn from visitors');
    expect(await withdrawal.locator('td').nth(4).textContent()).toBe('shown → withdrawn');
  });
});
