import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, map } from 'rxjs';
import { JsonText } from './json-text';
import { recordedSources } from './page-sources';
import { PUBLIC_CACHE_CONTROL, PublicSnapshots, SNAPSHOT_ROUTE, snapshotKey } from './public-snapshots';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Public answers carry an ETag so any cache can hold them and revalidate
 * them; a matching If-None-Match gets 304 without a body. The body is
 * serialised once, here (unless the route made its JSON, as JsonText), and
 * the same bytes are hashed and sent. Answers of
 * routes marked @PublicSnapshot() are also kept in PublicSnapshots, which
 * then serves them without reaching the route again until what they were
 * made of (the PageSources the route recorded) changes.
 */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly snapshots: PublicSnapshots,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Taken before the route reads anything, so a change committed meanwhile keeps the answer out of the cache.
    const ticket = request.method === 'GET' && this.reflector.get<boolean>(SNAPSHOT_ROUTE, context.getHandler()) ? this.snapshots.begin() : null;
    return next.handle().pipe(
      map((body: unknown) => {
        const isText = typeof body === 'string';
        // JSON is encoded once, here: the same bytes are hashed, kept and sent.
        const payload = isText ? body : body instanceof JsonText ? body.bytes : Buffer.from(JSON.stringify(body));
        const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
        void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', 'Accept-Language');
        const key = ticket !== null && !isText && reply.statusCode === 200 ? snapshotKey(request.url, request.headers['accept-language']) : null;
        if (key !== null) {
          this.snapshots.store(key, ticket, { body: payload as Buffer, etag, contentType: JSON_TYPE }, recordedSources(request));
        }
        if (request.headers['if-none-match'] === etag) {
          void reply.status(304);
          return '';
        }
        if (!isText) void reply.type(JSON_TYPE);
        return payload;
      }),
    );
  }
}
