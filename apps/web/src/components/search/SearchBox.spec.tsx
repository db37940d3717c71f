import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { withQueries } from '../../testing/query';
import { SearchBox } from './SearchBox';

const api = vi.fn();
vi.mock('../../api/client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

/** The site header's box on some page, and where submitting it leads. */
function renderBox(from: string, keep?: URLSearchParams) {
  const router = createMemoryRouter([{ path: '*', element: <SearchBox keep={keep} /> }], { initialEntries: [from] });
  render(withQueries(<RouterProvider router={router} />));
  return { box: screen.getByRole('combobox', { name: 'Search the museums' }), location: () => `${router.state.location.pathname}${router.state.location.search}` };
}

describe('SearchBox', () => {
  beforeEach(() => i18n.changeLanguage('en'));
  afterEach(() => {
    cleanup();
    api.mockReset();
  });

  it('searches for the words typed, trimmed', async () => {
    api.mockResolvedValue([]);
    const { box, location } = renderBox('/kazakhstan');
    fireEvent.change(box, { target: { value: '  field flask ' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(location()).toBe('/search?q=field+flask'));
  });

  it('browses the whole collection when submitted with nothing typed', async () => {
    const { location } = renderBox('/kazakhstan');
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(location()).toBe('/search'));
    expect(api).not.toHaveBeenCalled();
  });

  it('keeps what it is given to keep, with or without words', async () => {
    api.mockResolvedValue([]);
    const keep = new URLSearchParams({ country: 'armenia', hasMedia: 'true' });
    const { box, location } = renderBox('/search?country=armenia&hasMedia=true&q=old', keep);
    fireEvent.change(box, { target: { value: 'Ереван' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(location()).toBe(`/search?country=armenia&hasMedia=true&q=${encodeURIComponent('Ереван')}`));
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(location()).toBe('/search?country=armenia&hasMedia=true'));
  });
});
