import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../api/query-client';

/** A fresh cache per test, with the app's defaults but no retries (a failure in a test is final). */
export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false, gcTime: Infinity } });
  return client;
}

/** Wraps `ui` in a QueryClientProvider for `client` (a fresh one unless given). */
export function withQueries(ui: ReactNode, client: QueryClient = testQueryClient()) {
  return <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
}
