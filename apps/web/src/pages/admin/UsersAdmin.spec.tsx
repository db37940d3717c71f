import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CountryList, User, UserList } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import i18n from '../../i18n/i18n';
import type { Loaded } from '../../api/use-api';
import { UsersAdmin } from './UsersAdmin';

const api = vi.fn();
vi.mock('../../api/client', () => ({ api: (...args: unknown[]) => api(...args) }));

const owner: User = {
  id: '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f60',
  email: 'owner@museum.test',
  displayName: 'Museum Owner',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
};
const reload = vi.fn();
vi.mock('../../api/use-api', () => ({
  useApi: (): Loaded<UserList> => ({ data: { items: [owner] }, error: undefined, loading: false, reload }) as unknown as Loaded<UserList>,
}));

const noCountries = { data: { items: [] }, loading: false, reload: () => undefined } as unknown as Loaded<CountryList>;

describe('UsersAdmin', () => {
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('clears a user’s sign-in lock and says so, in English and Russian', async () => {
    for (const [language, button, done] of [
      ['en', /^Unlock sign-in\s*— Museum Owner$/, /Failed sign-ins cleared/],
      ['ru', /^Снять блокировку входа\s*— Museum Owner$/, /Неудачные попытки входа сброшены/],
    ] as const) {
      await i18n.changeLanguage(language);
      api.mockResolvedValueOnce({ clearedFailures: 4 });
      render(<UsersAdmin countries={noCountries} />);
      fireEvent.click(screen.getByRole('button', { name: button }));
      expect(await screen.findByText(done)).toBeTruthy();
      expect(api).toHaveBeenCalledWith('POST', `/api/admin/users/${owner.id}/unlock`);
      cleanup();
    }
  });
});
