import type { PublicCountryHome, PublicMemorialPoints } from '@vitrina/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../api/client';
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
};
const POINTS: PublicMemorialPoints = {
  items: [{ type: 'memorial', id: '2', slug: 'glory-memorial', title: text('Glory Memorial'), location: { lat: 43.2, lng: 76.9 }, kind: 'memorial-complex', condition: 'good' }],
};

/** Answers the page and, as `points` says, its map's points (a promise the test settles when it likes). */
function renderHome(home: PublicCountryHome, points: () => Promise<PublicMemorialPoints>) {
  api.mockImplementation(async (_method: string, path: string) => {
    if (path.startsWith('/api/public/countries/kazakhstan/home?')) return home;
    if (path.startsWith('/api/public/countries/kazakhstan/memorial-points?')) return points();
    // The map's tile settings never come: the page's links are what is looked at, not Leaflet in jsdom.
    return new Promise(() => undefined);
  });
  const router = createMemoryRouter([{ path: '/:countrySlug', element: <CountryPage /> }], { initialEntries: ['/kazakhstan'] });
  render(withQueries(<RouterProvider router={router} />));
}

const askedFor = (part: string) => api.mock.calls.filter(([, path]) => String(path).includes(part)).map(([, path]) => path);

describe('CountryPage', () => {
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('links to browsing every memorial and every item of the museum, in English and Russian', async () => {
    await i18n.changeLanguage('en');
    renderHome(HOME, async () => POINTS);
    const memorials = await screen.findByRole('link', { name: 'Browse all memorials of Kazakhstan' });
    expect(memorials.getAttribute('href')).toBe('/search?country=kazakhstan&type=memorial');
    expect(screen.getByRole('link', { name: 'Browse all items' }).getAttribute('href')).toBe('/search?country=kazakhstan&type=item');
    cleanup();
    await i18n.changeLanguage('ru');
    renderHome(HOME, async () => POINTS);
    expect((await screen.findByRole('link', { name: 'Все мемориалы музея: Kazakhstan' })).getAttribute('href')).toBe('/search?country=kazakhstan&type=memorial');
    expect(screen.getByRole('link', { name: 'Все предметы музея' }).getAttribute('href')).toBe('/search?country=kazakhstan&type=item');
  });

  it('shows the page at once and the map once its points, asked for apart, have come', async () => {
    await i18n.changeLanguage('en');
    let arrive: (points: PublicMemorialPoints) => void = () => undefined;
    renderHome(HOME, () => new Promise((resolve) => (arrive = resolve)));
    expect(await screen.findByRole('link', { name: 'Field flask' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'War memorials' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the map of memorials…');
    // Not yet known: neither "none" nor a browse link is said while the points load.
    expect(screen.queryByText('No memorials registered yet.')).toBeNull();
    expect(screen.queryByRole('link', { name: /Browse all memorials/ })).toBeNull();
    expect(askedFor('/home')).toEqual(['/api/public/countries/kazakhstan/home?lang=en']);
    expect(askedFor('/memorial-points')).toEqual(['/api/public/countries/kazakhstan/memorial-points?lang=en']);

    arrive(POINTS);
    expect((await screen.findByRole('link', { name: 'Glory Memorial' })).getAttribute('href')).toBe('/kazakhstan/memorials/glory-memorial');
    expect(screen.getByRole('list', { name: 'Map of the war memorials of Kazakhstan' })).toBeTruthy();
    expect(screen.queryByText('Loading the map of memorials…')).toBeNull();
    expect(screen.getByRole('link', { name: 'Browse all memorials of Kazakhstan' })).toBeTruthy();
  });

  it('says the museum has no memorials only once its points have come, empty, and offers no browse of what it has none of', async () => {
    await i18n.changeLanguage('en');
    let arrive: (points: PublicMemorialPoints) => void = () => undefined;
    renderHome({ ...HOME, recentItems: [] }, () => new Promise((resolve) => (arrive = resolve)));
    await screen.findByText('Loading the map of memorials…');
    expect(screen.queryByText('No memorials registered yet.')).toBeNull();
    arrive({ items: [] });
    await screen.findByText('No memorials registered yet.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('link', { name: /Browse all/ })).toBeNull();
  });

  it('offers to try again when the points cannot be loaded, and shows them when they then come', async () => {
    await i18n.changeLanguage('en');
    let failing = true;
    renderHome(HOME, async () => {
      if (failing) throw new ApiRequestError(404, undefined);
      return POINTS;
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The map of memorials could not be loaded.');
    // The rest of the page stands.
    expect(screen.getByRole('link', { name: 'Field flask' })).toBeTruthy();
    expect(screen.queryByText('No memorials registered yet.')).toBeNull();
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('link', { name: 'Glory Memorial' })).getAttribute('href')).toBe('/kazakhstan/memorials/glory-memorial');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
