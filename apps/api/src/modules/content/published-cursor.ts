import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { decodeOpaque, encodeOpaque, isRealTime } from '../../infra/http/opaque-token';
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

const pair = (key: PublishedOrderKey) => [key.at, key.id];

export function encodePublishedCursor(key: PublishedOrderKey): string {
  return encodeOpaque(pair(key));
}

/** The key a cursor holds; anything else (cut, edited, made up, a time that is no time) is a 400 naming `parameter`, never a 500. */
export function decodePublishedCursor(cursor: string, parameter: string): PublishedOrderKey {
  const decoded = decodeOpaque(cursor, keySchema, ([at, id]) => encodePublishedCursor({ at, id }));
  if (!decoded || !isRealTime(decoded[0])) {
    throw new BadRequestException(`${parameter}: not a cursor this API gave; start again without it, or pass the one the previous page gave as given`);
  }
  return { at: decoded[0], id: decoded[1] };
}

/** `published_at` as a cursor holds it, written by PostgreSQL. */
export const PUBLISHED_AT_SQL = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
