import { SESSION_COOKIE } from '@vitrina/contracts';
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from './auth.service';

/** `request.ip` honours X-Forwarded-For only from proxies named in TRUST_PROXY. */
export function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return {
    address: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    previousToken: request.cookies?.[SESSION_COOKIE],
  };
}
