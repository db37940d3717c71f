import { Controller, ForbiddenException, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuditPage, type AuditQuery, auditQuerySchema } from '@vitrina/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { SignedIn } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { isAllowed } from '../access/permissions';
import { type AuditScope, AuditLog } from './audit-log.service';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}

/**
 * Reading the audit log: admins read everything, moderators the entries of
 * their countries. There is deliberately no route that writes, changes or
 * deletes an entry.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  @SignedIn()
  @Get()
  read(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.log.read(scopeOf(actor, query), query);
  }

  /** Every entry the filters select as CSV, however many, streamed as read; `limit` does not apply. */
  @SignedIn()
  @Get('export.csv')
  async export(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto, @Res() reply: FastifyReply) {
    const { limit: _all, ...filters } = query;
    const csv = await this.log.csv(scopeOf(actor, query), filters);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="vitrina-audit.csv"')
      .header('cache-control', 'private, no-store')
      .send(csv);
  }
}

function scopeOf(actor: Actor, query: AuditQuery): AuditScope {
  if (actor.isAdmin) return { all: true };
  const countryIds = actor.memberships.filter((m) => isAllowed(actor, 'audit.read', m.countryId)).map((m) => m.countryId);
  if (countryIds.length === 0) throw new ForbiddenException('Only moderators and administrators read the audit log');
  if (query.countryId && !countryIds.includes(query.countryId)) throw new ForbiddenException('You read the audit log of your own countries only');
  return { all: false, countryIds };
}
