import { COLLECTION_NAMES } from '@vitrina/contracts';
import { z } from 'zod';
import { decodeOpaque, encodeOpaque, isRealTime } from '../../infra/http/opaque-token';
import { OaiError } from './oai-errors';

/** Where a list stands: its arguments, and the key of the last record given. Everything a token needs: none is stored. */
export interface ListPosition {
  prefix: string;
  set?: { country: string; collection?: (typeof COLLECTION_NAMES)[number] };
  from?: string;
  until?: string;
  /** The last record given, in list order: its datestamp to the microsecond, collection and id. */
  after: { stamp: string; collection: (typeof COLLECTION_NAMES)[number]; id: string } | null;
  /** How many records came before this page (the token's `cursor`). */
  cursor: number;
}

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/);
const positionSchema = z.strictObject({
  prefix: z.enum(['oai_dc', 'edm']),
  set: z.strictObject({ country: z.string().regex(/^[a-z0-9-]{2,64}$/), collection: z.enum(COLLECTION_NAMES).optional() }).optional(),
  from: iso.optional(),
  until: iso.optional(),
  after: z.strictObject({ stamp: iso, collection: z.enum(COLLECTION_NAMES), id: z.uuid() }),
  cursor: z.number().int().min(1).max(100_000_000),
});

/** Fields in one order, so decoding and encoding again gives the token back. */
export function encodeResumptionToken(position: ListPosition): string {
  const { prefix, set, from, until, after, cursor } = position;
  const canonical = { prefix, set: set && { country: set.country, collection: set.collection }, from, until, after: after && { stamp: after.stamp, collection: after.collection, id: after.id }, cursor };
  return encodeOpaque(canonical);
}

/** The position a token holds; a token this repository did not give (cut, edited, made up) is badResumptionToken. */
export function decodeResumptionToken(token: string): ListPosition {
  const position = decodeOpaque(token, positionSchema, encodeResumptionToken);
  if (!position || ![position.from, position.until, position.after.stamp].every((at) => !at || isRealTime(at))) {
    throw new OaiError('badResumptionToken', 'This resumption token was not given by this repository, or was changed; start the list again');
  }
  return position;
}
