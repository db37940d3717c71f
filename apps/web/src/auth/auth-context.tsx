import type { LoginRequest, MeResponse } from '@vitrina/contracts';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiRequestError, api } from '../api/client';

interface AuthState {
  me: MeResponse | null;
  loading: boolean;
  login(input: LoginRequest): Promise<MeResponse>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api<MeResponse>('GET', '/api/auth/me')
      .then(setMe)
      .catch((error: unknown) => {
        if (!(error instanceof ApiRequestError && error.status === 401)) console.error(error);
        setMe(null);
      })
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (input: LoginRequest) => {
    const signedIn = await api<MeResponse>('POST', '/api/auth/login', input);
    setMe(signedIn);
    return signedIn;
  }, []);

  const logout = useCallback(async () => {
    await api<void>('POST', '/api/auth/logout');
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, loading, login, logout }), [me, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
