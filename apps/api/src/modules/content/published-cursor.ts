import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import type { PublishedOrderKey } from './live-records';

/**
 * Where a page of live records, newest approved first, starts: after the
 * last record the page before read, `published_at` in UTC to the microsecond
 * (`2026-12-05T19:22:38.123456Z`, so no row is skipped or read twice) and id.
 * Opaque to clients: base64url of that pair. Used by the partners' lists and
 * the IIIF collections, which walk the `(country_id, published_at DESC, id)`
 * index of each record table.
 */
const keySchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

export function encodePublishedCursor(key: PublishedOrderKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

/** The key a cursor holds; anything else (cut, edited, made up) is a 400 naming `parameter`, never a 500. */
export function decodePublishedCursor(cursor: string, parameter: string): PublishedOrderKey {
  const refused = () => new BadRequestException(`${parameter}: not a cursor this API gave; start again without it, or pass the one the previous page gave as given`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const key = keySchema.safeParse(parsed);
  // A well-formed time that is no time (month 13, 30 February) would fail in PostgreSQL: refused here.
  if (!key.success || !isRealTime(key.data[0])) throw refused();
  const [at, id] = key.data;
  // Encoding it again must give it back: a cursor with stray bits or padding is not one this API gave.
  if (encodePublishedCursor({ at, id }) !== cursor) throw refused();
  return { at, id };
}

function isRealTime(at: string): boolean {
  const time = new Date(at);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19) === at.slice(0, 19);
}

/** `published_at` as a cursor holds it, written by PostgreSQL. */
export const PUBLISHED_AT_SQL = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
