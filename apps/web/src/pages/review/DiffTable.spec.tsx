import { cleanup, render, screen, within } from '@testing-library/react';
import type { FieldChange } from '@vitrina/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { DiffTable } from './DiffTable';

const photo = { name: 'flask-front.jpg', kind: 'image', thumbnail: '/api/media/aaaa/w400.webp' } as const;
const CHANGES: FieldChange[] = [
  { path: 'title', lang: 'en', change: 'changed', before: { text: 'Flask', status: 'machine' }, after: { text: 'Field flask', status: 'original' } },
  { path: 'media', assetId: 'aaaaaaaa-1111', asset: photo, change: 'moved', before: 1, after: 3 },
  { path: 'media', assetId: 'bbbbbbbb-2222', asset: { name: null, kind: 'audio', thumbnail: null }, change: 'removed', before: 2, after: null },
  { path: 'mediaTexts.alt', lang: 'ru', assetId: 'aaaaaaaa-1111', asset: photo, change: 'added', before: null, after: { text: 'Фляга', status: 'translated' } },
];

describe('DiffTable', () => {
  afterEach(cleanup);

  it('names fields, languages, statuses and files in the UI language, with a thumbnail where there is one', async () => {
    await i18n.changeLanguage('en');
    render(<DiffTable changes={CHANGES} />);
    const rows = within(screen.getByRole('table', { name: /Changes/ })).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Title', 'English', 'Flask (machine draft)', 'Field flask'],
      ['Media · flask-front.jpg · moved', '—', 'position 1', 'position 3'],
      ['Media · file bbbbbbbb · removed', '—', 'position 2', '(none)'],
      ['File › Alternative text · flask-front.jpg', 'Russian', '(none)', 'Фляга (translated)'],
    ]);
    const thumbnails = rows[1].querySelectorAll('img');
    expect([...thumbnails].map((img) => [img.getAttribute('src'), img.getAttribute('alt')])).toEqual([['/api/media/aaaa/w400.webp', '']]);
    expect(rows[2].querySelector('img')).toBeNull();
  });

  it('speaks Russian to a Russian reader', async () => {
    await i18n.changeLanguage('ru');
    render(<DiffTable changes={CHANGES.slice(0, 2)} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Название');
    expect(rows[0].textContent).not.toContain('machine');
    expect(rows[1].querySelector('th')?.textContent).toBe('Медиа · flask-front.jpg · перемещён');
  });
});
