import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, map } from 'rxjs';

// Browsers and shared caches may keep the answer but must ask again each time: a moderator's
// decision shows at once, and asking again costs a 304 without a body when nothing changed.
const CACHE_CONTROL = 'public, no-cache';

/**
 * Public answers carry an ETag so any cache can hold them and revalidate
 * them; a matching If-None-Match gets 304 without a body. The body is
 * serialised once, here, and the same bytes are hashed and sent.
 */
@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const isText = typeof body === 'string';
        const payload = isText ? body : JSON.stringify(body);
        const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
        void reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'Accept-Language');
        if (request.headers['if-none-match'] === etag) {
          void reply.status(304);
          return '';
        }
        if (!isText) void reply.type('application/json; charset=utf-8');
        return payload;
      }),
    );
  }
}
