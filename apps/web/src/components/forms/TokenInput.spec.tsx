import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { TokenInput } from './TokenInput';
import { addTokens, splitTokens } from './tokens';

let stored: string[] = [];

/** The input over a list it owns; `stored` is what its last change held (the initial list until then). */
function Harness({ initial = [] as string[], maxTokens }: { initial?: string[]; maxTokens?: number }) {
  const [value, setValue] = useState(initial);
  const change = (tokens: string[]) => {
    stored = tokens;
    setValue(tokens);
  };
  return <TokenInput label="Tags" value={value} maxTokens={maxTokens} onChange={change} />;
}

function mount(initial: string[], maxTokens?: number) {
  stored = initial;
  render(<Harness initial={initial} maxTokens={maxTokens} />);
}

const box = () => screen.getByRole('textbox', { name: 'Tags' });
const chips = () => screen.queryAllByRole('listitem').map((li) => li.querySelector('span')!.textContent);

/** Types as a keyboard does: a keydown per key, and the character goes in unless the keydown was cancelled. */
function type(text: string) {
  for (const key of text) {
    const input = box() as HTMLInputElement;
    if (fireEvent.keyDown(input, { key })) fireEvent.change(input, { target: { value: input.value + key } });
  }
}
const press = (key: string, target: Element = box()) => fireEvent.keyDown(target, { key });
/** requestAnimationFrame callbacks (focus after a removal) run. */
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(resolve)));

beforeAll(() => i18n.changeLanguage('en'));
afterEach(cleanup);

describe('token text', () => {
  it('splits at commas and line breaks, trims, drops empty tokens', () => {
    expect(splitTokens(' войлок, ковёр,, эвакуация ,')).toEqual(['войлок', 'ковёр', 'эвакуация']);
    expect(splitTokens('әже\nқағаз\r\nұлттық\t')).toEqual(['әже', 'қағаз', 'ұлттық']);
    expect(splitTokens('  ')).toEqual([]);
  });

  it('adds only tokens not already there, in any case, up to the limit', () => {
    expect(addTokens(['Войлок'], ['войлок', 'ковёр', 'КОВЁР'])).toEqual({ tokens: ['Войлок', 'ковёр'], added: ['ковёр'] });
    expect(addTokens(['a'], ['b', 'c'], 2)).toEqual({ tokens: ['a', 'b'], added: ['b'] });
  });
});

describe('TokenInput', () => {
  it('keeps what is being typed as typed, spaces included, until a comma or Enter', () => {
    mount([]);
    type('войлок ');
    expect((box() as HTMLInputElement).value).toBe('войлок ');
    expect(stored).toEqual([]);
    type(', ковёр');
    expect(stored).toEqual(['войлок']);
    expect((box() as HTMLInputElement).value).toBe(' ковёр');
    expect(press('Enter')).toBe(false); // the form is not submitted
    type('эвакуация, әже, қағаз, ұлттық,');
    expect(stored).toEqual(['войлок', 'ковёр', 'эвакуация', 'әже', 'қағаз', 'ұлттық']);
    expect(chips()).toEqual(stored);
    expect((box() as HTMLInputElement).value).toBe('');
  });

  it('lets Enter in an empty box submit the form, and ignores empty and duplicate tokens', () => {
    mount(['ковёр']);
    expect(press('Enter')).toBe(true);
    type(' , Ковёр,');
    expect(stored).toEqual(['ковёр']);
    expect(screen.getByRole('status').textContent).toBe('Already in the list: Ковёр');
  });

  it('makes a chip of each part of a paste, and of what is left when the box is left', () => {
    mount([]);
    fireEvent.paste(box(), { clipboardData: { getData: () => 'Kasymov Erlan, Қасымов Ерлан' } });
    expect(stored).toEqual(['Kasymov Erlan', 'Қасымов Ерлан']);
    type('Kassymov');
    fireEvent.blur(box());
    expect(stored).toEqual(['Kasymov Erlan', 'Қасымов Ерлан', 'Kassymov']);
  });

  it('marks the last chip on Backspace in the empty box, and removes it on the second', () => {
    mount(['a', 'b']);
    box().focus();
    press('Backspace');
    expect(stored).toEqual(['a', 'b']);
    expect(screen.getAllByRole('listitem')[1].className).toContain('marked');
    expect(screen.getByRole('status').textContent).toBe('Press Backspace again to remove b.');
    press('Backspace');
    expect(stored).toEqual(['a']);
    expect(document.activeElement).toBe(box());
    // Any other key clears the mark.
    press('Backspace');
    type('c');
    expect(screen.getAllByRole('listitem')[0].className).not.toContain('marked');
  });

  it('removes a focused chip with Delete or its button, and keeps focus in the list', async () => {
    mount(['войлок', 'ковёр', 'эвакуация']);
    const remove = (token: string) => screen.getByRole('button', { name: `Remove ${token}` });
    remove('ковёр').focus();
    press('Delete', remove('ковёр'));
    expect(stored).toEqual(['войлок', 'эвакуация']);
    await nextFrame();
    expect(document.activeElement).toBe(remove('эвакуация'));
    press('Backspace', remove('эвакуация'));
    await nextFrame();
    expect(document.activeElement).toBe(remove('войлок'));
    expect(screen.getByRole('status').textContent).toBe('Removed: эвакуация');
    fireEvent.click(remove('войлок'));
    expect(stored).toEqual([]);
    expect(document.activeElement).toBe(box());
  });

  it('moves between the box and the chips with the arrow keys', () => {
    mount(['a', 'b']);
    box().focus();
    press('ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove b');
    press('ArrowLeft', document.activeElement!);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove a');
    press('ArrowRight', document.activeElement!);
    press('ArrowRight', document.activeElement!);
    expect(document.activeElement).toBe(box());
  });

  it('adds no more than the limit', () => {
    mount(['a'], 2);
    type('b, c,');
    expect(stored).toEqual(['a', 'b']);
    expect(screen.getByRole('status').textContent).toBe('The list is full.');
  });
});
