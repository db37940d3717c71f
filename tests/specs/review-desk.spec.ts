import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { expectLayoutHolds } from '../support/layout';

const DEMO_EXHIBITION = 'home-front-and-front-line';
const LETTER = { en: 'Demo: A folded front-line letter', ru: 'Демо: Фронтовое письмо-треугольник' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface StudioExhibition {
  id: string;
  slug: string;
  status: string;
  sections: { blocks: { type: string; itemId?: string }[] }[];
}

async function kazakhstanId(page: Page): Promise<string> {
  const countries = await (await page.request.get('/api/public/countries')).json();
  return countries.items.find((country: { slug: string }) => country.slug === 'kazakhstan').id;
}

/** The demo exhibition as the studio stores it now. */
async function storedExhibition(page: Page, kz: string): Promise<StudioExhibition> {
  const list = await (await page.request.get(`/api/studio/countries/${kz}/exhibitions?limit=100`)).json();
  const { id } = list.items.find((entry: { slug: string }) => entry.slug === DEMO_EXHIBITION);
  return (await page.request.get(`/api/studio/countries/${kz}/exhibitions/${id}`)).json();
}

describe('the review desk', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('shows a block a curator moved up as one move named by its item, beside a preview of the new order, in English and Russian', async () => {
    const curator = await newPage(browser, 'en-GB');
    await signIn(curator, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(curator.url()).pathname).toMatch(/^\/studio\//);
    const kz = await kazakhstanId(curator);
    const before = await storedExhibition(curator, kz);
    // The second section opens with a text, then the folded letter.
    expect(before.sections[1].blocks.map((block) => block.type).slice(0, 2)).toEqual(['text', 'item']);
    const letterId = before.sections[1].blocks[1].itemId;

    await curator.goto(`/studio/${kz}/exhibitions/${before.id}`);
    // The demo's sections open folded to one line each.
    await curator.getByRole('button', { name: 'Unfold: Section 2', exact: true }).click();
    const moveUp = curator.getByRole('button', { name: 'Move up: Block 2: Item (Section 2)', exact: true });
    await moveUp.focus();
    await curator.keyboard.press('Enter');
    await expect.poll(() => curator.getByRole('button', { name: 'Move up: Block 1: Item (Section 2)', exact: true }).count()).toBe(1);
    await curator.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(curator).textContent()).toBe('All changes saved');
    await curator.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(async () => (await storedExhibition(curator, kz)).status).toBe('in_review');
    const after = await storedExhibition(curator, kz);
    expect(after.sections[1].blocks.slice(0, 2).map((block) => [block.type, block.itemId])).toEqual([['item', letterId], ['text', undefined]]);

    const moderator = await newPage(browser, 'en-GB');
    await signIn(moderator, 'moderator.kz@vitrina.test');
    await expect.poll(() => new URL(moderator.url()).pathname).not.toBe('/login');
    await moderator.goto(`/review/${kz}`);
    const queue = moderator.getByRole('region', { name: 'Awaiting review' });
    await queue.getByRole('link', { name: /Home front and front line/ }).click();

    const diff = moderator.getByRole('table', { name: /Changes/ });
    const moved = diff.locator('tr[data-change=moved]');
    await expect.poll(() => moved.count()).toBe(1);
    expect(await moved.locator('th').textContent()).toBe(`Section: Letters and voices › Item block: ${LETTER.en}`);
    expect(await moved.locator('td').textContent()).toBe('Moved from position 2 to 1');
    // Nothing else changed, and nothing is named by an id.
    expect(await diff.locator('tbody tr').count()).toBe(1);
    expect(await diff.textContent()).not.toMatch(UUID);

    // Beside the diff on a wide screen: the page as visitors will see it, the letter now first in its section.
    const preview = moderator.getByRole('region', { name: 'As visitors will see it' });
    await moderator.getByRole('button', { name: 'English', exact: true }).click();
    const secondSection = preview.locator('.exhibition-section').nth(1);
    await expect.poll(() => secondSection.locator(':scope > *').nth(1).getAttribute('class')).toBe('item-block');
    expect(await secondSection.locator('.item-block').first().textContent()).toContain(LETTER.en);
    expect(await preview.locator('.exhibition h1').textContent()).toContain('Home front and front line');
    await expectAccessible(moderator, 'review detail with diff and preview (en)');
    await expectLayoutHolds(moderator, 'review detail with diff and preview (en)');

    // On a phone: the decision first, then the changes or the preview by a toggle.
    await moderator.setViewportSize({ width: 320, height: 800 });
    await moderator.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await diff.isVisible()).toBe(false);
    await expectAccessible(moderator, 'review detail, preview on a phone');
    await expectLayoutHolds(moderator, 'review detail, preview on a phone', [320, 768]);
    await moderator.getByRole('button', { name: 'Changes', exact: true }).click();
    await expect.poll(() => diff.isVisible()).toBe(true);
    await moderator.setViewportSize({ width: 1280, height: 800 });

    await moderator.getByLabel('Language', { exact: true }).selectOption('ru');
    const russianRow = moderator.getByRole('table', { name: /Изменения/ }).locator('tr[data-change=moved]');
    await expect.poll(() => russianRow.locator('td').textContent()).toBe('Перемещено с позиции 2 на позицию 1');
    expect(await russianRow.locator('th').textContent()).toBe(`Раздел: Письма и голоса › Блок с предметом: ${LETTER.ru}`);
    const russianPreview = moderator.getByRole('region', { name: 'Как это увидят посетители' });
    await russianPreview.getByRole('button', { name: 'русский', exact: true }).click();
    await expect.poll(() => russianPreview.locator('.exhibition-section').nth(1).locator('.item-block').first().textContent()).toContain(LETTER.ru);
    await expectAccessible(moderator, 'review detail with diff and preview (ru)');
    await expectLayoutHolds(moderator, 'review detail with diff and preview (ru)');

    await moderator.getByRole('link', { name: '← Ожидает проверки' }).click();
    await expect.poll(() => queue.or(moderator.getByRole('region', { name: 'Ожидает проверки' })).getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(moderator, 'review queue (ru)');
    await expectLayoutHolds(moderator, 'review queue (ru)');
    await moderator.getByRole('link', { name: 'Журнал аудита' }).click();
    await expect.poll(() => moderator.locator('table.audit tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(moderator, 'audit log (ru)');
    await expectLayoutHolds(moderator, 'audit log (ru)');
  });

  it('keeps every typed value when an email is taken, says so in Russian beside the email field, and adds the user once it is fixed', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'admin@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
    const form = page.getByRole('form', { name: 'Добавить пользователя' });
    await form.waitFor();
    await expectAccessible(page, 'admin users and countries (ru)');
    await expectLayoutHolds(page, 'admin users and countries (ru)');

    const email = form.getByLabel('Электронная почта', { exact: true });
    const name = form.getByLabel('Имя', { exact: true });
    const password = form.getByLabel('Начальный пароль', { exact: true });
    await email.pressSequentially('curator.kz@vitrina.test');
    await name.pressSequentially('Әлия Серікқызы, куратор из Қарағанды');
    await password.pressSequentially('ұзақ құпия сөз, 2026 жыл');
    await form.getByLabel('Администратор', { exact: true }).check();
    await form.getByRole('button', { name: 'Добавить пользователя' }).click();

    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`#${await email.getAttribute('aria-describedby')}`);
    expect(await message.textContent()).toBe('Пользователь с таким адресом электронной почты уже есть.');
    // Beside the field: right under it, within its column.
    const [fieldBox, messageBox] = [await email.boundingBox(), await message.boundingBox()];
    expect(messageBox!.y).toBeGreaterThanOrEqual(fieldBox!.y + fieldBox!.height - 1);
    expect(messageBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(40);
    expect(Math.abs(messageBox!.x - fieldBox!.x)).toBeLessThan(4);
    expect([await email.inputValue(), await name.inputValue(), await password.inputValue()]).toEqual([
      'curator.kz@vitrina.test',
      'Әлия Серікқызы, куратор из Қарағанды',
      'ұзақ құпия сөз, 2026 жыл',
    ]);
    expect(await form.getByLabel('Администратор', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('already exists');
    await expectAccessible(page, 'admin new user refused (ru)');
    await expectLayoutHolds(page, 'admin new user refused (ru)');

    await email.press('Control+A');
    await email.press('Backspace');
    await email.pressSequentially('aliya.serikkyzy@vitrina.test');
    await form.getByRole('button', { name: 'Добавить пользователя' }).click();
    await expect.poll(() => page.getByText('Пользователь добавлен.').count()).toBe(1);
    expect([await email.inputValue(), await name.inputValue(), await password.inputValue()]).toEqual(['', '', '']);
    const users = await (await page.request.get('/api/admin/users')).json();
    expect(users.items.find((user: { email: string }) => user.email === 'aliya.serikkyzy@vitrina.test')).toMatchObject({
      displayName: 'Әлия Серікқызы, куратор из Қарағанды',
      isAdmin: true,
    });
  });

  it('keeps a new country’s typed values when its slug is taken, saying so in Russian beside the slug field', async () => {
    const page = await newPage(browser, 'ru-RU');
    await signIn(page, 'admin@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
    const form = page.getByRole('form', { name: 'Добавить страну' });
    await form.waitFor();
    const slug = form.getByLabel('Идентификатор', { exact: true });
    await slug.pressSequentially('kazakhstan');
    await form.getByLabel('Название (по-русски)', { exact: true }).pressSequentially('Қазақстан, ещё раз');
    await form.getByLabel('Название (по-английски)', { exact: true }).pressSequentially('Kazakhstan, again');
    await form.getByRole('button', { name: 'Добавить страну' }).click();
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await slug.getAttribute('aria-describedby')}`).textContent()).toBe('Страна с таким идентификатором уже есть.');
    expect(await slug.inputValue()).toBe('kazakhstan');
    expect(await form.getByLabel('Название (по-русски)', { exact: true }).inputValue()).toBe('Қазақстан, ещё раз');
    expect(await form.getByLabel('Название (по-английски)', { exact: true }).inputValue()).toBe('Kazakhstan, again');
    await expectAccessible(page, 'admin new country refused (ru)');

    // The edit form of a country, open below the table.
    await page.getByRole('row').filter({ hasText: 'armenia' }).getByRole('button', { name: /Изменить/ }).click();
    await expect.poll(() => page.getByRole('form', { name: /armenia/ }).count()).toBe(1);
    await expectAccessible(page, 'admin country edit (ru)');
    await expectLayoutHolds(page, 'admin country edit (ru)');
  });
});
