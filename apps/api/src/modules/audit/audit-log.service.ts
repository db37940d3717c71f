import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditPage, AuditQuery } from '@vitrina/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { currentRequest } from '../../infra/http/request-context';
import type { Actor } from '../access/actor';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEvent {
  action: string;
  /** Who acted; null for the system or an anonymous caller (a failed login). */
  actor: Pick<Actor, 'userId' | 'email'> | null;
  countryId?: string | null;
  entityType?: string;
  entityId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  details?: Record<string, unknown>;
}

/** Which countries' entries a reader may see: all (admins) or those listed. */
export type AuditScope = { all: true } | { all: false; countryIds: string[] };

function toEntry(row: AuditLogEntity): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    countryId: row.countryId,
    entityType: row.entityType,
    entityId: row.entityId,
    fromState: row.fromState,
    toState: row.toState,
    ip: row.ip,
    details: row.details,
  };
}

@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);
  private readonly entries: Repository<AuditLogEntity>;

  constructor(@InjectDataSource() db: DataSource) {
    this.entries = db.getRepository(AuditLogEntity);
  }

  /**
   * Appends one entry. Given the transaction of the change it records, the
   * entry commits or rolls back with it, so the log never claims what did
   * not happen nor misses what did.
   */
  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditLogEntity) : this.entries;
    await repository.insert({
      actorId: event.actor?.userId ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      countryId: event.countryId ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      ip: currentRequest()?.ip ?? null,
      details: (event.details ?? {}) as never,
    });
  }

  /** For events outside a transaction (a login): a failure to log is reported, never hidden, but does not undo the event. */
  async recordQuietly(event: AuditEvent): Promise<void> {
    await this.record(event).catch((error: Error) => this.logger.error(`audit entry lost: ${event.action}: ${error.message}`));
  }

  async read(scope: AuditScope, query: AuditQuery): Promise<AuditPage> {
    const builder = this.entries.createQueryBuilder('entry').orderBy('entry.id', 'DESC').take(query.limit + 1);
    if (!scope.all) builder.andWhere('entry.country_id = ANY(:scope)', { scope: scope.countryIds });
    if (query.countryId) builder.andWhere('entry.country_id = :countryId', { countryId: query.countryId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('entry.actor_email ILIKE :actor', { actor: `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.from) builder.andWhere('entry.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('entry.at < :to', { to: query.to });
    if (query.before) builder.andWhere('entry.id < :before', { before: query.before });
    const rows = await builder.getMany();
    const page = rows.slice(0, query.limit).map(toEntry);
    return { items: page, next: rows.length > query.limit ? page[page.length - 1].id : null };
  }
}
