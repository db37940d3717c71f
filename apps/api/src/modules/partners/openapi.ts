import type { OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../../infra/config/config.schema';
import { LIMITED_PATH } from './partner-gate';

type Operation = { security?: Record<string, string[]>[]; responses?: Record<string, unknown>; tags?: string[] };

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' } });

/**
 * The read API in the OpenAPI document: the partner key's two security
 * schemes (optional: anonymous use works, with lower limits), and on every
 * limited operation its 429 and 401 answers and the rate-limit headers.
 */
export function describePartnerApi(document: OpenAPIObject, limits: AppConfig['rateLimits']): OpenAPIObject {
  const keyDescription =
    `A partner's API key, from the site's administrators. Optional: without one, ${limits.anonymous} requests per ${limits.windowSeconds} s per client address; ` +
    `with one, ${limits.apiKey} per ${limits.windowSeconds} s per key. An unknown or revoked key is a 401.`;
  document.components ??= {};
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: keyDescription },
    partnerBearer: { type: 'http', scheme: 'bearer', description: `The same key as \`Authorization: Bearer <key>\`. ${keyDescription}` },
  };
  document.components.schemas = {
    ...document.components.schemas,
    ApiError: {
      type: 'object',
      required: ['statusCode', 'error', 'message'],
      properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
    },
  };
  const rateHeaders = {
    'RateLimit-Limit': integerHeader('Requests allowed in the window'),
    'RateLimit-Remaining': integerHeader('Requests left in the window'),
    'RateLimit-Reset': integerHeader('Seconds until the window ends'),
    'RateLimit-Policy': { description: 'The limit and the window, as `limit;w=seconds`', schema: { type: 'string' } },
  };
  const error = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!LIMITED_PATH.test(path)) continue;
    for (const method of ['get', 'head'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.security = [{}, { apiKey: [] }, { partnerBearer: [] }];
      operation.responses = {
        ...operation.responses,
        '401': { description: 'Unknown or revoked API key', content: error },
        '429': {
          description: 'Over the rate limit: wait for Retry-After seconds (or use an API key: higher limits)',
          headers: { 'Retry-After': integerHeader('Seconds to wait'), ...rateHeaders },
          content: error,
        },
      };
    }
  }
  document.tags = [
    ...(document.tags ?? []).filter((tag) => tag.name !== 'partners'),
    {
      name: 'partners',
      description:
        'The read API for partners: every kind of record of a country a page at a time, open to scripts of any site (CORS, no credentials), ' +
        'with optional API keys lifting the rate limits. /api/oai (OAI-PMH) and /iiif/manifests|collections are limited the same way.',
    },
  ];
  return document;
}
