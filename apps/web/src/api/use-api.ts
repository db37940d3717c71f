import { useCallback, useEffect, useState } from 'react';
import { api } from './client';
import { takePrefetched } from './prefetch';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (again whenever it changes, or on `reload`). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    // The first read of a path may already be on its way (see prefetch); a reload always asks again.
    const request = (generation === 0 ? takePrefetched<T>(path) : undefined) ?? api<T>('GET', path);
    request
      .then((result) => current && (setData(result), setError(undefined)))
      .catch((caught: Error) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
