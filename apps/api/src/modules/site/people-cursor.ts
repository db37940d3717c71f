import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { decodeOpaque, encodeOpaque } from '../../infra/http/opaque-token';
import type { PersonOrderKey } from '../content/live-records';

/** The key a cursor holds: the name and id of the last person a page read. */
const keySchema = z.tuple([z.string().min(1).max(1_000), z.uuid()]);

/** A page's nextCursor: base64url of the last key read, opaque to clients. */
export function encodePeopleCursor(key: PersonOrderKey): string {
  return encodeOpaque([key.name, key.id]);
}

/** The key a cursor holds; anything else (not base64url of a key: cut, edited, made up) is a 400, never a 500. */
export function decodePeopleCursor(cursor: string): PersonOrderKey {
  const decoded = decodeOpaque(cursor, keySchema, ([name, id]) => encodePeopleCursor({ name, id }));
  if (!decoded) throw new BadRequestException('cursor: not a cursor this API gave; start again without it or pass the nextCursor of the previous page as given');
  return { name: decoded[0], id: decoded[1] };
}
