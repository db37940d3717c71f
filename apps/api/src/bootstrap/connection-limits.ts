import { channel } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConnectionLimits } from '../infra/config/config.schema';

/** Options for Fastify (and the Node server under it) that enforce the header and keep-alive limits. */
export function serverTimeoutOptions(limits: ConnectionLimits) {
  const headersTimeout = limits.headersTimeoutSeconds * 1000;
  return {
    keepAliveTimeout: limits.keepAliveTimeoutSeconds * 1000,
    // No limit on a whole request: uploads may take long, and are held to a minimum rate instead.
    requestTimeout: 0,
    http: {
      headersTimeout,
      // Node looks for expired headers only this often (30 s by default), which would stretch a short limit.
      connectionsCheckingInterval: Math.min(5000, Math.max(250, headersTimeout / 4)),
    },
  };
}

export class BodyTimeout extends Error {
  readonly statusCode = 408;
  readonly code = 'VITRINA_BODY_TIMEOUT';
  constructor(seconds: number) {
    super(`The request body did not arrive within ${seconds} seconds`);
  }
}

/** How a body deadline ended: it `fired` (the body failed with a 408), or its clock was `stopped` first. */
export interface BodyDeadlineEnd {
  method: string;
  url: string;
  outcome: 'fired' | 'stopped';
}

/**
 * Where each body deadline reports its end, once, with a {@link BodyDeadlineEnd}:
 * a `node:diagnostics_channel` channel, so that whoever wants to watch the
 * deadlines (a test, a metrics probe) subscribes to it; with no subscriber a
 * report costs nothing.
 */
export const bodyDeadlineEnds = channel('vitrina:body-deadline-end');

const UPLOAD_TYPE = /^application\/octet-stream\b/i;

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Passes the body on, but fails it with a 408 once `seconds` have passed. The
 * request itself is left alone (destroying it would destroy the socket before
 * the 408 is written); the answer closes the connection. The clock stops once
 * the answer is out, whether or not anything read the body. Either way the
 * end is reported on {@link bodyDeadlineEnds}.
 */
function withDeadline(source: Readable, response: ServerResponse, seconds: number, request: { method: string; url: string }): Readable {
  const body = new PassThrough();
  let ended = false;
  const end = (outcome: BodyDeadlineEnd['outcome']) => {
    ended = true;
    if (bodyDeadlineEnds.hasSubscribers) bodyDeadlineEnds.publish({ method: request.method, url: request.url, outcome } satisfies BodyDeadlineEnd);
  };
  const timer = setTimeout(() => {
    source.unpipe(body);
    source.pause();
    body.destroy(new BodyTimeout(seconds));
    end('fired');
  }, seconds * 1000).unref();
  const stop = () => {
    if (ended) return;
    clearTimeout(timer);
    end('stopped');
  };
  body.once('close', stop);
  response.once('close', stop);
  // Whoever reads the body hears of its failures; one nobody reads must not bring the process down.
  body.on('error', () => undefined);
  source.once('error', (error) => body.destroy(error));
  source.once('close', () => source.readableEnded || body.destroy(new Error('the client closed the request before its end')));
  source.pipe(body);
  return body;
}

/**
 * Holds every request body but uploads to the body timeout, and closes the
 * connection after any answer sent before the request's body was all read:
 * reading on would let a slow client keep the connection for as long as it trickles.
 */
export function registerBodyLimits(
  server: FastifyInstance,
  limits: ConnectionLimits,
  options: { exempt?: (request: FastifyRequest) => boolean } = {},
): void {
  server.addHook('preParsing', async (request, reply, payload) => {
    if (!hasBody(request) || UPLOAD_TYPE.test(request.headers['content-type'] ?? '') || options.exempt?.(request)) return payload;
    return withDeadline(payload, reply.raw, limits.bodyTimeoutSeconds, request);
  });
  server.addHook('onSend', async (request, reply) => {
    if (request.raw.complete === false) void reply.header('connection', 'close');
  });
}
