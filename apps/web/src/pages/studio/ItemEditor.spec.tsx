import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Country } from '@vitrina/contracts';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { withQueries } from '../../testing/query';
import { ItemEditor } from './ItemEditor';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const country: Country = { id: '6f1c1f8e-3a53-4d6e-9a47-1c2b3d4e5f60', slug: 'kazakhstan', names: { ru: 'Казахстан' }, defaultLanguage: 'ru', languages: ['ru'] };

afterEach(() => {
  cleanup();
  api.mockReset();
});

function editNewItem(slug: string) {
  render(withQueries(<MemoryRouter>{<ItemEditor country={country} />}</MemoryRouter>));
  fireEvent.change(screen.getAllByRole('textbox')[0], { target: { value: slug } });
  fireEvent.submit(screen.getByRole('button', { name: i18n.t('studio.save') }));
}

describe('the item editor', () => {
  it('refuses an item the API would refuse, before sending it, in the UI language', async () => {
    await i18n.changeLanguage('en');
    editNewItem('x');
    expect(await screen.findByText('Something went wrong: Invalid input: slug: At least 2 characters. title: Fill this in.')).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('ru');
    editNewItem('x');
    expect(await screen.findByText('Что-то пошло не так: Недопустимые данные: slug: Не короче 2 символов. title: Заполните это поле.')).toBeTruthy();
    expect(api).not.toHaveBeenCalled();
  });
});
