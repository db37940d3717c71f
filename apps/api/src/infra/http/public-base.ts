import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config.schema';

/**
 * The installation's public URL without a trailing slash, for absolute links
 * (IIIF ids, JSON-LD, OAI-PMH, the sitemap): PUBLIC_URL, else the address the
 * request came to (the built-in web server forwards its own).
 */
export function publicBase(config: AppConfig, request: FastifyRequest): string {
  return (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}
