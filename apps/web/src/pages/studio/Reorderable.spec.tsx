import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { RemovalUndoScope } from './removal-undo';
import { Reorderable } from './Reorderable';

interface Entry {
  id: string;
  text: string;
}

function List({ initial, name }: { initial: Entry[]; name: string }) {
  const [entries, setEntries] = useState(initial);
  return (
    <section aria-label={name}>
      <Reorderable entries={entries} onChange={setEntries} describe={(entry) => `${name} ${entry.text}`} render={(entry) => <p className="body">{entry.text}</p>} />
    </section>
  );
}

const shown = (list: string) => [...screen.getByRole('region', { name: list }).querySelectorAll('.body')].map((p) => p.textContent);
const entries = (...texts: string[]) => texts.map((text) => ({ id: text, text }));

afterEach(cleanup);
beforeAll(() => i18n.changeLanguage('en'));

describe('Reorderable', () => {
  it('moves entries with the buttons and announces where to', () => {
    render(<List name="files" initial={entries('a', 'b', 'c')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move down: files a' }));
    expect(shown('files')).toEqual(['b', 'a', 'c']);
    expect(screen.getByText('files a moved to position 2 of 3')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Move up: files b' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('leaves an Undo notice, focused, where an entry was removed; Undo puts it back with what it held', () => {
    render(<List name="files" initial={entries('a', 'b', 'c')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove: files b' }));
    expect(shown('files')).toEqual(['a', 'c']);
    expect(screen.getByText('Removed files b').getAttribute('role')).toBe('status');
    const undo = screen.getByRole('button', { name: 'Undo: files b' });
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(shown('files')).toEqual(['a', 'b', 'c']);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('keeps one notice for a whole scope: the next removal, in any list, replaces it; Dismiss drops it', () => {
    render(
      <RemovalUndoScope>
        <List name="blocks" initial={entries('a', 'b')} />
        <List name="files" initial={entries('x', 'y')} />
      </RemovalUndoScope>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove: blocks a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove: files y' }));
    expect(screen.queryByRole('button', { name: 'Undo: blocks a' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo: files y' }));
    expect([shown('blocks'), shown('files')]).toEqual([['b'], ['x', 'y']]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove: files x' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Removed files x' }));
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(shown('files')).toEqual(['y']);
  });
});
