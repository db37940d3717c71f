import { cleanup, render } from '@testing-library/react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Redirect } from './Redirect';

/** A click on another link that lands after the page rendered and before React ran its effects. */
function ClickElsewhereBeforeEffects({ to }: { to: string }) {
  if (window.location.pathname !== to) window.history.pushState({}, '', to);
  return null;
}

function renderAt(path: string, interloper?: string) {
  window.history.replaceState({}, '', path);
  const length = window.history.length;
  render(
    <BrowserRouter>
      <Routes>
        <Route
          path="/studio"
          element={
            <>
              {interloper && <ClickElsewhereBeforeEffects to={interloper} />}
              <Redirect to="/studio/kz/items" />
            </>
          }
        />
        <Route path="*" element={null} />
      </Routes>
    </BrowserRouter>,
  );
  return { addedEntries: () => window.history.length - length };
}

describe('Redirect', () => {
  afterEach(cleanup);

  it('replaces the entry it rendered on', () => {
    const history = renderAt('/studio');
    expect(window.location.pathname).toBe('/studio/kz/items');
    expect(history.addedEntries()).toBe(0);
  });

  it('gives way to a link clicked while the page was rendering', () => {
    renderAt('/studio', '/review');
    expect(window.location.pathname).toBe('/review');
  });

  it('keeps the query when it judges where the browser is', () => {
    renderAt('/studio?tab=1');
    expect(window.location.pathname).toBe('/studio/kz/items');
  });
});
