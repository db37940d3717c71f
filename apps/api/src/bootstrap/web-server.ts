import { existsSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import httpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig, ConnectionLimits } from '../infra/config/config.schema';
import { linkedDataAddress, prefersJsonLd } from '../infra/http/json-ld-negotiation';
import { registerBodyLimits, serverTimeoutOptions } from './connection-limits';
import { registerSecurityHeaders } from './security-headers';

const DEFAULT_LIMITS: ConnectionLimits = { headersTimeoutSeconds: 30, bodyTimeoutSeconds: 60, keepAliveTimeoutSeconds: 72 };
const PROXIED = ['/api', '/iiif', '/sitemap.xml'];

/**
 * What the API trusts when the web server fronts it (`npm start`): the web
 * server's own hop, from the loopback address it proxies from, besides
 * whatever TRUST_PROXY names. The web server replaces X-Forwarded-For with
 * the address it saw, so nothing a client writes there reaches the API.
 */
export function trustWebServerHop(trustProxy: AppConfig['trustProxy']): AppConfig['trustProxy'] {
  if (trustProxy === false) return 'loopback';
  if (typeof trustProxy === 'string') return `loopback,${trustProxy}`;
  // A hop count or `true` already trusts the hop from the web server.
  return trustProxy;
}

/**
 * The client's address, as this server judged it (honouring TRUST_PROXY for
 * proxies in front of it), as the only X-Forwarded-For the API sees; the
 * forwarding headers a client may have sent are replaced by this server's
 * own view of the host and protocol it was asked on, so the API's absolute
 * links (IIIF ids, the sitemap) name this site, not the API's own port, when
 * PUBLIC_URL is not set.
 */
function forwardClientAddress<Headers extends IncomingHttpHeaders>(request: { ip: string; host: string; protocol: string }, headers: Headers): Headers {
  const forwarded: IncomingHttpHeaders = { ...headers };
  for (const name of ['forwarded', 'x-real-ip']) delete forwarded[name];
  Object.assign(forwarded, { 'x-forwarded-for': request.ip, 'x-forwarded-host': request.host, 'x-forwarded-proto': request.protocol });
  return forwarded as Headers;
}

/**
 * Serves the built web app with the API proxied under /api: the embedded
 * stand-in for the nginx of the production compose file.
 */
export async function startWebServer(options: {
  distDir: string;
  apiUrl: string;
  host: string;
  port: number;
  logger: Logger;
  /** Proxies in front of this server whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustProxy?: AppConfig['trustProxy'];
  limits?: ConnectionLimits;
}): Promise<{ close(): Promise<unknown> }> {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`the web app is not built: ${options.distDir}/index.html is missing (run npm run build)`);
  }
  const logger: FastifyBaseLogger = options.logger.child({ component: 'web' });
  const limits = options.limits ?? DEFAULT_LIMITS;
  const server = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    ...serverTimeoutOptions(limits),
  });
  await registerSecurityHeaders(server);
  // Proxied bodies are streamed to the API, which holds them to its own limits and answers for them.
  registerBodyLimits(server, limits, { exempt: (request) => PROXIED.some((prefix) => request.url.startsWith(prefix)) });
  const replyOptions = { rewriteRequestHeaders: forwardClientAddress };
  await server.register(httpProxy, { upstream: options.apiUrl, prefix: '/api', rewritePrefix: '/api', replyOptions });
  await server.register(httpProxy, { upstream: options.apiUrl, prefix: '/iiif', rewritePrefix: '/iiif', replyOptions });
  await server.register(httpProxy, {
    upstream: options.apiUrl,
    prefix: '/sitemap.xml',
    rewritePrefix: '/api/public/sitemap.xml',
    replyOptions,
  });
  await server.register(fastifyStatic, {
    root: options.distDir,
    // Vite fingerprints everything under assets/, so it may be cached forever.
    cacheControl: false,
    setHeaders: (reply, path) => {
      const immutable = path.startsWith(join(options.distDir, 'assets'));
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Client-side routes: every unknown GET gets the app shell; a missing asset is a plain 404
  // (a shell answered for a script would hide a broken deployment behind a 200).
  server.setNotFoundHandler((request, reply) => {
    const isAsset = request.url.startsWith('/assets/');
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isAsset) {
      return reply.code(404).header('cache-control', 'no-store').send({ statusCode: 404 });
    }
    // A record's page is also its Linked Data URI: a client that asks it for JSON-LD is sent to that.
    const linkedData = request.method === 'GET' ? linkedDataAddress(request.url.split('?')[0]) : null;
    void reply.header('vary', 'Accept');
    if (linkedData && prefersJsonLd(request.headers.accept)) return reply.header('cache-control', 'no-cache').redirect(linkedData, 303);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  await server.listen({ host: options.host, port: options.port });
  return server;
}
