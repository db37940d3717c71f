import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Country } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { TEST_CURATOR, inDataRouter } from '../../testing/router';
import { ItemEditor } from './ItemEditor';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const country: Country = { id: '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f60', slug: 'kazakhstan', names: { ru: 'Казахстан' }, defaultLanguage: 'ru', languages: ['ru'] };

afterEach(() => {
  cleanup();
  api.mockReset();
  localStorage.clear();
});

async function editNewItem(slug: string) {
  api.mockImplementation(async (method: string, path: string) => (method === 'GET' && path === '/api/auth/me' ? TEST_CURATOR : undefined));
  render(inDataRouter(<ItemEditor country={country} />, `/studio/${country.id}/items/new`).element);
  fireEvent.change((await screen.findAllByRole('textbox'))[0], { target: { value: slug } });
  fireEvent.submit(screen.getByRole('button', { name: i18n.t('studio.save') }));
}

const sent = () => api.mock.calls.filter(([method]) => method !== 'GET');

describe('the item editor', () => {
  it('refuses an item the API would refuse, before sending it, in the UI language', async () => {
    await i18n.changeLanguage('en');
    await editNewItem('x');
    expect(await screen.findByText('Invalid input: slug: At least 2 characters. title: Fill this in.')).toBeTruthy();
    expect(screen.getByText('Not saved: some fields need fixing (listed below)').getAttribute('role')).toBe('status');
    cleanup();
    await i18n.changeLanguage('ru');
    await editNewItem('x');
    expect(await screen.findByText('Недопустимые данные: slug: Не короче 2 символов. title: Заполните это поле.')).toBeTruthy();
    expect(screen.getByText('Не сохранено: некоторые поля нужно исправить (список ниже)').getAttribute('role')).toBe('status');
    expect(sent()).toEqual([]);
  });
});
