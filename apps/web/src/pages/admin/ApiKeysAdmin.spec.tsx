import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ApiKey } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import i18n from '../../i18n/i18n';
import { ApiRequestError } from '../../api/client';
import { withQueries } from '../../testing/query';
import { ApiKeysAdmin } from './ApiKeysAdmin';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const portal: ApiKey = {
  id: '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f61',
  name: 'National Portal',
  contact: 'data@portal.test',
  prefix: 'vtr_AbCd1234',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  revokedAt: null,
};

describe('ApiKeysAdmin', () => {
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('sends a new key’s name without an empty contact, shows the key once with its warning, and reads the list again', async () => {
    await i18n.changeLanguage('en');
    api.mockImplementation(async (method: string) => (method === 'GET' ? { items: [portal] } : { ...portal, id: 'new', name: 'Archive', contact: null, key: 'vtr_secret-key-value' }));
    render(withQueries(<ApiKeysAdmin />));
    expect(await screen.findByText('vtr_AbCd1234…')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Archive' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const field = (await screen.findByLabelText('API key')) as HTMLInputElement;
    expect(field.value).toBe('vtr_secret-key-value');
    expect(screen.getByText(/You will not see it again/)).toBeTruthy();
    expect(api).toHaveBeenCalledWith('POST', '/api/admin/api-keys', { name: 'Archive' });
    await waitFor(() => expect(api.mock.calls.filter(([method]) => method === 'GET')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'I have saved the key, hide it' }));
    expect(screen.queryByLabelText('API key')).toBeNull();
  });

  it('says a refused creation in Russian and keeps what was typed', async () => {
    await i18n.changeLanguage('ru');
    api.mockImplementation(async (method: string) => {
      if (method === 'GET') return { items: [] };
      throw new ApiRequestError(403, { statusCode: 403, error: 'Forbidden', message: 'Forbidden' });
    });
    render(withQueries(<ApiKeysAdmin />));
    expect(await screen.findByText('Ключей пока нет.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Название'), { target: { value: 'Архив' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать ключ' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0].textContent).toMatch(/[А-Яа-я]/));
    expect((screen.getByLabelText('Название') as HTMLInputElement).value).toBe('Архив');
    expect(screen.queryByLabelText('API-ключ')).toBeNull();
  });
});
