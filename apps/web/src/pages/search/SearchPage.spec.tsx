import type { SearchHit, SearchResults } from '@vitrina/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { withQueries } from '../../testing/query';
import SearchPage from './SearchPage';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

const text = (value: string) => ({ text: value, lang: 'en' as const, status: 'original' as const, fallback: false });
const MEMORIAL: SearchHit = {
  type: 'memorial',
  id: '101',
  country: 'kazakhstan',
  slug: 'glory-memorial',
  title: text('Glory Memorial'),
  person: null,
  kind: 'memorial-complex',
  condition: 'fair',
  location: null,
  year: 1975,
  snippet: null,
  image: null,
};
const NO_FACETS = { country: [], type: [], kind: [], decade: [], condition: [], hasMedia: [] };

/** What the API answers: one memorial, conditions counted as given, `approximate` as the tests need. */
function results(overrides: Partial<SearchResults> = {}): SearchResults {
  return {
    items: [MEMORIAL],
    total: 1,
    estimated: false,
    approximate: false,
    facets: { ...NO_FACETS, type: [{ value: 'memorial', count: 1 }], condition: [{ value: 'fair', count: 1 }] },
    estimatedFacets: [],
    next: null,
    ...overrides,
  };
}

/** The search paths asked for, as their parameters (the API client is the one thing replaced). */
const searchesAsked = () =>
  api.mock.calls.map(([, path]) => String(path)).filter((path) => path.startsWith('/api/public/search?')).map((path) => Object.fromEntries(new URL(path, 'http://x').searchParams));

function answer(found: SearchResults) {
  api.mockImplementation(async (_method: string, path: string) => {
    if (path === '/api/public/countries') return { items: [{ id: '1', slug: 'kazakhstan', names: { en: 'Kazakhstan', ru: 'Казахстан' }, languages: ['ru', 'en'], defaultLanguage: 'ru' }] };
    if (path.startsWith('/api/public/search?')) return found;
    throw new Error(`unexpected ${path}`);
  });
}

function renderAt(address: string) {
  const router = createMemoryRouter([{ path: '/search', element: <SearchPage /> }], { initialEntries: [address] });
  render(withQueries(<RouterProvider router={router} />));
  const location = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { location };
}

/** The page's own search box (the site header has another, outside this page). */
const pageSearchBox = () => screen.getByRole('search', { name: /Search again|Новый поиск/ });

describe('SearchPage', () => {
  beforeEach(() => i18n.changeLanguage('en'));
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('browses the whole collection when nothing is asked: every facet, the newest first, no note on ranking', async () => {
    answer(results({ approximate: true, total: 4000, estimated: true }));
    renderAt('/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'Browse the collection' })).toBeTruthy();
    await screen.findByRole('link', { name: 'Glory Memorial' });
    expect(searchesAsked()).toEqual([{ lang: 'en' }]);
    expect(document.title).toBe('Browse the collection — Vitrina');
    const sort = screen.getByRole('combobox', { name: 'Sort' }) as HTMLSelectElement;
    expect(within(sort).getByRole('option', { selected: true }).textContent).toBe('Newest first');
    expect(screen.getByRole('checkbox', { name: /fair/ })).toBeTruthy();
    // Newest first is exact however many records there are: the note about ranked windows is for words.
    expect(screen.queryByText(/So many things match/)).toBeNull();
  });

  it('browses what the filters let through when there are no words, blanks included', async () => {
    answer(results());
    renderAt('/search?q=%20%20&country=kazakhstan&type=memorial');
    expect(await screen.findByRole('heading', { level: 1, name: 'Browse the collection' })).toBeTruthy();
    await waitFor(() => expect(searchesAsked()).toEqual([{ country: 'kazakhstan', type: 'memorial', lang: 'en' }]));
  });

  it('names the words searched for, in English and Russian, and orders by relevance', async () => {
    answer(results({ approximate: true }));
    renderAt('/search?q=glory');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “glory”' })).toBeTruthy();
    expect(document.title).toBe('Results for “glory” — Vitrina');
    expect(within(await screen.findByRole('combobox', { name: 'Sort' })).getByRole('option', { selected: true }).textContent).toBe('Most relevant first');
    expect(screen.getByText(/So many things match/)).toBeTruthy();
    await i18n.changeLanguage('ru');
    expect(await screen.findByRole('heading', { level: 1, name: 'Результаты по запросу «glory»' })).toBeTruthy();
  });

  it('says "newest first" in Russian when browsing', async () => {
    await i18n.changeLanguage('ru');
    answer(results());
    renderAt('/search?type=memorial');
    expect(await screen.findByRole('heading', { level: 1, name: 'Обзор коллекции' })).toBeTruthy();
    expect(within(await screen.findByRole('combobox', { name: 'Порядок' })).getByRole('option', { selected: true }).textContent).toBe('Сначала новые поступления');
  });

  it('keeps the filters and the order when words are typed, and browses with them when the box is cleared', async () => {
    answer(results());
    const { location } = renderAt('/search?country=kazakhstan&type=memorial&condition=fair&sort=date');
    await screen.findByRole('link', { name: 'Glory Memorial' });
    const box = within(pageSearchBox()).getByRole('combobox');
    fireEvent.change(box, { target: { value: 'glory' } });
    fireEvent.submit(pageSearchBox());
    await waitFor(() => expect(location()).toBe('/search?country=kazakhstan&type=memorial&condition=fair&sort=date&q=glory'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “glory”' })).toBeTruthy();

    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.submit(pageSearchBox());
    await waitFor(() => expect(location()).toBe('/search?country=kazakhstan&type=memorial&condition=fair&sort=date'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Browse the collection' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /fair/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    // Back to the first browse: the answer already read serves it.
    const browse = { country: 'kazakhstan', type: 'memorial', condition: 'fair', sort: 'date', lang: 'en' };
    expect(searchesAsked()).toEqual([browse, { ...browse, q: 'glory' }]);
  });

  it('lets one of with or without media be chosen at a time: ticking one unticks the other', async () => {
    answer(results({ facets: { ...NO_FACETS, hasMedia: [{ value: 'true', count: 5 }, { value: 'false', count: 3 }] } }));
    const { location } = renderAt('/search?q=glory&hasMedia=true');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'without media (3)' }));
    await waitFor(() => expect(location()).toBe('/search?q=glory&hasMedia=false'));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'without media (3)' }));
    await waitFor(() => expect(location()).toBe('/search?q=glory'));
  });

  it('keeps a chosen filter that nothing matches any more on the list, at 0, so it can be unticked', async () => {
    answer(results({ items: [], total: 0, facets: { ...NO_FACETS, condition: [{ value: 'good', count: 3 }] } }));
    const { location } = renderAt('/search?q=glory&condition=lost');
    const lost = (await screen.findByRole('checkbox', { name: 'lost (0)' })) as HTMLInputElement;
    expect(lost.checked).toBe(true);
    fireEvent.click(lost);
    await waitFor(() => expect(location()).toBe('/search?q=glory'));
  });
});
