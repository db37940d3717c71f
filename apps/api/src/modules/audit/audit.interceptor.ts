import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, mergeMap } from 'rxjs';
import { AuditLog } from './audit-log.service';
import { AUDITED, type AuditedRoute, type ValuePath } from './audited.decorator';

function pick(path: ValuePath | undefined, sources: Record<string, unknown>): string | null {
  if (!path) return null;
  const value = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), sources);
  return typeof value === 'string' ? value : null;
}

/**
 * Writes the audit entry of an @Audited route once it has succeeded; failures change nothing and log nothing.
 * The entry is written after the handler's transaction, so a crash in between loses it and it can say only
 * what the request and answer show: changes whose details matter (content, review, accounts) record their
 * entry in their own transaction instead (AuditLog.record with the EntityManager).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDITED, context.getHandler());
    if (!route) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = request.actor ?? null;
    return next.handle().pipe(
      mergeMap(async (response: unknown) => {
        const sources = { params: request.params, body: request.body, response };
        await this.log.recordQuietly({
          action: route.action,
          actor,
          entityType: route.entityType,
          entityId: pick(route.entityId, sources),
          countryId: pick(route.countryId, sources),
        });
        return response;
      }),
    );
  }
}
