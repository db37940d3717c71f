import { CSRF_COOKIE, CSRF_HEADER } from '@vitrina/contracts';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
/** A licence the studio's list does not offer: typed under "another address". */
const CC_BY_NC = 'https://creativecommons.org/licenses/by-nc/4.0/';
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

interface StudioRecord {
  id: string;
  slug: string;
  version: number;
  status: string;
  title: Record<string, { text: string }>;
  description?: Record<string, { text: string }>;
  media: { assetId: string }[];
}

/** The CSRF token the page's session holds, for API calls made as that person. */
async function csrf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '';
}

/** A curator signed in, in the studio of Kazakhstan; its country id. */
async function curatorIn(page: Page): Promise<string> {
  await signIn(page, 'curator.kz@vitrina.test');
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
  return new URL(page.url()).pathname.split('/')[2];
}

/** An item made through the API (the setup, not what is tested), then opened in its editor. */
async function openNewlyMadeItem(page: Page, kz: string, slug: string, title: string): Promise<StudioRecord> {
  const created = await page.request.post(`/api/studio/countries/${kz}/items`, {
    data: { slug, kind: 'artefact', title: { ru: { text: title, status: 'original' } } },
    headers: { [CSRF_HEADER]: await csrf(page) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = (await created.json()) as StudioRecord;
  await openEditor(page, kz, record.id);
  return record;
}

async function openEditor(page: Page, kz: string, id: string): Promise<void> {
  await page.goto(`/studio/${kz}/items/${id}`);
  await expect.poll(() => field(page, 'Title — Russian').inputValue()).not.toBe('');
}

async function stored(page: Page, kz: string, id: string): Promise<StudioRecord> {
  const response = await page.request.get(`/api/studio/countries/${kz}/items/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StudioRecord;
}

/** The names of the drafts kept in the page's browser (localStorage). */
function keptDraftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith('vitrina.draft:')));
}

/** The drafts kept in the page's browser, as stored. */
function keptDraftValues(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.entries(localStorage).filter(([name]) => name.startsWith('vitrina.draft:')).map(([, value]) => value));
}

/** The bar says the typed text is kept on this device (written a moment after the last key). */
async function keptOnThisDevice(page: Page): Promise<void> {
  await expect.poll(() => editorNotice(page).textContent()).toMatch(/^Unsaved changes, kept on this device at \d\d:\d\d/);
}

const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Leave without saving?' });

describe('nothing a curator types is lost', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('saves an image’s alt text and caption with the item in one Save; the moderator reviews exactly them, and visitors see them', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    await page.getByRole('link', { name: 'New item' }).click();
    await field(page, 'Address (slug)').pressSequentially('felt-carpet-1942');
    await field(page, 'Title — Russian').pressSequentially('Войлочный ковёр, эвакуация');
    await page.getByRole('combobox', { name: 'Rights', exact: true }).selectOption(CC_BY);
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a0522d' } }).jpeg().toBuffer();
    await field(page, 'Add files').setInputFiles({ name: 'kilem.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => page.locator('.attached-media[data-status=ready]').count()).toBe(1);
    const alt = 'Войлочный ковёр с орнаментом «қошқар мүйіз», красный и охра';
    const captionRu = 'Ковёр привезли в Алматы в 1942 году';
    const captionKk = 'Кілемді Алматыға 1942 жылы әкелді, әжесі тоқыған';
    await field(page, 'Alternative text — Russian').pressSequentially(alt);
    await field(page, 'Caption — Russian').pressSequentially(captionRu);
    await field(page, 'Caption — Kazakh').pressSequentially(captionKk);
    await page.getByRole('combobox', { name: 'Rights of this file', exact: true }).selectOption({ label: 'Another address…' });
    await field(page, 'Address of the licence or rights statement (URL)').pressSequentially(CC_BY_NC);
    await expect.poll(() => editorNotice(page).textContent()).toMatch(/^Unsaved changes/);
    // There is no separate button for a file's texts: the one Save sends them with the item.
    expect(await page.getByRole('button', { name: /texts of this file/i }).count()).toBe(0);
    await expectAccessible(page, 'item editor with an image and its texts');
    await expectLayoutHolds(page, 'item editor with an image and its texts');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/items\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const assetId = (await stored(page, kz, id)).media[0].assetId;
    const asset = await (await page.request.get(`/api/studio/countries/${kz}/media/${assetId}`)).json();
    expect([asset.alt.ru.text, asset.caption.ru.text, asset.caption.kk.text, asset.rights]).toEqual([alt, captionRu, captionKk, CC_BY_NC]);
    // An address not in the list shows in its box again.
    await expect.poll(() => field(page, 'Address of the licence or rights statement (URL)').inputValue()).toBe(CC_BY_NC);

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('Submitted for review. All changes saved');

    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(moderator.url()).pathname).not.toBe('/login');
    const review = await (await moderator.request.get(`/api/review/countries/${kz}/items/${id}`)).json();
    const after = (path: string, lang: string) => review.changes.find((change: { path: string; lang?: string; assetId?: string }) => change.path === path && change.lang === lang && change.assetId === assetId)?.after?.text;
    expect([after('mediaTexts.alt', 'ru'), after('mediaTexts.caption', 'ru'), after('mediaTexts.caption', 'kk')]).toEqual([alt, captionRu, captionKk]);
    expect(review.blockers).toEqual([]);

    const approved = await moderator.request.post(`/api/review/countries/${kz}/items/${id}/approve`, { data: { revision: review.revision }, headers: { [CSRF_HEADER]: await csrf(moderator) } });
    expect(approved.status(), await approved.text()).toBe(204);
    const visible = await (await moderator.request.get('/api/public/countries/kazakhstan/items/felt-carpet-1942?lang=ru')).json();
    expect([visible.media[0].alt.text, visible.media[0].caption.text]).toEqual([alt, captionRu]);
  });

  it('submits what was typed but not saved: Submit for review saves first', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    const record = await openNewlyMadeItem(page, kz, 'grandmothers-chest', 'Сундук бабушки');
    const description = 'Сундук из Семея, окованный жестью; әжемнің сандығы, ұлттық өрнек';
    await field(page, 'Description — Russian').pressSequentially(description);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('Submitted for review. All changes saved');
    const submitted = await stored(page, kz, record.id);
    expect([submitted.status, submitted.version, submitted.description?.ru.text]).toEqual(['in_review', 2, description]);

    // The moderator's word comes back at the top of the editor, above the form.
    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(moderator.url()).pathname).not.toBe('/login');
    const comment = 'Уточните год, рахмет: қай жылы жасалған?';
    const sentBack = await moderator.request.post(`/api/review/countries/${kz}/items/${record.id}/request-changes`, { data: { revision: 2, comment }, headers: { [CSRF_HEADER]: await csrf(moderator) } });
    expect(sentBack.status(), await sentBack.text()).toBe(204);
    await page.reload();
    const shown = page.locator('form.editor > .review-comment');
    await expect.poll(() => shown.textContent()).toContain(comment);
    expect(await editorNotice(page).textContent()).toBe('All changes saved');
    expect(await page.locator('.editor-bar').textContent()).toContain('Status: changes requested');
  });

  it('asks before leaving unsaved input, keeps it on Stay, and offers it back after a reload', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    const record = await openNewlyMadeItem(page, kz, 'wedding-necklace', 'Свадебное ожерелье');
    // Into the editor from the list, so the browser's back button stays within the app.
    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await page.getByRole('link', { name: 'Свадебное ожерелье' }).first().click();
    const title = field(page, 'Title — Russian');
    await expect.poll(() => title.inputValue()).toBe('Свадебное ожерелье');
    await title.press('End');
    await title.pressSequentially(', серебро и сердолик');
    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    await expectAccessible(page, 'the question before leaving unsaved input');
    await page.getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe(`/studio/${kz}/items/${record.id}`);
    expect(await title.inputValue()).toBe('Свадебное ожерелье, серебро и сердолик');

    // The browser's back button asks too.
    await page.goBack();
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe(`/studio/${kz}/items/${record.id}`);

    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await page.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/studio/${kz}/items`);
    expect((await stored(page, kz, record.id)).title.ru.text).toBe('Свадебное ожерелье');

    // Back at the record: what was left is offered back, not put in silently.
    await openEditor(page, kz, record.id);
    await expect.poll(() => page.getByRole('button', { name: 'Restore my unsaved changes' }).count()).toBe(1);
    expect(await title.inputValue()).toBe('Свадебное ожерелье');
    await page.getByRole('button', { name: 'Discard them' }).click();

    const typed = 'Свадебное ожерелье, күміс алқа, 1950-е';
    await title.press('Control+a');
    await title.press('Backspace');
    await title.pressSequentially(typed);
    await keptOnThisDevice(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    const restore = page.getByRole('button', { name: 'Restore my unsaved changes' });
    await expect.poll(() => restore.count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'Unsaved changes from earlier' }).textContent()).toMatch(/kept on this device on .*\d{4}/);
    await expectAccessible(page, 'a kept draft offered back');
    await restore.click();
    await expect.poll(() => title.inputValue()).toBe(typed);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    expect((await stored(page, kz, record.id)).title.ru.text).toBe(typed);
  });

  it('offers a crashed tab’s typing back in a new tab', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    const record = await openNewlyMadeItem(page, kz, 'felt-boots', 'Валенки');
    const typed = 'Валенки из овечьей шерсти, киіз етік, Шымкент';
    await field(page, 'Description — Russian').pressSequentially(typed);
    await keptOnThisDevice(page);
    await page.close({ runBeforeUnload: false });

    const again = await page.context().newPage();
    await openEditor(again, kz, record.id);
    const restore = again.getByRole('button', { name: 'Restore my unsaved changes' });
    await expect.poll(() => restore.count()).toBe(1);
    await restore.click();
    await expect.poll(() => field(again, 'Description — Russian').inputValue()).toBe(typed);
    await again.keyboard.press('Control+s');
    await expect.poll(() => editorNotice(again).textContent()).toBe('All changes saved');
    expect((await stored(again, kz, record.id)).description?.ru.text).toBe(typed);
  });

  it('shows a conflicting save field by field and keeps the second tab’s text when asked', async () => {
    const first = await newPage(browser, 'en-GB');
    const kz = await curatorIn(first);
    const record = await openNewlyMadeItem(first, kz, 'dombra-1930', 'Домбра');
    const second = await first.context().newPage();
    await openEditor(second, kz, record.id);

    await field(first, 'Description — Russian').pressSequentially('Домбра мастера из Жамбыла');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(first).textContent()).toBe('All changes saved');

    const title = field(second, 'Title — Russian');
    await title.press('End');
    await title.pressSequentially(' с двумя струнами, қос ішекті');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = second.getByRole('alert').filter({ hasText: 'Someone else saved this record while you were editing' });
    await expect.poll(() => conflict.count()).toBe(1);
    const row = conflict.getByRole('row', { name: /Description › Russian/ });
    expect(await row.locator('td').allTextContents()).toEqual(['Домбра мастера из Жамбыла', '(empty)']);
    expect(await title.inputValue()).toBe('Домбра с двумя струнами, қос ішекті');
    await expectAccessible(second, 'a conflicting save');
    await expectLayoutHolds(second, 'a conflicting save');

    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect.poll(() => editorNotice(second).textContent()).toBe('All changes saved');
    const kept = await stored(second, kz, record.id);
    expect([kept.version, kept.title.ru.text]).toEqual([3, 'Домбра с двумя струнами, қос ішекті']);
  });

  it('takes the other version only after the curator confirms', async () => {
    const first = await newPage(browser, 'en-GB');
    const kz = await curatorIn(first);
    const record = await openNewlyMadeItem(first, kz, 'saddle-1910', 'Седло');
    const second = await first.context().newPage();
    await openEditor(second, kz, record.id);
    await field(first, 'Description — Russian').pressSequentially('Седло с серебряной отделкой, ер-тоқым');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(first).textContent()).toBe('All changes saved');

    await field(second, 'Description — Russian').pressSequentially('Мой текст');
    await second.keyboard.press('Control+s');
    await second.getByRole('button', { name: 'Take their version' }).click();
    await second.getByRole('button', { name: 'Cancel' }).click();
    expect(await field(second, 'Description — Russian').inputValue()).toBe('Мой текст');
    await second.getByRole('button', { name: 'Take their version' }).click();
    await second.getByRole('button', { name: 'Yes, discard my changes' }).click();
    await expect.poll(() => field(second, 'Description — Russian').inputValue()).toBe('Седло с серебряной отделкой, ер-тоқым');
    await expect.poll(() => editorNotice(second).textContent()).toBe('All changes saved');
    expect((await stored(second, kz, record.id)).version).toBe(2);
  });

  it('saves twice in a row, by button and by Ctrl+S', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    const record = await openNewlyMadeItem(page, kz, 'tea-bowl', 'Кесе');
    const description = field(page, 'Description — Russian');
    await description.pressSequentially('Фарфоровая кесе');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    await description.pressSequentially(', шай ішуге арналған');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await stored(page, kz, record.id)).version).toBe(3);
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    await description.pressSequentially(', 1960-е');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await stored(page, kz, record.id)).version).toBe(4);
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    expect((await stored(page, kz, record.id)).description?.ru.text).toBe('Фарфоровая кесе, шай ішуге арналған, 1960-е');
  });

  it('leaves no draft behind when the curator signs out on a shared computer', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    const record = await openNewlyMadeItem(page, kz, 'visitors-book', 'Книга отзывов');
    await field(page, 'Description — Russian').pressSequentially('Записи посетителей, қонақтар кітабы');
    await keptOnThisDevice(page);
    expect(await keptDraftKeys(page)).toHaveLength(1);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    // Unsaved input: the leave question comes first, says that signing out removes it, and staying keeps everything.
    await expect.poll(() => leaveDialog(page).textContent()).toContain('Signing out removes them from this device.');
    await page.getByRole('button', { name: 'Stay', exact: true }).click();
    expect(await field(page, 'Description — Russian').inputValue()).toBe('Записи посетителей, қонақтар кітабы');
    expect((await page.request.get('/api/auth/me')).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Leave without saving', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    expect(await keptDraftKeys(page)).toEqual([]);

    // The same person back at the record: nothing is offered, the stored text is there, and typing is kept again.
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
    await openEditor(page, kz, record.id);
    expect(await page.getByRole('button', { name: 'Restore my unsaved changes' }).count()).toBe(0);
    expect(await field(page, 'Description — Russian').inputValue()).toBe('');
    await field(page, 'Description — Russian').pressSequentially('Книга');
    await keptOnThisDevice(page);
  });

  it('tells two tabs on one record about each other, and never writes over the other tab’s kept draft', async () => {
    const first = await newPage(browser, 'en-GB');
    const kz = await curatorIn(first);
    const record = await openNewlyMadeItem(first, kz, 'two-tabs', 'Самовар');
    const second = await first.context().newPage();
    await openEditor(second, kz, record.id);
    const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Open in another tab too' });
    await expect.poll(() => notice(first).count()).toBe(1);
    await expect.poll(() => notice(second).textContent()).toContain('This record is being edited in another tab of this browser.');
    await expectAccessible(second, 'an editor open in another tab too');

    await field(first, 'Description — Russian').pressSequentially('Самовар из первой вкладки, қазан');
    await keptOnThisDevice(first);
    await field(second, 'Description — English').pressSequentially('A samovar typed in the second tab');
    await expect.poll(() => notice(second).textContent()).toContain('What you type here is not kept on this device');
    expect(await editorNotice(second).textContent()).toBe('Unsaved changes');
    const kept = await keptDraftValues(second);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain('Самовар из первой вкладки, қазан');
    expect(kept[0]).not.toContain('second tab');

    // The first tab saves: its draft leaves the slot, and the second tab's typing is kept there now.
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(first).textContent()).toBe('All changes saved');
    await keptOnThisDevice(second);
    await expect.poll(() => notice(second).textContent()).not.toContain('not kept on this device');
    expect((await keptDraftValues(second))[0]).toContain('A samovar typed in the second tab');

    // The first tab closes: the second is alone on the record.
    await first.close();
    await expect.poll(() => notice(second).count()).toBe(0);
  });

  it('lays the item and memorial editors out without overlaps or sideways scrolling, from a phone to a laptop', async () => {
    const page = await newPage(browser, 'en-GB');
    const kz = await curatorIn(page);
    await openNewlyMadeItem(page, kz, 'layout-item', 'Предмет для проверки');
    await expectLayoutHolds(page, 'item editor');
    await expectAccessible(page, 'item editor');

    await page.goto(`/studio/${kz}/memorials/new`);
    await field(page, 'Address (slug)').pressSequentially('layout-memorial');
    for (const add of ['Add a name', 'Add a survey', 'Add an inscription', 'Add an event']) await page.getByRole('button', { name: add, exact: true }).click();
    await expectLayoutHolds(page, 'memorial editor');
    await expectAccessible(page, 'memorial editor');
  });
});
