import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense, lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../api/client';
import i18n from '../i18n/i18n';
import { ErrorView, failureKind } from './ErrorView';
import { RouteErrorBoundary } from './RouteErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const failure = (status: number) => new ApiRequestError(status, undefined);

describe('ErrorView', () => {
  for (const [language, texts] of [
    ['en', { notFound: 'Page not found', server: 'The museum is having trouble', offline: 'No connection', forbidden: 'Not allowed', retry: 'Try again' }],
    ['ru', { notFound: 'Страница не найдена', server: 'В музее неполадки', offline: 'Нет соединения', forbidden: 'Нет доступа', retry: 'Попробовать снова' }],
  ] as const) {
    it(`tells not found, server error, offline and forbidden apart (${language})`, async () => {
      await i18n.changeLanguage(language);
      for (const [error, heading, retries] of [
        [failure(404), texts.notFound, false],
        [failure(500), texts.server, true],
        [failure(502), texts.server, true],
        [failure(0), texts.offline, true],
        [failure(403), texts.forbidden, false],
        [failure(401), texts.forbidden, false],
      ] as const) {
        const onRetry = vi.fn();
        render(<ErrorView error={error} onRetry={onRetry} />);
        expect(screen.getByRole('heading', { level: 1 }).textContent, `${error.status}`).toBe(heading);
        const button = screen.queryByRole('button', { name: texts.retry });
        expect(Boolean(button), `${error.status} retry`).toBe(retries);
        if (button) {
          fireEvent.click(button);
          expect(onRetry).toHaveBeenCalledOnce();
        }
        cleanup();
      }
    });
  }

  it('calls any failure offline while the browser is, and a bug unexpected', () => {
    expect(failureKind(new Error('boom'))).toBe('unexpected');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(failureKind(new TypeError('Failed to fetch'))).toBe('offline');
    expect(failureKind(failure(404))).toBe('notFound');
  });
});

describe('RouteErrorBoundary', () => {
  it('shows a page whose script failed to load as such, with a reload, inside the frame', async () => {
    await i18n.changeLanguage('en');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Page = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/StudioPage-x.js')));
    render(
      <RouteErrorBoundary resetKey="/studio">
        <Suspense fallback={null}>
          <Page />
        </Suspense>
      </RouteErrorBoundary>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('This page could not be loaded');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });

  it('clears when the address changes', async () => {
    await i18n.changeLanguage('en');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw failure(500);
    };
    const { rerender } = render(
      <RouteErrorBoundary resetKey="/a">
        <Broken />
      </RouteErrorBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The museum is having trouble');
    rerender(
      <RouteErrorBoundary resetKey="/b">
        <p>fine</p>
      </RouteErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });
});
