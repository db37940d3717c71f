import { existsSync } from 'node:fs';
import { join } from 'node:path';
import httpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import { registerSecurityHeaders } from './security-headers';

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
}): Promise<{ close(): Promise<unknown> }> {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`the web app is not built: ${options.distDir}/index.html is missing (run npm run build)`);
  }
  const logger: FastifyBaseLogger = options.logger.child({ component: 'web' });
  const server = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });
  await registerSecurityHeaders(server);
  await server.register(httpProxy, { upstream: options.apiUrl, prefix: '/api', rewritePrefix: '/api' });
  await server.register(httpProxy, { upstream: options.apiUrl, prefix: '/iiif', rewritePrefix: '/iiif' });
  await server.register(httpProxy, {
    upstream: options.apiUrl,
    prefix: '/sitemap.xml',
    rewritePrefix: '/api/public/sitemap.xml',
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
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  await server.listen({ host: options.host, port: options.port });
  return server;
}
