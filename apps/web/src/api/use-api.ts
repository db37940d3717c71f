import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keyOf } from './query-client';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` through the query cache (again whenever it changes, or on `reload`). */
export function useApi<T>(path: string | null): Loaded<T> {
  const query = useQuery({
    queryKey: keyOf(path ?? ''),
    queryFn: ({ signal }) => api<T>('GET', path!, undefined, { signal }),
    enabled: path !== null,
  });
  return { data: query.data, error: query.error ?? undefined, loading: query.isPending && path !== null, reload: () => void query.refetch() };
}
