import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

/** Headers of any answer rather than of the security policy. */
const NOT_SECURITY = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The same strict headers on the API and on the web app: no inline scripts,
 * no framing, no MIME sniffing, no referrer leaks to other sites.
 *
 * Helmet makes them, once, at start-up: @fastify/helmet would rebuild its
 * middlewares and reparse the policy on every request (a sixth of the CPU of
 * a cached public page), and the headers never vary (no nonces, no
 * per-route options), so every answer gets the same precomputed set.
 */
export async function registerSecurityHeaders(server: FastifyInstance, extraConnectSrc: string[] = []): Promise<void> {
  const headers = await securityHeaders(extraConnectSrc);
  server.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * A public resource other sites' viewers may load (Mirador, Universal Viewer,
 * a museum's own page): IIIF tiles, info.json and manifests, and published
 * renditions. CORS lets their scripts read it, and Cross-Origin-Resource-Policy
 * replaces the `same-site` every other answer carries, which would make the
 * browser refuse it to an `<img>` on another site. Only for public answers:
 * drafts, originals and errors keep `same-site`.
 */
export function openToOtherSites(reply: FastifyReply): void {
  void reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
}

async function securityHeaders(extraConnectSrc: string[]): Promise<Record<string, string>> {
  const probe = Fastify();
  try {
    await probe.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Inline styles are needed by the map and docs pages; scripts never are.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...extraConnectSrc],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // The same as frame-ancestors 'none', for browsers that predate it (helmet's default is SAMEORIGIN).
      xFrameOptions: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-site' },
    });
    probe.get('/', () => '');
    const response = await probe.inject('/');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (!NOT_SECURITY.has(name) && typeof value === 'string') headers[name] = value;
    }
    if (!headers['content-security-policy']) throw new Error('helmet made no Content-Security-Policy');
    return headers;
  } finally {
    await probe.close();
  }
}
