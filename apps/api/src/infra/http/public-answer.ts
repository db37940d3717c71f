import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_CACHE_CONTROL, type PublicSnapshots, snapshotKey } from './public-snapshots';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** A public answer's ETag: of its very bytes, unless its maker gave one made of its parts' (JsonText). */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
}

/**
 * What every successful public answer gets, whether from a Nest route
 * (PublicCacheInterceptor) or from a route answered before Nest: its ETag,
 * Cache-Control and Vary, and, for a JSON page of a snapshot route (a
 * `ticket` from PublicSnapshots.begin()), a place in the page cache under
 * the tags it was made of. Returns whether the client holds it already
 * (If-None-Match): then the answer is a 304 without a body.
 */
export function finishPublicAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: { payload: string | Buffer; etag?: string; ticket: number | null; tags: () => readonly string[] },
  snapshots: PublicSnapshots,
): boolean {
  const etag = answer.etag ?? etagOf(answer.payload);
  void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept-Language');
  const isText = typeof answer.payload === 'string';
  const key = answer.ticket !== null && !isText && reply.statusCode === 200 ? snapshotKey(request.url, request.headers['accept-language']) : null;
  if (key !== null) snapshots.store(key, answer.ticket, { body: answer.payload as Buffer, etag, contentType: JSON_TYPE }, answer.tags());
  return request.headers['if-none-match'] === etag;
}
