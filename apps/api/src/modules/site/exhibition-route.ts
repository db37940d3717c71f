import { CONTENT_LANGUAGES, type ContentLanguage, SESSION_COOKIE, contentSlugSchema, slugSchema } from '@vitrina/contracts';
import type { FastifyInstance } from 'fastify';
import { JSON_TYPE, finishPublicAnswer } from '../../infra/http/public-answer';
import { PageSources } from '../../infra/http/page-sources';
import type { PublicSnapshots } from '../../infra/http/public-snapshots';
import type { PublicSiteService } from './public-site.service';

/** The exhibition page's URL as the web app asks for it: no query, or `lang` alone. */
const EXHIBITION_URL = /^\/api\/public\/countries\/([a-z0-9-]{2,64})\/exhibitions\/([a-z0-9-]{2,120})(?:\?lang=([a-z]{2,3}))?$/;
const LANGUAGES = new Set<string>(CONTENT_LANGUAGES);
const SESSION = `${SESSION_COOKIE}=`;

/**
 * Answers a visitor's plain GET of a published exhibition before Nest routes
 * it: on a miss of the page cache, Nest's guards, pipes and interceptors
 * cost as much as making the page. What it answers is what the route
 * (PublicSiteController.exhibition behind PublicCacheInterceptor) answers:
 * the same bytes, ETag, Cache-Control and Vary, a 304 for a matching
 * If-None-Match, and the page kept in the page cache likewise. Register after
 * the request id, the security headers and the page cache's own hook: those
 * headers are set, and a stored page is answered, before this runs.
 *
 * Anything else goes on to Nest, which answers it as it always did: another
 * method, a URL in any other form (other or repeated parameters, an unknown
 * language, a slug the route's schemas refuse), a request with a session
 * cookie (the guard reads the session), and any failure (a 404 of an
 * unknown slug, a database that is down), which Nest then meets again and
 * answers with its error filter.
 */
export function serveExhibitionsBeforeNest(server: FastifyInstance, site: PublicSiteService, snapshots: PublicSnapshots): void {
  server.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const match = EXHIBITION_URL.exec(request.url);
    if (!match || request.headers.cookie?.includes(SESSION)) return;
    const [, countrySlug, slug, lang] = match;
    if (lang !== undefined && !LANGUAGES.has(lang)) return;
    if (!slugSchema.safeParse(countrySlug).success || !contentSlugSchema.safeParse(slug).success) return;
    // Taken before the page reads anything, as the interceptor takes it.
    const ticket = snapshots.begin();
    const sources = ticket === null ? undefined : new PageSources();
    const page = await site
      .exhibition(countrySlug, slug, { lang: lang as ContentLanguage | undefined, acceptLanguage: request.headers['accept-language'], sources })
      .catch(() => undefined);
    if (!page) return;
    const answer = { payload: page.bytes, etag: page.etag, ticket, tags: () => sources?.all ?? [] };
    if (finishPublicAnswer(request, reply, answer, snapshots)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(page.bytes);
  });
}
