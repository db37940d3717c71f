import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import type { LocalizedLabel } from '@vitrina/contracts';
import { LocalizedLabelField, LocalizedTags } from './LocalizedTags';

let tags: LocalizedLabel[] = [];
let rank: LocalizedLabel | undefined;

function Tags({ initial }: { initial: LocalizedLabel[] }) {
  const [value, setValue] = useState(initial);
  const change = (next: LocalizedLabel[]) => {
    tags = next;
    setValue(next);
  };
  return <LocalizedTags label="Tags" value={value} languages={['kk', 'ru', 'en']} defaultLanguage="kk" onChange={change} />;
}

function Rank() {
  const [value, setValue] = useState<LocalizedLabel | undefined>({ ru: 'рядовой' });
  const change = (next: LocalizedLabel | undefined) => {
    rank = next;
    setValue(next);
  };
  return <LocalizedLabelField label="Rank 1" value={value} languages={['kk', 'ru']} onChange={change} />;
}

function type(input: HTMLElement, text: string) {
  for (const key of text) {
    if (fireEvent.keyDown(input, { key })) fireEvent.change(input, { target: { value: (input as HTMLInputElement).value + key } });
  }
}

beforeAll(() => i18n.changeLanguage('en'));
afterEach(cleanup);

describe('LocalizedTags', () => {
  it('makes a tag of each chip typed in the default language, and takes its other languages beside it', () => {
    tags = [];
    render(<Tags initial={[]} />);
    type(screen.getByRole('textbox', { name: 'Tags — Kazakh' }), 'әже, қағаз, ');
    expect(tags).toEqual([{ kk: 'әже' }, { kk: 'қағаз' }]);
    fireEvent.change(screen.getByRole('textbox', { name: '“әже” in Russian' }), { target: { value: 'бабушка' } });
    fireEvent.change(screen.getByRole('textbox', { name: '“әже” in English' }), { target: { value: 'grandmother' } });
    expect(tags).toEqual([{ kk: 'әже', ru: 'бабушка', en: 'grandmother' }, { kk: 'қағаз' }]);
    // Removing a chip removes its tag, translations and all; the others keep theirs.
    fireEvent.click(screen.getByRole('button', { name: 'Remove қағаз' }));
    expect(tags).toEqual([{ kk: 'әже', ru: 'бабушка', en: 'grandmother' }]);
    fireEvent.change(screen.getByRole('textbox', { name: '“әже” in English' }), { target: { value: '' } });
    expect(tags).toEqual([{ kk: 'әже', ru: 'бабушка' }]);
  });

  it('lets a curator type the tags in another of the country’s languages', () => {
    tags = [];
    render(<Tags initial={[{ kk: 'киіз', ru: 'войлок' }]} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tags typed in' }), { target: { value: 'ru' } });
    const box = screen.getByRole('textbox', { name: 'Tags — Russian' });
    expect(screen.getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['войлок×']);
    type(box, 'ковёр, эвакуация,');
    expect(tags).toEqual([{ kk: 'киіз', ru: 'войлок' }, { ru: 'ковёр' }, { ru: 'эвакуация' }]);
    expect((screen.getByRole('textbox', { name: '“войлок” in Kazakh' }) as HTMLInputElement).value).toBe('киіз');
  });
});

describe('LocalizedLabelField', () => {
  it('keeps one short text per language, and nothing when all are emptied', () => {
    rank = undefined;
    render(<Rank />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Rank 1 — Kazakh' }), { target: { value: 'қатардағы жауынгер' } });
    expect(rank).toEqual({ ru: 'рядовой', kk: 'қатардағы жауынгер' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Rank 1 — Kazakh' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Rank 1 — Russian' }), { target: { value: '' } });
    expect(rank).toBeUndefined();
  });
});
