import { Readable, pipeline } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { AuditAction, AuditEntityType, AuditEntry, AuditPage, AuditQuery } from '@vitrina/contracts';
import { stringify } from 'csv-stringify';
import type { EntityManager } from 'typeorm';
import { currentRequest } from '../../infra/http/request-context';
import type { Actor } from '../access/actor';
import type { AuditLogEntity } from './audit-log.entity';
import { type AuditScope, AuditLogRepository } from './audit-log.repository';

export type { AuditScope } from './audit-log.repository';

export interface AuditEvent {
  action: AuditAction;
  /** Who acted; null for the system or an anonymous caller (a failed login). */
  actor: Pick<Actor, 'userId' | 'email'> | null;
  countryId?: string | null;
  entityType?: AuditEntityType;
  entityId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  details?: Record<string, unknown>;
}

const CSV_COLUMNS = ['id', 'at', 'actorEmail', 'action', 'countryId', 'entityType', 'entityId', 'fromState', 'toState', 'ip', 'details'];
/** Entries read per query of an export. */
const EXPORT_PAGE = 1_000;

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

  constructor(private readonly entries: AuditLogRepository) {}

  /**
   * Appends one entry. Given the transaction of the change it records, the
   * entry commits or rolls back with it, so the log never claims what did
   * not happen nor misses what did.
   */
  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const entry = {
      actorId: event.actor?.userId ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      countryId: event.countryId ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      ip: currentRequest()?.ip ?? null,
      details: event.details ?? {},
    };
    await this.entries.insert(entry, manager);
  }

  /** For events outside a transaction (a login): a failure to log is reported, never hidden, but does not undo the event. */
  async recordQuietly(event: AuditEvent): Promise<void> {
    await this.record(event).catch((error: Error) => this.logger.error(`audit entry lost: ${event.action}: ${error.message}`));
  }

  async read(scope: AuditScope, query: AuditQuery): Promise<AuditPage> {
    const rows = await this.entries.find(scope, query, query.limit + 1);
    const page = rows.slice(0, query.limit).map(toEntry);
    return { items: page, next: rows.length > query.limit ? page[page.length - 1].id : null };
  }

  /**
   * Every entry the filters select, newest first, however many: read a page
   * at a time by id, so an export of a million entries never sits in memory.
   */
  async *all(scope: AuditScope, query: Omit<AuditQuery, 'limit'>, pageSize = EXPORT_PAGE): AsyncGenerator<AuditEntry> {
    let before = query.before;
    for (;;) {
      const rows = await this.entries.find(scope, { ...query, before }, pageSize);
      for (const row of rows) yield toEntry(row);
      if (rows.length < pageSize) return;
      before = Number(rows[rows.length - 1].id);
    }
  }

  /**
   * The selected entries as CSV, streamed while they are read. Cells a
   * spreadsheet would take for a formula (starting with = + - @, a tab or a
   * return) are prefixed with ', so an email or comment cannot run in Excel.
   */
  async csv(scope: AuditScope, query: Omit<AuditQuery, 'limit'>): Promise<Readable> {
    const entries = this.all(scope, query);
    // The first page is read before answering, so a database that is down still gets a clean 503.
    const first = await entries.next();
    async function* rows() {
      for (let next = first; !next.done; next = await entries.next()) yield { ...next.value, details: JSON.stringify(next.value.details) };
    }
    const csv = stringify({ header: true, columns: CSV_COLUMNS, escape_formulas: true });
    // Past the status line an error can only cut the download short, which the client sees as a failed transfer.
    pipeline(Readable.from(rows()), csv, (error) => error && this.logger.error(`audit export cut short: ${error.message}`));
    return csv;
  }
}
