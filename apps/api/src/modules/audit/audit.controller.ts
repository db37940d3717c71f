import { Controller, ForbiddenException, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuditPage, type AuditQuery, auditQuerySchema } from '@vitrina/contracts';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { SignedIn } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { isAllowed } from '../access/permissions';
import { type AuditScope, AuditLog } from './audit-log.service';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}

/** Rows per CSV export; filters narrow an export that would be larger. */
const EXPORT_LIMIT = 10_000;
const CSV_COLUMNS = ['id', 'at', 'actorEmail', 'action', 'countryId', 'entityType', 'entityId', 'fromState', 'toState', 'ip', 'details'];

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

  @SignedIn()
  @Get('export.csv')
  async export(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto, @Res() reply: FastifyReply) {
    const page = await this.log.read(scopeOf(actor, query), { ...query, limit: EXPORT_LIMIT });
    const rows = page.items.map((entry) => ({ ...entry, details: JSON.stringify(entry.details) }));
    const csv = stringify(rows, { header: true, columns: CSV_COLUMNS, cast: { object: (value) => JSON.stringify(value) } });
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
