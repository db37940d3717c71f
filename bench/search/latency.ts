/**
 * Timing HTTP requests and summarising them, for search.ts and
 * combinations.ts: one sequential request at a time, the body read whole.
 */
import type { Api } from '../media/support';
import { type AdminSession, seconds } from './common';

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};
export const p50 = (values: number[]): number => percentile(values, 50);
export const p95 = (values: number[]): number => percentile(values, 95);

export async function timedGet(api: Api, path: string, session?: AdminSession): Promise<{ ms: number; status: number; body: string }> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${api.url}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  const body = await response.text();
  return { ms: seconds(started) * 1000, status: response.status, body };
}

/** `min–max (med m)` of a case's totals, or a dash. */
export function rangeOf(values: number[] | undefined): string {
  if (!values?.length) return '—';
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted[sorted.length - 1]} (med ${p50(sorted)})`;
}
