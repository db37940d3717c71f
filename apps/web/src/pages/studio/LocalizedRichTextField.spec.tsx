import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { LocalizedText } from '@vitrina/contracts';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { LocalizedRichTextField } from './LocalizedRichTextField';

let stored: LocalizedText | undefined;

function Harness({ initial }: { initial?: LocalizedText }) {
  const [value, setValue] = useState(initial);
  return (
    <LocalizedRichTextField
      label="Текст"
      value={value}
      languages={['ru', 'kk']}
      onChange={(next) => {
        stored = next;
        setValue(next);
      }}
    />
  );
}

afterEach(cleanup);

// jsdom lays nothing out: ProseMirror measures ranges to scroll the caret into view.
beforeAll(() => {
  Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

describe('LocalizedRichTextField', () => {
  it('shows one labelled rich text box with its toolbar per language, loaded on demand', async () => {
    await i18n.changeLanguage('ru');
    render(<Harness initial={{ ru: { text: '<p>Ковёр <strong>1942</strong></p>', status: 'original' } }} />);
    const russian = await screen.findByRole('textbox', { name: 'Текст — русский' });
    expect(russian.getAttribute('contenteditable')).toBe('true');
    expect(russian.getAttribute('lang')).toBe('ru');
    expect(russian.innerHTML).toContain('<strong>1942</strong>');
    expect(await screen.findByRole('textbox', { name: 'Текст — казахский' })).toBeTruthy();
    const toolbar = screen.getByRole('toolbar', { name: 'Оформление: Текст — русский' });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Жирный',
      'Курсив',
      'Ссылка',
      'Заголовок',
      'Подзаголовок',
      'Маркированный список',
      'Нумерованный список',
      'Цитата',
      'Отменить',
      'Повторить',
    ]);
    // One stop in the tab order; the arrow keys move along the toolbar.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(buttons[9]);
    expect(buttons[9].getAttribute('aria-disabled')).toBe('true');
  });

  it('formats the text from the toolbar and gives the HTML to the record, per language', async () => {
    await i18n.changeLanguage('en');
    stored = undefined;
    render(<Harness initial={{ kk: { text: '<p>әже, қағаз</p>', status: 'translated' } }} />);
    await screen.findByRole('textbox', { name: 'Текст — Kazakh' });
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting: Текст — Kazakh' });
    const list = within(toolbar).getByRole('button', { name: 'Bulleted list' });
    expect(list.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(list);
    await act(async () => {});
    expect(stored).toEqual({ kk: { text: '<ul><li><p>әже, қағаз</p></li></ul>', status: 'translated' } });
    expect(list.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Undo' }));
    await act(async () => {});
    expect(stored).toEqual({ kk: { text: '<p>әже, қағаз</p>', status: 'translated' } });
  });

  it('makes a link in a small form, not a prompt, and refuses an address the server would drop', async () => {
    await i18n.changeLanguage('en');
    render(<Harness initial={{ ru: { text: '<p>архив</p>', status: 'original' } }} />);
    await screen.findByRole('textbox', { name: 'Текст — Russian' });
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting: Текст — Russian' });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Link' }));
    const address = screen.getByRole('textbox', { name: 'Link address' });
    fireEvent.change(address, { target: { value: 'javascript:alert(1)' } });
    fireEvent.keyDown(address, { key: 'Enter' });
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Enter a web address like https:\/\/example.org/)).toBeTruthy();
    fireEvent.change(address, { target: { value: 'example.org' } });
    fireEvent.keyDown(address, { key: 'Enter' });
    await act(async () => {});
    expect(screen.queryByRole('textbox', { name: 'Link address' })).toBeNull();
    expect(stored?.ru?.text).toContain('<a rel="noopener noreferrer nofollow" href="https://example.org">example.org</a>');
  });
});
