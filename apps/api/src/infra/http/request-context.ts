import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** What the code deep inside a request may need to know about it without being handed the request. */
export interface RequestContext {
  /** The client's address (honouring X-Forwarded-For only from proxies named in TRUST_PROXY). */
  ip: string;
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being handled, or undefined outside requests (jobs, start-up). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs the rest of each request inside its context. */
export function registerRequestContext(server: FastifyInstance): void {
  server.addHook('onRequest', (request, _reply, done) => {
    storage.run({ ip: request.ip, requestId: String(request.id) }, done);
  });
}
