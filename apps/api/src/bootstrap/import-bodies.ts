import { ForbiddenException, UnauthorizedException, UnsupportedMediaTypeException } from '@nestjs/common';
import { CSRF_HEADER, IMPORT_NAMES_MAX_BYTES, SESSION_COOKIE } from '@vitrina/contracts';
import type { FastifyInstance } from 'fastify';

/** The one route a CSV body may go to: the names import of the exchange module. */
const IMPORT_PATH = /^\/api\/studio\/countries\/[^/?]+\/memorials\/[^/?]+\/names(\?|$)/;

/**
 * Spreadsheets to import arrive as bytes (their encoding is read from them,
 * not from the header), up to IMPORT_NAMES_MAX_BYTES. A body is read before
 * the access guard runs, so it is refused before reading anywhere else (415)
 * and from a client with no session at all (401): nobody can make the API
 * hold 50 MB for a route that would refuse it anyway.
 */
export function acceptImportBodies(server: FastifyInstance): void {
  server.addHook('onRequest', async (request) => {
    if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) return;
    if (!IMPORT_PATH.test(request.url)) throw new UnsupportedMediaTypeException('A CSV body is accepted by the names import only');
    if ((request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)) return;
    // As the access guard would answer, in its order: the CSRF check first, then who is asking.
    if (!request.headers[CSRF_HEADER]) throw new ForbiddenException('Missing or invalid CSRF token');
    throw new UnauthorizedException('Sign in to import');
  });
  server.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_NAMES_MAX_BYTES }, (_request, body, done) => done(null, body));
}
