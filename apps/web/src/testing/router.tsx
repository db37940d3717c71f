import type { MeResponse } from '@vitrina/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AuthProvider } from '../auth/auth-context';
import { withQueries } from './query';

/** A curator as `GET /api/auth/me` answers for one (tests mock the API with it). */
export const TEST_CURATOR: MeResponse = {
  user: { id: '0b5e2a52-9d0b-4c38-8f4e-5c2d1e0a9b11', email: 'curator.kz@vitrina.test', displayName: 'Curator', isAdmin: false },
  memberships: [],
  csrfToken: 'test',
};

/**
 * `ui` at `path` in a data router (what `useBlocker` needs), signed in (the
 * API mock must answer `/api/auth/me`), with a fresh cache unless given one.
 * Returns the router, to navigate and to read where it went.
 */
export function inDataRouter(ui: ReactNode, path: string, client?: QueryClient) {
  const router = createMemoryRouter(
    [
      { path: '*', element: <AuthProvider>{ui}</AuthProvider> },
    ],
    { initialEntries: [path] },
  );
  return { router, element: withQueries(<RouterProvider router={router} />, client) };
}
