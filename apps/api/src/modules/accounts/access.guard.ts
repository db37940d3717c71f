import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@vitrina/contracts';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from './sessions.service';
import { sameToken } from './tokens';
import { ACCESS_RULE, type AccessRule, type CountrySource } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { isAllowed } from '../access/permissions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function countryIdFrom(request: FastifyRequest, source: CountrySource): string | undefined {
  const container = request[source.from] as Record<string, unknown> | undefined;
  const value = container?.[source.key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs before every route: loads the actor from the session cookie, checks
 * CSRF on mutating requests, then applies the route's declared access rule.
 * A route that declares no rule is refused: access is never open by omission.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`route ${request.method} ${request.routeOptions.url} declares no access rule`);
      throw new ForbiddenException('Access denied');
    }
    const token = request.cookies?.[SESSION_COOKIE];
    request.actor = token ? await this.sessions.resolve(token) : null;
    if (!SAFE_METHODS.has(request.method)) this.assertCsrf(request, request.actor);
    return this.allows(rule, request);
  }

  /**
   * Double-submit check: the header must match the CSRF cookie, and for a
   * signed-in actor also the token bound to their session.
   */
  private assertCsrf(request: FastifyRequest, actor: Actor | null): void {
    const header = request.headers[CSRF_HEADER];
    const sent = typeof header === 'string' ? header : undefined;
    const expected = actor ? actor.csrfToken : request.cookies?.[CSRF_COOKIE];
    if (!sameToken(sent, expected)) throw new ForbiddenException('Missing or invalid CSRF token');
  }

  private allows(rule: AccessRule, request: FastifyRequest): boolean {
    if (rule.kind === 'public') return true;
    const actor = request.actor;
    if (!actor) throw new UnauthorizedException('Sign in first');
    if (rule.kind === 'signed-in') return true;
    const countryId = rule.kind === 'country' ? countryIdFrom(request, rule.country) : undefined;
    if (!isAllowed(actor, rule.permission, countryId)) throw new ForbiddenException('Access denied');
    return true;
  }
}
