import type { z } from 'zod';

/** A value as a token clients hold and send back unread: base64url of its JSON. */
export function encodeOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * The value a token holds, or null when it is not one this API gave: not
 * base64url of JSON, not of the schema's shape, or not what encoding that
 * value gives back (stray bits, padding, edits). Callers refuse null with
 * their own 4xx, never a 500.
 */
export function decodeOpaque<T>(token: string, schema: z.ZodType<T>, encode: (value: T) => string): T | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = schema.safeParse(parsed);
  return result.success && encode(result.data) === token ? result.data : null;
}

/** An ISO time PostgreSQL will read: no 30 February nor 25 o'clock, which would fail in the query instead of at the door. */
export function isRealTime(iso: string): boolean {
  const time = new Date(iso);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19) === iso.slice(0, 19);
}
