import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditQuery } from '@vitrina/contracts';
import type { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

/** Which countries' entries a reader may see: all (admins) or those listed. */
export type AuditScope = { all: true } | { all: false; countryIds: string[] };

/** One entry as written: every column but the id and the time, which the database sets. */
export type NewAuditEntry = Omit<AuditLogEntity, 'id' | 'at'>;

/** The audit log's data access: appending an entry and reading entries newest first, by filters. */
@Injectable()
export class AuditLogRepository {
  private readonly entries: Repository<AuditLogEntity>;

  constructor(@InjectDataSource() db: DataSource) {
    this.entries = db.getRepository(AuditLogEntity);
  }

  /** Appends one entry; in `manager`'s transaction when given. */
  async insert(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditLogEntity) : this.entries;
    await repository.insert(entry);
  }

  /** At most `take` entries the scope and the filters select, newest first. */
  find(scope: AuditScope, query: Omit<AuditQuery, 'limit'>, take: number): Promise<AuditLogEntity[]> {
    return this.filtered(scope, query).take(take).getMany();
  }

  private filtered(scope: AuditScope, query: Omit<AuditQuery, 'limit'>): SelectQueryBuilder<AuditLogEntity> {
    const builder = this.entries.createQueryBuilder('entry').orderBy('entry.id', 'DESC');
    if (!scope.all) builder.andWhere('entry.country_id = ANY(:scope)', { scope: scope.countryIds });
    if (query.countryId) builder.andWhere('entry.country_id = :countryId', { countryId: query.countryId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('entry.actor_email ILIKE :actor', { actor: `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.from) builder.andWhere('entry.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('entry.at < :to', { to: query.to });
    if (query.before) builder.andWhere('entry.id < :before', { before: query.before });
    return builder;
  }
}
