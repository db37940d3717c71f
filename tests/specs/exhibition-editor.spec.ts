import { randomUUID } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@vitrina/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

const original = (text: string) => ({ text, status: 'original' });
const textBlock = (ru: string) => ({ id: randomUUID(), type: 'text', body: { ru: original(`<p>${ru}</p>`) } });

/** More records than the first page of 100 a picker once showed. */
const FILLER_ITEMS = 105;
const NEEDLE = { kk: 'Инеліктегі ине: әғқңөұүһі', ru: 'Иголка в стоге сена' };

/** A call to the API with the page's session, as its own scripts make it (CSRF header included). */
async function call<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '';
  const response = await page.request.fetch(path, { method, data: body as never, headers: { [CSRF_HEADER]: csrf, ...headers } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function signedInCurator(browser: Browser): Promise<Page> {
  const page = await newPage(browser, 'en-GB');
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'curator.kz@vitrina.test');
  await page.waitForURL(/\/studio\/[0-9a-f-]{36}\/items$/);
  return page;
}

interface StoredExhibition {
  id: string;
  version: number;
  sections: { id: string; blocks: { id: string; type: string; body?: Record<string, { text: string }>; itemId?: string; itemIds?: string[] }[] }[];
}

/** The one-line summaries of a section's blocks, in the order shown. */
const blockSummaries = (scope: Page | Locator) => scope.locator('.reorderable.blocks > li[data-testid=reorderable-entry] .block-summary').allTextContents();

describe('the exhibition editor', () => {
  let browser: Browser;
  let countryId: string;
  let needle: { id: string; assetId: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await signedInCurator(browser);
    countryId = new URL(page.url()).pathname.split('/')[2];
    const studio = `/api/studio/countries/${countryId}`;
    // The needle is made first, so the fillers after it push it past the first hundred of the list.
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a2333' } }).png().toBuffer();
    const upload = await page.request.post(`${studio}/media`, {
      data: png,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': 'needle.png',
        [CSRF_HEADER]: (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '',
      },
    });
    expect(upload.status()).toBe(201);
    const assetId = ((await upload.json()) as { id: string }).id;
    // Processing takes its time (a poll bounded by count, not a budget: expect.poll belongs to tests).
    for (let poll = 0; (await call<{ status: string }>(page, 'GET', `${studio}/media/${assetId}`)).status === 'processing'; poll++) {
      if (poll > 2400) throw new Error('the needle’s picture is still processing');
      await page.waitForTimeout(100);
    }
    const created = await call<{ id: string }>(page, 'POST', `${studio}/items`, {
      slug: 'needle-in-a-haystack',
      kind: 'artefact',
      title: { kk: original(NEEDLE.kk), ru: original(NEEDLE.ru) },
      media: [{ assetId }],
    });
    needle = { id: created.id, assetId };
    expect((await call<{ status: string }>(page, 'GET', `${studio}/media/${assetId}`)).status).toBe('ready');
    for (let i = 0; i < FILLER_ITEMS; i++) {
      await call(page, 'POST', `${studio}/items`, { slug: `haystack-${i}`, kind: 'document', title: { ru: original(`Соломинка ${i}`) } });
    }
    const firstHundred = await call<{ items: { id: string }[]; total: number }>(page, 'GET', `${studio}/items?limit=100&offset=0`);
    expect(firstHundred.total).toBeGreaterThan(100);
    expect(firstHundred.items.map((item) => item.id)).not.toContain(needle.id);
    await page.context().close();
  });

  afterAll(() => browser?.close());

  it('reorders blocks by keyboard and by dragging their handle, leaves their text selectable, and undoes a removal', async () => {
    const page = await signedInCurator(browser);
    const [first, second, third] = ['Первый блок: әғқ', 'Второй блок: ңөұ', 'Третий блок: үһі'];
    const exhibition = await call<StoredExhibition>(page, 'POST', `/api/studio/countries/${countryId}/exhibitions`, {
      slug: 'blocks-in-order',
      title: { ru: original('Порядок блоков') },
      sections: [{ id: randomUUID(), title: { ru: original('Раздел') }, blocks: [first, second, third].map(textBlock) }],
    });
    await page.goto(`/studio/${countryId}/exhibitions/${exhibition.id}`);
    await expect.poll(() => blockSummaries(page)).toEqual([first, second, third]);
    await expectAccessible(page, 'exhibition editor');

    // Text inside a block is selected by dragging the mouse over it, and nothing moves.
    const entries = page.locator('.reorderable.blocks > li[data-testid=reorderable-entry]');
    const summary = (await entries.nth(1).locator('.block-summary').boundingBox())!;
    await page.mouse.move(summary.x + 1, summary.y + summary.height / 2);
    await page.mouse.down();
    await page.mouse.move(summary.x + summary.width - 1, summary.y + summary.height / 2, { steps: 10 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toMatch(/^Второй/);
    expect(await blockSummaries(page)).toEqual([first, second, third]);
    await entries.nth(2).locator('.block-summary').click({ clickCount: 3 });
    expect(await page.evaluate(() => window.getSelection()?.toString())).toContain(third);

    // Keyboard: the handle takes Space, the arrow moves, Space drops; the move is announced.
    await page.getByRole('button', { name: 'Drag to reorder: Block 1: Text (Section 1)', exact: true }).focus();
    const announced = () => page.locator('.section-editor [role=status][aria-live=assertive]').textContent();
    // Each key waits for what a screen reader would say after the one before.
    await page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/position 1 of 3\.$/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(announced).toBe('Block 1: Text (Section 1) is over position 2 of 3.');
    await page.keyboard.press('Space');
    await expect.poll(announced).toBe('Block 1: Text (Section 1) dropped at position 2 of 3.');
    await expect.poll(() => blockSummaries(page)).toEqual([second, first, third]);

    // Removing a block (after the keyboard move) leaves "Undo" in its place, focused; Undo (by keyboard) puts it back with its text.
    await page.getByRole('button', { name: 'Remove: Block 2: Text (Section 1)', exact: true }).click();
    await expect.poll(() => blockSummaries(page)).toEqual([second, third]);
    await expect.poll(() => page.locator('.undo-notice [role=status]').textContent()).toBe('Removed Block 2: Text (Section 1)');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Undo: Block 2: Text (Section 1)');
    await expectAccessible(page, 'exhibition editor with an undo notice');
    await page.keyboard.press('Enter');
    await expect.poll(() => blockSummaries(page)).toEqual([second, first, third]);
    expect(await page.locator('.undo-notice').count()).toBe(0);

    // Mouse: the third block's handle dragged above the first block. It comes last: for a moment after a drop,
    // dnd-kit swallows clicks (a timer that a loaded machine delays), so the save below goes by keyboard.
    const handle = (await entries.nth(2).locator('.drag-handle').boundingBox())!;
    const top = (await entries.nth(0).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y - 10, { steps: 5 });
    await page.mouse.move(handle.x + handle.width / 2, top.y + 4, { steps: 20 });
    await page.mouse.up();
    await expect.poll(() => blockSummaries(page)).toEqual([third, second, first]);

    await page.keyboard.press('Control+s');
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    const stored = await call<StoredExhibition>(page, 'GET', `/api/studio/countries/${countryId}/exhibitions/${exhibition.id}`);
    expect(stored.sections[0].blocks.map((block) => block.body?.ru.text)).toEqual([third, second, first].map((text) => `<p>${text}</p>`));
    await page.context().close();
  });

  it('finds an item past the first hundred by typing part of its title, with its picture, and pages through all of them', async () => {
    const page = await signedInCurator(browser);
    await page.goto(`/studio/${countryId}/exhibitions/new`);
    await page.getByLabel('Address (slug)', { exact: true }).pressSequentially('needle-exhibition');
    await page.getByLabel('Title — Russian', { exact: true }).pressSequentially('Выставка, с иголкой: әғқ');
    await page.getByRole('button', { name: 'Add section' }).click();
    const section = page.locator('.section-editor');
    await section.getByRole('combobox', { name: 'Block type', exact: true }).selectOption('item');
    await section.getByRole('button', { name: /^Add block/ }).click();

    // A new item block opens its search, focused: typing goes straight into it.
    const search = section.getByRole('searchbox', { name: 'Find an item by title or address', exact: true });
    await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('в стоге се');
    const results = section.locator('.picker-results > li');
    await expect.poll(() => results.allTextContents()).toEqual([expect.stringContaining(NEEDLE.kk)]);
    expect(await section.locator('.picker-search [role=status]').textContent()).toBe('1 found');
    const thumbnail = results.first().locator('img');
    expect(await thumbnail.getAttribute('src')).toBe(`/api/media/${needle.assetId}/w400.webp`);
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
    await expectAccessible(page, 'exhibition editor with a picker open');
    await results.first().getByRole('button', { name: `Choose: ${NEEDLE.kk}`, exact: true }).click();
    await expect.poll(() => section.locator('.picked-one .record-title').textContent()).toBe(NEEDLE.kk);
    expect(await search.count()).toBe(0);

    // A gallery pages over every item of the country.
    await section.getByRole('combobox', { name: 'Block type', exact: true }).selectOption('gallery');
    await section.getByRole('button', { name: /^Add block/ }).click();
    await section.getByRole('button', { name: 'Find an item: Gallery', exact: true }).click();
    const gallerySearch = section.locator('.picker-search');
    await expect.poll(() => gallerySearch.locator('[role=status]').textContent()).toMatch(/^\d{3} found$/);
    await gallerySearch.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => gallerySearch.locator('.pager span').textContent()).toMatch(/^9–16 of \d{3}$/);
    await gallerySearch.locator('.picker-results > li').first().getByRole('button', { name: /^Choose: / }).click();
    await gallerySearch.locator('.picker-results > li').nth(1).getByRole('button', { name: /^Choose: / }).click();
    await expect.poll(() => section.locator('.reorderable.picked > li').count()).toBe(2);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await call<StoredExhibition>(page, 'GET', `/api/studio/countries/${countryId}/exhibitions/${id}`);
    const [itemBlock, gallery] = stored.sections[0].blocks;
    expect(itemBlock).toMatchObject({ type: 'item', itemId: needle.id });
    expect(gallery.itemIds).toHaveLength(2);

    // Read again, the chosen item shows its title though no page of the list holds it.
    await page.reload();
    await expect.poll(() => blockSummaries(page)).toEqual([NEEDLE.kk, expect.stringMatching(/^2 items: .+, .+$/)]);
    await page.context().close();
  });

  it('previews the unsaved exhibition beside the form as it is typed, in each of the country’s languages', async () => {
    const page = await signedInCurator(browser);
    const exhibition = await call<StoredExhibition>(page, 'POST', `/api/studio/countries/${countryId}/exhibitions`, {
      slug: 'typed-live',
      title: { ru: original('Живой предпросмотр') },
      sections: [{ id: randomUUID(), blocks: [textBlock('Начало рассказа')] }],
    });
    await page.goto(`/studio/${countryId}/exhibitions/${exhibition.id}`);
    const preview = page.locator('#live-preview');
    await expect.poll(() => preview.locator('.exhibition h1').textContent()).toBe('Живой предпросмотр RU');

    await page.getByLabel('Title — Kazakh', { exact: true }).pressSequentially('Тірі көрініс, әғқ');
    await page.getByRole('button', { name: 'Edit: Block 1: Text (Section 1)', exact: true }).click();
    const typed = 'Қазақ тілінде: әғқңөұүһі, үтірмен';
    await page.getByLabel('Text — Kazakh', { exact: true }).pressSequentially(typed);
    // Shown in English (the UI language) the page falls back to Kazakh, the country's own.
    await expect.poll(() => preview.locator('.rich-text').textContent()).toContain(typed);
    await preview.getByRole('button', { name: 'Kazakh', exact: true }).click();
    await expect.poll(() => preview.locator('.exhibition h1').textContent()).toBe('Тірі көрініс, әғқ');
    await expect.poll(() => preview.locator('.rich-text').textContent()).toBe(typed);
    await expectAccessible(page, 'exhibition editor with its live preview');
    await preview.getByRole('button', { name: 'Russian', exact: true }).click();
    await expect.poll(() => preview.locator('.exhibition h1').textContent()).toBe('Живой предпросмотр');
    await expect.poll(() => preview.locator('.rich-text').textContent()).toBe('Начало рассказа');
    // Nothing of it is saved yet.
    const stored = await call<StoredExhibition>(page, 'GET', `/api/studio/countries/${countryId}/exhibitions/${exhibition.id}`);
    expect(JSON.stringify(stored)).not.toContain('әғқңөұүһі');

    // Narrower, the preview is one button away.
    await page.setViewportSize({ width: 768, height: 900 });
    await expect.poll(() => preview.count()).toBe(0);
    await page.getByRole('button', { name: 'Show the preview', exact: true }).click();
    await expect.poll(() => preview.locator('.exhibition h1').textContent()).toBe('Живой предпросмотр');
    expect(await preview.getByRole('button', { name: 'Russian', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'exhibition editor with its preview shown on a tablet');
    await expectLayoutHolds(page, 'exhibition editor with its preview');
    await page.context().close();
  });

  it('keeps the demo exhibition short, unfolded section by section, without overlaps or sideways scrolling', async () => {
    const page = await signedInCurator(browser);
    const list = await call<{ items: { id: string; slug: string }[] }>(page, 'GET', `/api/studio/countries/${countryId}/exhibitions?q=home-front`);
    await page.goto(`/studio/${countryId}/exhibitions/${list.items[0].id}`);
    await expect.poll(() => page.locator('.sections .block-line').count()).toBe(4);
    await expect.poll(() => page.locator('#live-preview .exhibition-section').count()).toBe(4);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`the demo exhibition's editor is ${height} px tall at 1280 px`);
    expect(height).toBeLessThan(3000);
    await expectLayoutHolds(page, 'demo exhibition editor');

    await page.getByRole('button', { name: 'Unfold: Section 2', exact: true }).click();
    await page.getByRole('button', { name: 'Edit: Block 3: Gallery (Section 2)', exact: true }).click();
    await expect.poll(() => page.locator('.reorderable.picked > li .record-title').count()).toBe(3);
    await expectAccessible(page, 'demo exhibition editor, a gallery open');
    await expectLayoutHolds(page, 'demo exhibition editor, a gallery open');
    await page.context().close();
  });
});
