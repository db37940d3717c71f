import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, map } from 'rxjs';
import { JsonText } from './json-text';
import { recordedSources } from './page-sources';
import { JSON_TYPE, finishPublicAnswer } from './public-answer';
import { PublicSnapshots, SNAPSHOT_ROUTE } from './public-snapshots';

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
        const etag = body instanceof JsonText ? body.etag : undefined;
        if (finishPublicAnswer(request, reply, { payload, etag, ticket, tags: () => recordedSources(request) }, this.snapshots)) {
          void reply.status(304);
          return '';
        }
        if (!isText) void reply.type(JSON_TYPE);
        return payload;
      }),
    );
  }
}
