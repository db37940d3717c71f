import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReviewChange } from '@vitrina/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { DiffTable } from './DiffTable';

const photo = { name: 'flask-front.jpg', kind: 'image', thumbnail: '/api/media/aaaa/w400.webp' } as const;
const road = { of: 'section', text: 'The road' } as const;
const medal = { of: 'block', blockType: 'item', text: 'Grandfather’s medal' } as const;
const CHANGES: ReviewChange[] = [
  { path: 'title', lang: 'en', change: 'changed', before: { text: 'Flask', status: 'machine' }, after: { text: 'Field flask', status: 'original' } },
  { kind: 'moved', path: 'sections.0.blocks', from: 3, to: 0, label: medal, within: [road], field: 'blocks' },
  {
    path: 'sections.0.blocks.0.caption',
    lang: 'en',
    change: 'changed',
    before: { text: 'Kept in a drawer', status: 'original' },
    after: { text: 'Found in a drawer', status: 'original' },
    within: [road, medal],
    field: 'caption',
  },
  { kind: 'moved', path: 'sections.1.blocks', from: 1, to: 0, fromPath: 'sections.0.blocks', fromWithin: [road], label: { of: 'block', blockType: 'quote', text: 'Қайтамыз, ұмытпаңыз' }, within: [{ of: 'section', text: null }], field: 'blocks' },
  { kind: 'added', path: 'media', from: null, to: 2, assetId: 'aaaaaaaa-1111-4111-8111-111111111111', asset: photo, label: { of: 'file', text: 'flask-front.jpg' } },
  { kind: 'removed', path: 'media', from: 1, to: null, assetId: 'bbbbbbbb-2222-4222-8222-222222222222', asset: { name: null, kind: 'audio', thumbnail: null }, label: { of: 'file', text: null } },
  { kind: 'added', path: 'coverItemId', from: null, to: 0, label: { of: 'item', text: 'Yurt model' } },
  { path: 'mediaTexts.alt', lang: 'ru', assetId: 'aaaaaaaa-1111-4111-8111-111111111111', asset: photo, change: 'added', before: null, after: { text: 'Фляга', status: 'translated' } },
];

const cellsOf = (rows: HTMLElement[]) => rows.map((row) => [...row.children].map((cell) => cell.textContent));

describe('DiffTable', () => {
  afterEach(cleanup);

  it('shows moves as moves, naming entries by their words and titles and files by name, never by id', async () => {
    await i18n.changeLanguage('en');
    render(<DiffTable changes={CHANGES} />);
    const table = screen.getByRole('table', { name: /Changes/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(cellsOf(rows)).toEqual([
      ['Title', 'English', 'Flask (machine draft)', 'Field flask'],
      ['Section: The road › Item block: Grandfather’s medal', 'Moved from position 4 to 1'],
      ['Section: The road › Item block: Grandfather’s medal › Caption', 'English', 'Kept in a drawer', 'Found in a drawer'],
      ['Section (untitled) › Quote block: Қайтамыз, ұмытпаңыз', 'Moved from Section: The road, position 2, to position 1'],
      ['Media › File: flask-front.jpg', 'Added at position 3'],
      ['Media › File (untitled)', 'Removed from position 2'],
      ['Cover item › Item: Yurt model', 'Added'],
      ['File › Alternative text · flask-front.jpg', 'Russian', '(none)', 'Фляга (translated)'],
    ]);
    expect(rows[4].querySelector('img')?.getAttribute('src')).toBe(photo.thumbnail);
    expect(rows[4].querySelector('img')?.getAttribute('alt')).toBe('');
    expect(rows[5].querySelector('img')).toBeNull();
    expect(table.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('speaks Russian to a Russian reader', async () => {
    await i18n.changeLanguage('ru');
    render(<DiffTable changes={CHANGES.slice(0, 4)} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Название');
    expect(rows[0].textContent).not.toContain('machine');
    expect(cellsOf(rows.slice(1))).toEqual([
      ['Раздел: The road › Блок с предметом: Grandfather’s medal', 'Перемещено с позиции 4 на позицию 1'],
      ['Раздел: The road › Блок с предметом: Grandfather’s medal › Подпись', 'английский', 'Kept in a drawer', 'Found in a drawer'],
      ['Раздел (без названия) › Блок-цитата: Қайтамыз, ұмытпаңыз', 'Перемещено из «Раздел: The road» (позиция 2) на позицию 1'],
    ]);
  });

  it('says a captions file was replaced instead of printing its checksum', async () => {
    await i18n.changeLanguage('en');
    render(<DiffTable changes={[{ path: 'mediaTexts.captionVersions.ru', assetId: 'a', asset: photo, change: 'changed', before: 'e3b0c44298fc1c14', after: '9f86d081884c7d65' }]} />);
    const row = screen.getAllByRole('row')[1];
    expect([...row.children].slice(2).map((cell) => cell.textContent)).toEqual(['earlier file', 'new file']);
  });
});
