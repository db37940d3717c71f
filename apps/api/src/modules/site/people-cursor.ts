import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import type { PersonOrderKey } from '../content/live-records';

/** The key a cursor holds: the name and id of the last person a page read. */
const keySchema = z.tuple([z.string().min(1).max(1_000), z.uuid()]);

const refused = () => new BadRequestException('cursor: not a cursor this API gave; start again without it or pass the nextCursor of the previous page as given');

/** A page's nextCursor: base64url of the last key read, opaque to clients. */
export function encodePeopleCursor(key: PersonOrderKey): string {
  return Buffer.from(JSON.stringify([key.name, key.id])).toString('base64url');
}

/** The key a cursor holds; anything else (not base64url of a key: cut, edited, made up) is a 400, never a 500. */
export function decodePeopleCursor(cursor: string): PersonOrderKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const key = keySchema.safeParse(parsed);
  if (!key.success) throw refused();
  // Encoding it again must give it back: a cursor with stray bits or padding is not one this API gave.
  const [name, id] = key.data;
  if (encodePeopleCursor({ name, id }) !== cursor) throw refused();
  return { name, id };
}
