import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { User } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import i18n from '../../i18n/i18n';
import { withQueries } from '../../testing/query';
import { UsersAdmin } from './UsersAdmin';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const owner: User = {
  id: '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f60',
  email: 'owner@museum.test',
  displayName: 'Museum Owner',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
};

describe('UsersAdmin', () => {
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('clears a user’s sign-in lock and says so, in English and Russian, and reads the user list again', async () => {
    for (const [language, button, done] of [
      ['en', /^Unlock sign-in\s*— Museum Owner$/, /Failed sign-ins cleared/],
      ['ru', /^Снять блокировку входа\s*— Museum Owner$/, /Неудачные попытки входа сброшены/],
    ] as const) {
      await i18n.changeLanguage(language);
      api.mockImplementation(async (method: string) => (method === 'GET' ? { items: [owner] } : { clearedFailures: 4 }));
      render(withQueries(<UsersAdmin countries={[]} />));
      fireEvent.click(await screen.findByRole('button', { name: button }));
      expect(await screen.findByText(done)).toBeTruthy();
      expect(api).toHaveBeenCalledWith('POST', `/api/admin/users/${owner.id}/unlock`, undefined);
      await waitFor(() => expect(api.mock.calls.filter(([method]) => method === 'GET')).toHaveLength(2));
      cleanup();
      api.mockReset();
    }
  });
});
