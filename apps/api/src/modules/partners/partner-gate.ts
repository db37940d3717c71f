import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { API_KEY_HEADER } from '@vitrina/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { answerError } from '../../infra/http/http-error.filter';
import { ApiKeysService, type Partner } from './api-keys.service';
import { RateLimiter } from './rate-limiter';

/** A request over its rate limit: 429 with Retry-After (through the app's error answer). */
export class TooManyRequests extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    partner: boolean,
  ) {
    super(
      partner
        ? 'Too many requests for this API key; wait for Retry-After seconds'
        : 'Too many requests from this address; wait for Retry-After seconds, or ask the site for an API key (higher limits)',
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** The headers a script on another site may read from a read-API answer. */
export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'X-Request-Id'];
/** The request headers a partner's script may send. */
const ALLOWED_HEADERS = ['Authorization', 'X-Api-Key', 'Accept', 'Accept-Language', 'If-None-Match'];
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/** The public API: open to scripts of any site (CORS), without credentials. */
const PUBLIC_API = /^\/api\/public(\/|$)/;
/** What a harvester or a viewer reads in quantity: the read API, limited. Media bytes and IIIF image tiles are not (viewers fetch them in bursts). */
export const LIMITED_PATH = /^\/(api\/public(\/|$)|api\/oai\/?$|iiif\/(manifests|collections)(\/|$))/;

/** The path of a request URL, percent-decoded (so an encoded letter does not slip past), without its query. */
function pathOf(url: string): string {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The key a request carries (X-Api-Key, else Authorization: Bearer), if any. */
export function sentKey(request: FastifyRequest): string | undefined {
  const header = request.headers[API_KEY_HEADER];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = request.headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return bearer?.[1];
}

/**
 * The read API's gate, before anything else answers (stored pages included):
 * CORS on /api/public, partners' keys, and the rate limits of /api/public,
 * /api/oai and IIIF manifests and collections.
 */
@Injectable()
export class PartnerGate {
  /** Counts requests; its clock may be replaced by tests (never waited on). */
  limiter: RateLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: ApiKeysService,
  ) {
    this.limiter = new RateLimiter();
  }

  /** Registers the hooks; call after the security headers, before stored pages are served. */
  register(server: FastifyInstance): void {
    server.addHook('onRequest', async (request, reply) => {
      const path = pathOf(request.url);
      if (!LIMITED_PATH.test(path)) return;
      const open = PUBLIC_API.test(path);
      if (open) void reply.header('access-control-allow-origin', '*');
      void reply.header('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
      if (request.method === 'OPTIONS') {
        if (!open) return;
        this.preflight(reply);
        return reply;
      }
      // An async hook that answers returns the reply: Fastify then goes no further.
      if (!(await this.admit(request, reply))) return reply;
    });
  }

  private preflight(reply: FastifyReply): void {
    void reply
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', ALLOWED_HEADERS.join(', '))
      .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
      .header('allow', 'GET, HEAD, OPTIONS')
      .header('cache-control', 'no-store')
      .code(204)
      .send();
  }

  /** Checks the key (if sent) and counts the request; answers 401 or 429 itself (and then says false). */
  private async admit(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const key = sentKey(request);
    let partner: Partner | null = null;
    if (key !== undefined) {
      partner = key.length <= 200 ? await this.keys.resolve(key) : null;
      if (!partner) {
        void reply.header('www-authenticate', 'Bearer realm="vitrina", error="invalid_token"');
        this.refuse(reply, new UnauthorizedException('Unknown or revoked API key: send a key the site gave you, or none for anonymous use'));
        return false;
      }
    }
    const { anonymous, apiKey, windowSeconds } = this.config.rateLimits;
    const decision = partner
      ? this.limiter.take(`key ${partner.keyId}`, { limit: apiKey, windowSeconds })
      : this.limiter.take(`ip ${request.ip}`, { limit: anonymous, windowSeconds });
    void reply
      .header('ratelimit-limit', String(decision.limit))
      .header('ratelimit-remaining', String(decision.remaining))
      .header('ratelimit-reset', String(decision.resetSeconds))
      .header('ratelimit-policy', `${decision.limit};w=${windowSeconds}`);
    if (decision.allowed) return true;
    this.refuse(reply, new TooManyRequests(decision.resetSeconds, partner !== null));
    return false;
  }

  /** A refusal answered here as the app's error filter would, readable by other sites' scripts. */
  private refuse(reply: FastifyReply, exception: HttpException): void {
    void reply.header('access-control-allow-origin', '*');
    answerError(reply, exception);
  }
}
