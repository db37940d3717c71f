import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { NotificationList } from '@vitrina/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/i18n';
import { testQueryClient, withQueries } from '../testing/query';
import { ApiRequestError } from './client';
import { useAsset, useSaveAssetTexts } from './media';
import { useMarkAllRead, useNotifications, useUnreadCount } from './notifications';
import { useCountries } from './public';
import { keyOf, shouldRetry } from './query-client';

const api = vi.fn();
vi.mock('./client', async (importOriginal) => ({ ...(await importOriginal<object>()), api: (...args: unknown[]) => api(...args) }));

afterEach(() => {
  cleanup();
  api.mockReset();
});

const note = (id: string, read: boolean) =>
  ({ id, kind: 'approved', countryId: 'c', type: 'item', collection: 'items', recordId: 'r', title: id, comment: null, actorName: null, createdAt: '2026-12-01T00:00:00Z', read }) as const;

describe('the query keys', () => {
  it('are the path’s segments, then its parameters: a collection’s key prefixes its lists and records', () => {
    expect(keyOf('/api/public/countries')).toEqual(['public', 'countries']);
    expect(keyOf('/api/studio/countries/c1/items?limit=20&lang=ru')).toEqual(['studio', 'countries', 'c1', 'items', { limit: '20', lang: 'ru' }]);
    expect(keyOf('/api/public/countries/k/items/%D1%84?lang=en')).toEqual(['public', 'countries', 'k', 'items', 'ф', { lang: 'en' }]);
  });
});

describe('the retry policy', () => {
  it('tries a read again after a network failure or a 5xx, never after a 4xx, and at most twice', () => {
    expect(shouldRetry(0, new ApiRequestError(0, undefined))).toBe(true);
    expect(shouldRetry(1, new ApiRequestError(503, undefined))).toBe(true);
    expect(shouldRetry(2, new ApiRequestError(500, undefined))).toBe(false);
    for (const status of [400, 401, 403, 404, 409]) expect(shouldRetry(0, new ApiRequestError(status, undefined))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });
});

describe('useCountries', () => {
  it('asks once for the country list however many parts of the page need it', async () => {
    api.mockResolvedValue({ items: [{ id: '1', slug: 'kazakhstan', names: { en: 'Kazakhstan' }, languages: ['ru'], defaultLanguage: 'ru' }] });
    function Names() {
      const { data } = useCountries();
      return <p>{data?.items.map((c) => c.slug).join(',')}</p>;
    }
    const client = testQueryClient();
    render(withQueries(<><Names /><Names /><Names /></>, client));
    await waitFor(() => expect(screen.getAllByText('kazakhstan')).toHaveLength(3));
    expect(api).toHaveBeenCalledTimes(1);
    expect(api).toHaveBeenCalledWith('GET', '/api/public/countries', undefined, { signal: expect.any(AbortSignal) });
  });

  it('cancels the request when nobody needs it any more', async () => {
    let signal: AbortSignal | undefined;
    api.mockImplementation((_method: string, _path: string, _body: unknown, options: { signal: AbortSignal }) => {
      signal = options.signal;
      return new Promise(() => undefined);
    });
    const { unmount } = renderHook(() => useCountries(), { wrapper: ({ children }) => withQueries(children) });
    await waitFor(() => expect(signal).toBeDefined());
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });
});

describe('mark all read', () => {
  it('empties the badge at once, and reads the list again', async () => {
    let list: NotificationList = { items: [note('a', false), note('b', false)], unread: 2 };
    // The list read after marking waits until released: the badge must be empty before it comes back.
    let releaseReread!: () => void;
    const reread = new Promise<void>((resolve) => (releaseReread = resolve));
    api.mockImplementation(async (method: string, path: string) => {
      if (method === 'GET' && path === '/api/notifications') {
        if (list.unread === 0) await reread;
        return list;
      }
      if (method === 'POST' && path === '/api/notifications/read') {
        list = { items: list.items.map((n) => ({ ...n, read: true })), unread: 0 };
        return undefined;
      }
      throw new Error(`unexpected ${method} ${path}`);
    });
    const client = testQueryClient();
    const { result } = renderHook(() => ({ badge: useUnreadCount(), list: useNotifications(), markAllRead: useMarkAllRead() }), {
      wrapper: ({ children }) => withQueries(children, client),
    });
    await waitFor(() => expect(result.current.badge.data).toBe(2));
    let marking: Promise<unknown> = Promise.resolve();
    act(() => {
      marking = result.current.markAllRead.mutateAsync();
    });
    await waitFor(() => expect(result.current.badge.data).toBe(0));
    releaseReread();
    await act(() => marking);
    await waitFor(() => expect(result.current.list.data?.items.every((n) => n.read)).toBe(true));
    expect(api.mock.calls.filter(([method]) => method === 'GET')).toHaveLength(2);
  });
});

describe('a studio file', () => {
  const file = (status: string, caption = {}) => ({ id: 'f1', status, kind: 'image', caption });

  it('is asked for again while it is processing, and no more once it is ready', async () => {
    const answers = [file('processing'), file('processing'), file('ready')];
    api.mockImplementation(async () => answers.shift() ?? file('ready'));
    const client = testQueryClient();
    const { result } = renderHook(() => useAsset('c1', 'f1'), { wrapper: ({ children }) => withQueries(children, client) });
    await waitFor(() => expect(result.current.data?.status).toBe('ready'), { timeout: 4_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(api).toHaveBeenCalledTimes(3);
    expect(api).toHaveBeenCalledWith('GET', '/api/studio/countries/c1/media/f1', undefined, { signal: expect.any(AbortSignal) });
  });

  it('takes the saved texts from the answer, without reading the file again', async () => {
    const saved = file('ready', { en: { text: 'Flask', status: 'original' } });
    api.mockImplementation(async (method: string) => (method === 'PATCH' ? saved : file('ready')));
    const client = testQueryClient();
    const { result } = renderHook(() => ({ file: useAsset('c1', 'f1'), save: useSaveAssetTexts('c1', 'f1') }), {
      wrapper: ({ children }) => withQueries(children, client),
    });
    await waitFor(() => expect(result.current.file.data).toBeDefined());
    await act(() => result.current.save.mutateAsync({ caption: saved.caption }));
    await waitFor(() => expect(result.current.file.data).toEqual(saved));
    expect(api.mock.calls.map(([method]) => method)).toEqual(['GET', 'PATCH']);
  });
});
