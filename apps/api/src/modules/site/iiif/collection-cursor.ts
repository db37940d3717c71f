import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** Where a page of a collection starts: after this record, newest approved first. */
export interface PublishedKey {
  /** `published_at` in UTC to the microsecond (`2026-12-05T19:22:38.123456Z`), so no row is skipped or read twice. */
  publishedAt: string;
  id: string;
}

const keySchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

const refused = () => new BadRequestException('after: not a page this API gave; start again from the collection');

/** A page's address segment: base64url of the last key read, opaque to clients. */
export function encodePublishedKey(key: PublishedKey): string {
  return Buffer.from(JSON.stringify([key.publishedAt, key.id])).toString('base64url');
}

/** The key a segment holds; anything else (cut, edited, made up) is a 400, never a 500. */
export function decodePublishedKey(segment: string): PublishedKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const key = keySchema.safeParse(parsed);
  if (!key.success || !isRealTime(key.data[0])) throw refused();
  const [publishedAt, id] = key.data;
  // Encoding it again must give it back: a segment with stray bits is not one this API gave.
  if (encodePublishedKey({ publishedAt, id }) !== segment) throw refused();
  return { publishedAt, id };
}

/** A time PostgreSQL will read: no 30 February nor 25 o'clock, which would fail in the query instead of here. */
function isRealTime(iso: string): boolean {
  const time = new Date(iso);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19) === iso.slice(0, 19);
}
