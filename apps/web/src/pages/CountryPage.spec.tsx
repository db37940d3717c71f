import type { PublicCountryHome } from '@vitrina/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { withQueries } from '../testing/query';
import CountryPage from './CountryPage';

const api = vi.fn();
vi.mock('../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const text = (value: string) => ({ text: value, lang: 'en' as const, status: 'original' as const, fallback: false });
const HOME: PublicCountryHome = {
  country: { slug: 'kazakhstan', name: text('Kazakhstan'), defaultLanguage: 'ru', languages: ['ru', 'en'], intro: null },
  exhibitions: [],
  recentItems: [{ id: '1', slug: 'field-flask', kind: 'artefact', title: text('Field flask'), date: null, place: null, image: null }],
  memorials: [{ type: 'memorial', id: '2', slug: 'glory-memorial', title: text('Glory Memorial'), location: { lat: 43.2, lng: 76.9 }, kind: 'memorial-complex', condition: 'good' }],
};

function renderHome(home: PublicCountryHome) {
  api.mockImplementation(async (_method: string, path: string) => {
    if (path.startsWith('/api/public/countries/kazakhstan')) return home;
    // The map's tile settings never come: the page's links are what is looked at, not Leaflet in jsdom.
    return new Promise(() => undefined);
  });
  const router = createMemoryRouter([{ path: '/:countrySlug', element: <CountryPage /> }], { initialEntries: ['/kazakhstan'] });
  render(withQueries(<RouterProvider router={router} />));
}

describe('CountryPage', () => {
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('links to browsing every memorial and every item of the museum, in English and Russian', async () => {
    await i18n.changeLanguage('en');
    renderHome(HOME);
    const memorials = await screen.findByRole('link', { name: 'Browse all memorials of Kazakhstan' });
    expect(memorials.getAttribute('href')).toBe('/search?country=kazakhstan&type=memorial');
    expect(screen.getByRole('link', { name: 'Browse all items' }).getAttribute('href')).toBe('/search?country=kazakhstan&type=item');
    cleanup();
    await i18n.changeLanguage('ru');
    renderHome(HOME);
    expect((await screen.findByRole('link', { name: 'Все мемориалы музея: Kazakhstan' })).getAttribute('href')).toBe('/search?country=kazakhstan&type=memorial');
    expect(screen.getByRole('link', { name: 'Все предметы музея' }).getAttribute('href')).toBe('/search?country=kazakhstan&type=item');
  });

  it('offers no browse of memorials or items the museum has none of', async () => {
    await i18n.changeLanguage('en');
    renderHome({ ...HOME, recentItems: [], memorials: [] });
    await screen.findByText('No memorials registered yet.');
    expect(screen.queryByRole('link', { name: /Browse all/ })).toBeNull();
  });
});
