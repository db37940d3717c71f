import type { MediaAsset } from '@vitrina/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import i18n from '../../i18n/i18n';
import { withQueries } from '../../testing/query';
import { ReviewMedia } from './ReviewMedia';

const COUNTRY = '11111111-1111-4111-8111-111111111111';
const file = (id: string, name: string, withdrawnAt: string | null): MediaAsset =>
  ({ id, originalName: name, kind: 'image', status: 'ready', derivativeWidths: [400], withdrawnAt }) as MediaAsset;

let files: MediaAsset[] = [];
const calls: { method: string; path: string; body: unknown }[] = [];
vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    if (method === 'GET') return { items: files };
    const [, id, decision] = /media\/([^/]+)\/(withdraw|restore)$/.exec(path)!;
    files = files.map((f) => (f.id === id ? { ...f, withdrawnAt: decision === 'withdraw' ? '2026-12-04T18:00:00.000Z' : null } : f));
    return undefined;
  },
}));

function renderDesk() {
  return render(
    withQueries(
      <MemoryRouter initialEntries={[`/review/${COUNTRY}/media`]}>
        <Routes>
          <Route path="/review/:countryId/media" element={<ReviewMedia />} />
        </Routes>
      </MemoryRouter>,
    ),
  );
}

describe('ReviewMedia', () => {
  afterEach(() => {
    cleanup();
    calls.length = 0;
  });

  for (const [language, withdraw, restore, done] of [
    ['en', 'Withdraw', 'Restore', 'The file is withdrawn from visitors.'],
    ['ru', 'Отозвать', 'Восстановить', 'Файл отозван: посетители его больше не видят.'],
  ] as const) {
    it(`withdraws a file with the reason given and offers to restore it (${language})`, async () => {
      await i18n.changeLanguage(language);
      files = [file('a', 'obelisk.jpg', null), file('b', 'letter.jpg', '2026-12-01T10:00:00.000Z')];
      renderDesk();
      const button = await screen.findByRole('button', { name: `${withdraw} obelisk.jpg` });
      expect(screen.getByRole('button', { name: `${restore} letter.jpg` })).toBeTruthy();
      fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Consent withdrawn' } });
      fireEvent.click(button);
      expect(await screen.findByText(done)).toBeTruthy();
      expect(calls).toContainEqual({ method: 'POST', path: `/api/review/countries/${COUNTRY}/media/a/withdraw`, body: { comment: 'Consent withdrawn' } });
      expect(await screen.findByRole('button', { name: `${restore} obelisk.jpg` })).toBeTruthy();
    });
  }
});
