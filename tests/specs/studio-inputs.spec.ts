import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

/**
 * The studio's inputs as a volunteer types into them, key by key: chips for tags and spellings, dates as
 * people write them, rich text, and messages beside the fields, in the UI language. Every test reads
 * back what the server stored.
 */

const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The texts of the messages a control is described by (its field's message, a date's preview…). */
function descriptionOf(control: Locator): Promise<string[]> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? ''),
  );
}

/** The chips of a chip input (its group is named by its legend). */
function chipsOf(page: Page, group: string): Promise<string[]> {
  return page.getByRole('group', { name: group, exact: true }).locator('li.token > span').allTextContents();
}

/** Empties a text box as a person does: select all, delete. */
async function clearBox(control: Locator): Promise<void> {
  await control.click();
  await control.press('Control+A');
  await control.press('Backspace');
}

/** The record as the studio API stores it, read with the page's own session. */
async function stored<T>(page: Page, collection: string): Promise<T> {
  const [, , countryId, , id] = new URL(page.url()).pathname.split('/');
  const response = await page.request.get(`/api/studio/countries/${countryId}/${collection}/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Saves the record and waits for the server's answer (a notice may still say "saved" from a save before a reload). */
async function save(page: Page, saved: string, collection: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() !== 'GET' && new URL(response.url()).pathname.includes(`/${collection}`));
  await page.getByRole('button', { name: saved === 'All changes saved' ? 'Save' : 'Сохранить', exact: true }).click();
  expect((await answered).ok()).toBe(true);
  await expect.poll(() => editorNotice(page).textContent()).toBe(saved);
  await expect.poll(() => new URL(page.url()).pathname).toMatch(new RegExp(`/${collection}/[0-9a-f-]{36}$`));
}

/** Selects `word` inside `control` by dragging the mouse over it, as a person selects text. */
async function selectWithMouse(page: Page, control: Locator, word: string): Promise<void> {
  const box = await control.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left, y: rect.top + rect.height / 2, width: rect.width };
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, word);
  await page.mouse.move(box.x + 1, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, box.y, { steps: 4 });
  await page.mouse.up();
}

interface StoredItem {
  tags: unknown[];
  date?: { earliest?: number; latest?: number; circa?: boolean; display?: Record<string, { text: string }> };
  creator?: Record<string, { text: string }>;
  materials?: Record<string, { text: string }>;
  provenance?: Record<string, { text: string }>;
}

interface StoredMemorial {
  unveilingDate?: string;
  conditionSurveys: { date: string }[];
  events: { date: string }[];
}

describe('the studio’s inputs, typed key by key', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('an item: tags as chips per language with commas and Enter, removed by keyboard; a dating typed as people write it; every catalogue field', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\/[0-9a-f-]{36}\/items$/);
    await page.getByRole('link', { name: 'New item' }).click();
    await box(page, 'Address (slug)').pressSequentially('felt-carpet-1943');
    await box(page, 'Title — Russian').pressSequentially('Войлочный ковёр, эвакуация');
    await box(page, 'Title — Kazakh').pressSequentially('Киіз кілем');

    // Tags, typed first in the country's default language: commas and Enter end a chip; nothing typed is
    // split or trimmed while it is typed. Each tag takes its other languages in a row below.
    const kazakhTags = box(page, 'Tags — Kazakh');
    await kazakhTags.pressSequentially('әже, қағаз, ұлттық');
    expect(await kazakhTags.inputValue()).toBe(' ұлттық');
    await kazakhTags.press('Enter');
    expect(await chipsOf(page, 'Tags — Kazakh')).toEqual(['әже', 'қағаз', 'ұлттық']);
    await box(page, '“әже” in Russian').pressSequentially('бабушка');
    await box(page, '“әже” in English').pressSequentially('grandmother');

    // A curator who writes in Russian types the rest in Russian.
    await page.getByRole('combobox', { name: 'Tags typed in' }).selectOption('ru');
    const tags = box(page, 'Tags — Russian');
    await tags.pressSequentially('войлок, ковёр, эвакуация, лишний тег');
    await tags.press('Enter');
    expect(await chipsOf(page, 'Tags — Russian')).toEqual(['бабушка', 'қағаз', 'ұлттық', 'войлок', 'ковёр', 'эвакуация', 'лишний тег']);
    // Backspace in the empty box marks the last chip, a second one removes it.
    await tags.press('Backspace');
    await expect.poll(() => page.locator('li.token.marked').textContent()).toBe('лишний тег×');
    await tags.press('Backspace');
    // From the box, the left arrow reaches the chips' remove buttons; Delete removes the chip in focus.
    await tags.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove ковёр');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove эвакуация');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('ковёр,');
    expect(await chipsOf(page, 'Tags — Russian')).toEqual(['бабушка', 'қағаз', 'ұлттық', 'войлок', 'эвакуация', 'ковёр']);
    await expectAccessible(page, 'item editor with tags as chips');

    // The dating, in the ways people write it, each with how visitors will see it.
    const date = box(page, 'Date');
    const preview = async () => (await descriptionOf(date)).join(' ');
    for (const [typed, shown] of [
      ['c. 1943', 'Visitors will see: c. 1943'],
      ['1941-1945', 'Visitors will see: 1941–1945'],
      ['1940s', 'Visitors will see: 1940s'],
      ['XIX век', 'Visitors will see: 19th century'],
    ]) {
      await clearBox(date);
      await date.pressSequentially(typed);
      expect(await date.inputValue()).toBe(typed);
      await expect.poll(preview).toBe(shown);
    }
    await clearBox(date);
    await date.pressSequentially('1945 — 1941');
    await box(page, 'Dimensions').click();
    await expect.poll(preview).toContain('The first year is later than the second.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'item editor with a date it cannot read');
    await clearBox(date);
    await date.pressSequentially('ca. 1943');
    await expect.poll(preview).toBe('Visitors will see: c. 1943');
    await box(page, 'Date as visitors see it (optional, replaces the one above) — English').pressSequentially('the war years, 1941–1945');

    // The catalogue fields the editor lacked.
    await box(page, 'Creator — Russian').pressSequentially('Мастерицы аула Қарасу');
    await box(page, 'Materials — English').pressSequentially('felt, wool, natural dyes');
    await box(page, 'Provenance — Russian').pressSequentially('Передан семьёй Қасымовых в 2021 году.');
    await box(page, 'Dimensions').pressSequentially('210 × 140 cm');
    await expectLayoutHolds(page, 'item editor with chips and dates');

    await save(page, 'All changes saved', 'items');
    const item = await stored<StoredItem>(page, 'items');
    expect(item.tags).toEqual([{ kk: 'әже', ru: 'бабушка', en: 'grandmother' }, { kk: 'қағаз' }, { kk: 'ұлттық' }, { ru: 'войлок' }, { ru: 'эвакуация' }, { ru: 'ковёр' }]);
    expect(item.date).toEqual({ earliest: 1943, latest: 1943, circa: true, display: { en: { text: 'the war years, 1941–1945', status: 'original' } } });
    expect(item.creator?.ru?.text).toBe('Мастерицы аула Қарасу');
    expect(item.materials?.en?.text).toBe('felt, wool, natural dyes');
    expect(item.provenance?.ru?.text).toBe('Передан семьёй Қасымовых в 2021 году.');

    await page.reload();
    await expect.poll(() => chipsOf(page, 'Tags — Kazakh')).toEqual(['әже', 'қағаз', 'ұлттық', 'войлок', 'эвакуация', 'ковёр']);
    expect(await box(page, 'Date').inputValue()).toBe('c. 1943');
    await page.context().close();
  });

  // Names on a memorial are person records now, with an editor of their own (people.spec.ts types their spellings as chips).
  it('a memorial, in Russian: partial dates typed as people write them, a date it cannot read said beside the field', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'Мемориалы', exact: true }).click();
    await page.getByRole('link', { name: 'Новый мемориал' }).click();
    await box(page, 'Адрес (slug)').pressSequentially('karasu-obelisk');
    await box(page, 'Название — русский').pressSequentially('Обелиск в ауле Қарасу');
    await page.getByRole('spinbutton', { name: 'Широта' }).pressSequentially('43.25');
    await page.getByRole('spinbutton', { name: 'Долгота' }).pressSequentially('76.95');

    const unveiled = box(page, 'Открыт');
    await unveiled.pressSequentially('9 мая 1975');
    await expect.poll(async () => (await descriptionOf(unveiled)).join(' ')).toBe('Посетители увидят: 9 мая 1975');

    await page.getByRole('button', { name: 'Добавить обследование' }).click();
    const surveyed = page.getByRole('group', { name: 'Обследования состояния', exact: true }).getByRole('textbox', { name: 'Дата 1', exact: true });
    await surveyed.pressSequentially('май 2024');
    await expect.poll(async () => (await descriptionOf(surveyed)).join(' ')).toBe('Посетители увидят: май 2024');

    await page.getByRole('button', { name: 'Добавить событие' }).click();
    const happened = page.getByRole('group', { name: 'История', exact: true }).getByRole('textbox', { name: 'Дата 1', exact: true });
    await happened.pressSequentially('32.13.1945');
    await box(page, 'Кто 1').click();
    await expect.poll(async () => (await descriptionOf(happened)).join(' ')).toContain('Месяца с таким номером нет.');
    await expectAccessible(page, 'memorial editor with a date it cannot read (ru)');
    // The record is not saved with a date other than the one shown.
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('Не сохранено: некоторые поля нужно исправить (список ниже)');
    expect(new URL(page.url()).pathname).toMatch(/\/memorials\/new$/);
    await clearBox(happened);
    await happened.pressSequentially('01.09.2021');
    await expect.poll(async () => (await descriptionOf(happened)).join(' ')).toBe('Посетители увидят: 1 сентября 2021');
    await expectLayoutHolds(page, 'memorial editor with chips and dates');

    await save(page, 'Все изменения сохранены', 'memorials');
    const memorial = await stored<StoredMemorial>(page, 'memorials');
    expect(memorial.unveilingDate).toBe('1975-05-09');
    expect(memorial.conditionSurveys[0].date).toBe('2024-05');
    expect(memorial.events[0].date).toBe('2021-09-01');

    await page.reload();
    await expect.poll(() => box(page, 'Открыт').inputValue()).toBe('9 мая 1975');
    await page.context().close();
  });

  it('says what is wrong next to the field, in Russian, before anything is sent', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'Новый предмет' }).click();
    const slug = box(page, 'Адрес (slug)');
    await slug.pressSequentially('Киіз үй, 1943');
    expect(await slug.getAttribute('aria-invalid')).toBeNull();
    await slug.press('Tab');
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(slug)).toContain('Только строчные латинские буквы, цифры и дефисы, например soldiers-letter-1942.');

    const sent: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && sent.push(request.url()));
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const title = box(page, 'Название — русский');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(title)).toEqual(['Заполните это поле.']);
    expect(await box(page, 'Название — английский').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    await expectAccessible(page, 'item editor with messages beside its fields (ru)');

    await clearBox(slug);
    await slug.pressSequentially('kiiz-uy-1943');
    await title.pressSequentially('Киіз үй');
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBeNull();
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    await save(page, 'Все изменения сохранены', 'items');
    await page.context().close();
  });

  it('an exhibition text block as rich text: bold by Ctrl+B, a list, a link on words selected with the mouse, a Kazakh text; stored as HTML and shown again', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'Exhibitions', exact: true }).click();
    await page.getByRole('link', { name: 'New exhibition' }).click();
    await box(page, 'Address (slug)').pressSequentially('felt-and-paper');
    await box(page, 'Title — English').pressSequentially('Felt and paper');
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('combobox', { name: 'Block type', exact: true }).selectOption('text');
    await page.getByRole('button', { name: /^Add block/ }).click();

    const english = box(page, 'Text — English');
    await english.click();
    await page.keyboard.type('Our family kept ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('everything');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(', even the letters.');
    await page.keyboard.press('Enter');
    const toolbar = page.getByRole('toolbar', { name: 'Formatting: Text — English' });
    await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('a felt carpet');
    await page.keyboard.press('Enter');
    await page.keyboard.type('letters from the front');
    await expect.poll(() => toolbar.getByRole('button', { name: 'Bulleted list' }).getAttribute('aria-pressed')).toBe('true');

    await selectWithMouse(page, english, 'family');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('family');
    await page.keyboard.press('Control+K');
    const address = box(page, 'Link address');
    await address.pressSequentially('example.org/family');
    await expectAccessible(page, 'exhibition editor with the rich text link form');
    await address.press('Enter');
    await expect.poll(() => address.count()).toBe(0);

    const kazakh = box(page, 'Text — Kazakh');
    await kazakh.click();
    await page.keyboard.type('Әжемнің киіз үйі, қағаз хаттар және ұлттық өрнектер.');
    await expectAccessible(page, 'exhibition editor with rich text');
    await expectLayoutHolds(page, 'exhibition editor with rich text');

    await save(page, 'All changes saved', 'exhibitions');
    const exhibition = await stored<{ sections: { blocks: { body: Record<string, { text: string }> }[] }[] }>(page, 'exhibitions');
    const body = exhibition.sections[0].blocks[0].body;
    expect(body.en.text).toBe(
      '<p>Our <a rel="noopener noreferrer nofollow" href="https://example.org/family">family</a> kept <strong>everything</strong>, even the letters.</p>' +
        '<ul><li><p>a felt carpet</p></li><li><p>letters from the front</p></li></ul>',
    );
    expect(body.kk.text).toBe('<p>Әжемнің киіз үйі, қағаз хаттар және ұлттық өрнектер.</p>');

    await page.reload();
    // A saved block opens folded to one line; the curator opens it to read it again.
    await page.getByRole('button', { name: 'Edit: Block 1: Text (Section 1)', exact: true }).click();
    const shown = box(page, 'Text — English');
    await expect.poll(() => shown.locator('strong').textContent()).toBe('everything');
    expect(await shown.locator('li').allTextContents()).toEqual(['a felt carpet', 'letters from the front']);
    expect(await shown.locator('a').getAttribute('href')).toBe('https://example.org/family');
    expect(await box(page, 'Text — Kazakh').textContent()).toBe('Әжемнің киіз үйі, қағаз хаттар және ұлттық өрнектер.');
    await page.context().close();
  });
});
