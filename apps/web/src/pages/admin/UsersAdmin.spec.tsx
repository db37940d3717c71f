import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { User } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import i18n from '../../i18n/i18n';
import { ApiRequestError } from '../../api/client';
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

  it('keeps every typed value when the email is taken, says so in Russian beside the email field, and empties the form only once it succeeds', async () => {
    await i18n.changeLanguage('ru');
    const taken = new ApiRequestError(409, { statusCode: 409, error: 'Conflict', message: 'A user with this email already exists', code: 'email-taken' });
    api.mockImplementation(async (method: string) => {
      if (method === 'GET') return { items: [owner] };
      throw taken;
    });
    render(withQueries(<UsersAdmin countries={[]} />));
    const form = await screen.findByRole('form', { name: 'Добавить пользователя' });
    const email = screen.getByLabelText('Электронная почта') as HTMLInputElement;
    const name = screen.getByLabelText('Имя') as HTMLInputElement;
    const password = screen.getByLabelText('Начальный пароль') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'owner@museum.test' } });
    fireEvent.change(name, { target: { value: 'Әйгерім Қасымова, куратор' } });
    fireEvent.change(password, { target: { value: 'ұзын құпия сөз 2026' } });
    fireEvent.click(screen.getByLabelText('Администратор'));
    fireEvent.click(screen.getByRole('button', { name: 'Добавить пользователя' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('Пользователь с таким адресом электронной почты уже есть.');
    expect([email.value, name.value, password.value]).toEqual(['owner@museum.test', 'Әйгерім Қасымова, куратор', 'ұзын құпия сөз 2026']);
    expect((screen.getByLabelText('Администратор') as HTMLInputElement).checked).toBe(true);
    expect(form.closest('section')?.textContent).not.toContain('already exists');

    api.mockImplementation(async (method: string) => (method === 'GET' ? { items: [owner] } : { ...owner, id: 'new' }));
    fireEvent.change(email, { target: { value: '' } });
    expect(email.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(email, { target: { value: 'aigerim@museum.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить пользователя' }));
    await waitFor(() => expect(email.value).toBe(''));
    expect(api).toHaveBeenCalledWith('POST', '/api/admin/users', { email: 'aigerim@museum.test', displayName: 'Әйгерім Қасымова, куратор', password: 'ұзын құпия сөз 2026', isAdmin: true });
    expect([name.value, password.value]).toEqual(['', '']);
  });

  it('words any other failure by its status in the UI language, never in the server’s English', async () => {
    await i18n.changeLanguage('ru');
    api.mockImplementation(async (method: string) => {
      if (method === 'GET') return { items: [owner] };
      throw new ApiRequestError(503, { statusCode: 503, error: 'Service Unavailable', message: 'A backing service is unavailable; try again shortly' });
    });
    render(withQueries(<UsersAdmin countries={[]} />));
    await screen.findByRole('form', { name: 'Добавить пользователя' });
    fireEvent.change(screen.getByLabelText('Электронная почта'), { target: { value: 'new@museum.test' } });
    fireEvent.change(screen.getByLabelText('Имя'), { target: { value: 'Новый' } });
    fireEvent.change(screen.getByLabelText('Начальный пароль'), { target: { value: 'достаточно длинный' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить пользователя' }));
    const status = screen.getAllByRole('status')[0];
    await waitFor(() => expect(status.textContent).toContain(i18n.t('errors.request.unavailable')));
    expect(status.textContent).not.toContain('backing service');
    expect((screen.getByLabelText('Электронная почта') as HTMLInputElement).value).toBe('new@museum.test');
  });
});
