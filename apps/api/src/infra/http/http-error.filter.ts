import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { ApiError } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { isConnectionFailure } from './connection-failure';

type Issue = NonNullable<ApiError['issues']>[number];

function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}

/** The status, body and headers an exception is answered with. */
export function errorResponse(exception: unknown): { body: ApiError; headers?: Record<string, string> } {
  if (exception instanceof ZodValidationException) {
    const zodError = exception.getZodError();
    const issues = zodError instanceof ZodError ? zodIssues(zodError) : [];
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { body: { statusCode: 400, error: 'Bad Request', message: `Invalid input: ${summary}`, issues } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message).join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    const retryAfter = (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    const location = (exception as { location?: unknown }).location;
    const headers: Record<string, string> | undefined =
      typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : typeof location === 'string' ? { location } : undefined;
    const { blockers, issues, code } = response as Pick<ApiError, 'blockers' | 'issues' | 'code'>;
    return {
      body: { statusCode: status, error: reasonPhrase(status), message, ...(code ? { code } : {}), ...(issues ? { issues } : {}), ...(blockers ? { blockers } : {}) },
      headers,
    };
  }
  // Errors raised by Fastify itself before routing: bad JSON, oversized bodies, wrong media types.
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return {
      body: { statusCode: fastifyStatus, error: reasonPhrase(fastifyStatus), message: (exception as Error).message },
    };
  }
  if (isConnectionFailure(exception)) {
    return {
      body: { statusCode: 503, error: 'Service Unavailable', message: 'A backing service is unavailable; try again shortly' },
      headers: { 'retry-after': '5' },
    };
  }
  return { body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } };
}

/** One error shape for every failure; unexpected errors are logged, never echoed. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body } = answerError(reply, exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, reqId: request.id, url: request.url }, 'request failed');
    }
  }
}

/**
 * Sends the answer to an exception: the filter's, and that of a refusal made
 * before Nest routes the request (a Fastify hook: rate limits, API keys).
 */
export function answerError(reply: FastifyReply, exception: unknown): { body: ApiError } {
  const { body, headers } = errorResponse(exception);
  // An error is never cached, whatever the handler had already set for its success.
  void reply.header('cache-control', 'no-store');
  if (headers) reply.headers(headers);
  void reply.status(body.statusCode).send(body);
  return { body };
}
