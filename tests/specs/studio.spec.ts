import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn, typeInto } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

const fieldFor = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describe('a curator in the studio', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('creates an item, then an exhibition with reordered sections, and previews it in two languages', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(8);
    await expectAccessible(page, 'studio item list');
    await expectLayoutHolds(page, 'studio item list');

    await page.getByRole('link', { name: 'New item' }).click();
    await typeInto(fieldFor(page, 'Address (slug)'), 'grandfathers-medal');
    await typeInto(fieldFor(page, 'Title — Russian'), 'Медаль деда');
    await typeInto(fieldFor(page, 'Title — English'), "Grandfather's medal");
    await page.getByLabel('Translation status — Title — English').selectOption('translated');
    await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('artefact');
    await page.getByRole('textbox', { name: 'Date', exact: true }).pressSequentially('1945');
    await expectAccessible(page, 'item editor');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/items\/[0-9a-f-]{36}$/);

    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await typeInto(page.getByLabel('Search', { exact: true }), 'grandfathers');
    await expect.poll(() => page.getByRole('link', { name: "Grandfather's medal" }).count()).toBe(1);
    await expectLayoutHolds(page, 'studio item list, searched');

    await page.getByRole('link', { name: 'Exhibitions', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'New exhibition' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'studio exhibition list');
    await expectLayoutHolds(page, 'studio exhibition list');
    await page.getByRole('link', { name: 'New exhibition' }).click();
    await typeInto(fieldFor(page, 'Address (slug)'), 'family-treasures');
    await typeInto(fieldFor(page, 'Title — Russian'), 'Семейные реликвии');
    await typeInto(fieldFor(page, 'Title — English'), 'Family treasures');
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('button', { name: 'Add section' }).click();
    const sections = page.locator('.sections > .reorderable-list > ol > li[data-testid=reorderable-entry]');
    await typeInto(sections.nth(0).getByLabel('Section title — English', { exact: true }), 'First written');
    await typeInto(sections.nth(1).getByLabel('Section title — English', { exact: true }), 'Second written');
    await sections.nth(0).getByRole('combobox', { name: 'Block type', exact: true }).selectOption('text');
    await sections.nth(0).getByRole('button', { name: /^Add block/ }).click();
    await sections.nth(0).getByRole('textbox', { name: 'Text — English', exact: true }).click();
    await page.keyboard.type('Our family kept ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('everything');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('.');
    await sections.nth(1).getByRole('combobox', { name: 'Block type', exact: true }).selectOption('item');
    await sections.nth(1).getByRole('button', { name: /^Add block/ }).click();
    // A new item block opens its search, focused: typing part of the address finds the item.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('grandfathers');
    await sections.nth(1).getByRole('button', { name: "Choose: Grandfather's medal", exact: true }).click();

    // Keyboard: focus the second section's "Move up" and press Enter.
    await sections.nth(1).getByRole('button', { name: 'Move up: Section 2' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sections.nth(0).getByLabel('Section title — English', { exact: true }).inputValue()).toBe('Second written');
    // Mouse: its handle dragged back below the other section, by as far as their middles are apart.
    const handle = (await sections.nth(0).locator('.drag-handle').first().boundingBox())!;
    const [upper, lower] = [(await sections.nth(0).boundingBox())!, (await sections.nth(1).boundingBox())!];
    const distance = lower.y + lower.height / 2 - (upper.y + upper.height / 2);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 + distance + 10, { steps: 20 });
    await page.mouse.up();
    await expect.poll(() => sections.nth(0).getByLabel('Section title — English', { exact: true }).inputValue()).toBe('First written');
    // The drop settles first (no entry still dragged or sliding into place), as it has for a person who then clicks.
    await expect
      .poll(() =>
        page.locator('[data-testid="reorderable-entry"]').evaluateAll((entries) =>
          entries.filter((entry) => entry.classList.contains('dragging') || ((entry as HTMLElement).style.transform ?? '') !== '').length,
        ),
      )
      .toBe(0);
    await sections.nth(1).getByRole('button', { name: 'Move up: Section 2' }).click();
    // The order the preview must show, before anything is saved.
    await expect.poll(() => sections.nth(0).getByLabel('Section title — English', { exact: true }).inputValue()).toBe('Second written');
    await expectAccessible(page, 'exhibition editor');
    await expectLayoutHolds(page, 'exhibition editor with two sections');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');
    await page.getByRole('link', { name: 'Full-page preview of the saved version' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.exhibition h1').textContent()).toBe('Family treasures');
    const sectionTitles = await page.locator('.exhibition-section h2').allTextContents();
    expect(sectionTitles).toEqual(['Second written', 'First written']);
    expect(await page.locator('.item-block').textContent()).toContain("Grandfather's medal");
    expect(await page.locator('.exhibition-section .rich-text strong').textContent()).toBe('everything');
    await expectAccessible(page, 'exhibition preview (en)');
    await expectLayoutHolds(page, 'exhibition preview (en)');
    await page.getByRole('button', { name: 'Russian' }).click();
    await expect.poll(() => page.locator('.exhibition h1').textContent()).toBe('Семейные реликвии');
    await expectAccessible(page, 'exhibition preview (ru)');

    // A draft is not public.
    const publicView = await page.request.get('/api/public/countries/kazakhstan/exhibitions/family-treasures');
    expect(publicView.status()).toBe(404);
  });

  // Names on a memorial are person records of their own (people.spec.ts).
  it('edits a memorial with surveys and inscriptions, in Russian', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'Мемориалы', exact: true }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'studio memorial list (ru)');
    await expectLayoutHolds(page, 'studio memorial list (ru)');
    await page.getByRole('link', { name: 'Новый мемориал' }).click();
    await typeInto(fieldFor(page, 'Адрес (slug)'), 'village-obelisk');
    await typeInto(fieldFor(page, 'Название — русский'), 'Обелиск в селе');
    await typeInto(fieldFor(page, 'Широта'), '43.1');
    await typeInto(fieldFor(page, 'Долгота'), '77.2');
    await page.getByRole('button', { name: 'Добавить обследование' }).click();
    await fieldFor(page, 'Дата 1').first().pressSequentially('1 мая 2024');
    await page.getByRole('button', { name: 'Добавить надпись' }).click();
    await typeInto(fieldFor(page, 'Надпись в оригинале 1'), 'Никто не забыт');
    await typeInto(fieldFor(page, 'Перевод надписи 1 — английский'), 'No one is forgotten');
    await expectAccessible(page, 'memorial editor (ru)');
    await expectLayoutHolds(page, 'memorial editor (ru)');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('Все изменения сохранены');
    await page.reload();
    await expect.poll(() => fieldFor(page, 'Перевод надписи 1 — английский').inputValue()).toBe('No one is forgotten');
  });
});
