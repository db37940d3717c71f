import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type LoginRequest, type MeResponse, apiRoutes } from '@vitrina/contracts';
import { type ReactNode, createContext, useCallback, useContext, useMemo } from 'react';
import { ApiRequestError } from '../api/client';
import { fetchEndpoint, sendTo } from '../api/endpoints';
import { keyOf } from '../api/query-client';
import { dropDraftsOf, reopenDrafts } from './drafts-on-this-device';

interface AuthState {
  me: MeResponse | null;
  loading: boolean;
  login(input: LoginRequest): Promise<MeResponse>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

const ME_KEY = keyOf(apiRoutes.auth.me().path);

/** Who is signed in: null for a visitor (the API answers 401). */
async function whoAmI(signal: AbortSignal): Promise<MeResponse | null> {
  try {
    return await fetchEndpoint(apiRoutes.auth.me(), signal);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => whoAmI(signal), staleTime: Infinity });
  if (query.error) console.error(query.error);
  // A failure to learn who is signed in shows the site as to a visitor, as before.
  const me = query.data ?? null;
  const loading = query.isPending;

  const login = useCallback(
    async (input: LoginRequest) => {
      const signedIn = await sendTo('POST', apiRoutes.auth.login(), input);
      reopenDrafts(signedIn.user.id);
      client.setQueryData(ME_KEY, signedIn);
      return signedIn;
    },
    [client],
  );

  const logout = useCallback(async () => {
    const signedOut = client.getQueryData<MeResponse | null>(ME_KEY)?.user.id;
    await sendTo('POST', apiRoutes.auth.logout());
    // A shared computer (a library's, a school's): the unsaved drafts this person kept here go with them,
    // and an editor still open keeps no more. A session found expired keeps them instead: the person
    // signs in again to get their words back.
    if (signedOut) dropDraftsOf(signedOut);
    // Nothing read as this person stays behind: only the visitor's public data is kept.
    client.removeQueries({ predicate: (cached) => cached.queryKey[0] !== 'public' && cached.queryKey[0] !== 'auth' });
    client.setQueryData(ME_KEY, null);
  }, [client]);

  const value = useMemo(() => ({ me, loading, login, logout }), [me, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
