import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentLanguage, LocalizedText, MediaTexts, RecordType } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { rowValues } from '../../infra/database/row-values';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { ContentRevisionEntity } from '../content/content-revision.entity';
import { findByIds } from '../content/find-by-ids';
import { RECORD_KINDS, type RecordKind } from '../content/record-kinds';
import { CountryEntity } from '../countries/country.entity';
import { MediaAssetEntity } from '../media/media-asset.entity';

type Row = ContentRecordEntity<object>;

/** The kinds of record another record's document may refer to. */
const REFERENCED_KINDS: RecordType[] = ['item', 'memorial'];

export interface QueueRow {
  type: RecordType;
  id: string;
  country_id: string;
  slug: string;
  title: Record<string, { text: string; status: 'original' | 'translated' | 'machine' }> | null;
  version: number;
  live_revision: number | null;
  submitted_at: Date | null;
  submitted_by: string | null;
}

export interface HistoryRow {
  action: string;
  from_state: string | null;
  to_state: string | null;
  details: Record<string, unknown>;
  actor: string | null;
  at: Date;
}

/**
 * The review module's data access: the moderation queue, what a decision
 * reads and locks, and a file's withdrawal. Methods taking `tx` run inside
 * the caller's transaction (the locked-row transitions).
 */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Everything awaiting review in one country, of every kind, oldest submission first. */
  queue(countryId: string): Promise<QueueRow[]> {
    const selects = Object.values(RECORD_KINDS).map(
      (kind) =>
        `SELECT '${kind.contract.type}' AS type, r.id, r.country_id, r.slug, r.content->'title' AS title, r.version, r.live_revision, r.submitted_at, u.display_name AS submitted_by
           FROM ${kind.contract.collection} r LEFT JOIN users u ON u.id = r.submitted_by
          WHERE r.country_id = $1 AND r.status = 'in_review'`,
    );
    return this.db.query(`${selects.join(' UNION ALL ')} ORDER BY submitted_at ASC NULLS FIRST, id LIMIT 500`, [countryId]);
  }

  record(kind: RecordKind, countryId: string, id: string): Promise<Row | null> {
    return this.db.getRepository(kind.entity).findOneBy({ id, countryId });
  }

  /** The record's row, locked until the transaction ends, so decisions on one record take turns. */
  lockedRecord(tx: EntityManager, kind: RecordKind, countryId: string, id: string): Promise<Row | null> {
    return tx.getRepository(kind.entity).findOne({ where: { id, countryId }, lock: { mode: 'pessimistic_write' } });
  }

  revision(kind: RecordKind, recordId: string, number: number): Promise<ContentRevisionEntity> {
    return this.revisionIn(this.db.manager, kind, recordId, number);
  }

  /** The revision, read inside the decision's transaction. */
  revisionIn(tx: EntityManager, kind: RecordKind, recordId: string, number: number): Promise<ContentRevisionEntity> {
    return tx.getRepository(ContentRevisionEntity).findOneByOrFail({ recordType: kind.contract.type, recordId, number });
  }

  country(tx: EntityManager, id: string): Promise<CountryEntity> {
    return tx.getRepository(CountryEntity).findOneByOrFail({ id });
  }

  assets(countryId: string, ids: readonly string[]): Promise<Map<string, MediaAssetEntity>> {
    return this.assetsIn(this.db.manager, countryId, ids);
  }

  /** The files, read inside the decision's transaction. */
  assetsIn(tx: EntityManager, countryId: string, ids: readonly string[]): Promise<Map<string, MediaAssetEntity>> {
    return findByIds(tx.getRepository(MediaAssetEntity), { countryId }, ids);
  }

  /**
   * The titles of the country's items and memorials among `ids`, by id, in
   * one query (records of another country are not found): how the diff names
   * the records a revision refers to.
   */
  async titles(countryId: string, ids: readonly string[]): Promise<Map<string, LocalizedText>> {
    if (ids.length === 0) return new Map();
    const selects = REFERENCED_KINDS.map((type) => `SELECT id, content->'title' AS title FROM ${RECORD_KINDS[type].contract.collection} WHERE country_id = $1 AND id = ANY($2::uuid[])`);
    const rows: { id: string; title: LocalizedText | null }[] = await this.db.query(selects.join(' UNION ALL '), [countryId, [...new Set(ids)]]);
    return new Map(rows.flatMap((row) => (row.title ? [[row.id, row.title] as const] : [])));
  }

  /** The kind's public view of the record's latest document, its files showing the texts `mediaTexts` froze. */
  preview(kind: RecordKind, country: CountryEntity, record: Row, lang: ContentLanguage | undefined, mediaTexts: Record<string, MediaTexts>): Promise<unknown> {
    if (!kind.preview) throw new NotFoundException(`No preview for a ${kind.label}`);
    return kind.preview(this.db.manager, country, record, lang, mediaTexts);
  }

  async displayName(userId: string): Promise<string | null> {
    const rows: { display_name: string }[] = await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.display_name ?? null;
  }

  /** A record's audit entries, newest first, with who acted. */
  history(recordId: string): Promise<HistoryRow[]> {
    return this.db.query(
      `SELECT a.action, a.from_state, a.to_state, a.details, coalesce(u.display_name, a.actor_email) AS actor, a.at
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.entity_id = $1 ORDER BY a.id DESC LIMIT 200`,
      [recordId],
    );
  }

  lockedAsset(tx: EntityManager, countryId: string, assetId: string): Promise<MediaAssetEntity | null> {
    return tx.getRepository(MediaAssetEntity).findOne({ where: { id: assetId, countryId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Withdraws or restores a file. `updated_at` stays: the bytes did not change, so validators caches hold stay right after a restore. */
  async setWithdrawn(tx: EntityManager, assetId: string, withdrawn: boolean): Promise<void> {
    await tx.getRepository(MediaAssetEntity).update({ id: assetId }, rowValues<MediaAssetEntity>({ withdrawnAt: withdrawn ? () => 'now()' : null, updatedAt: () => 'updated_at' }));
  }

  /** The records of a kind whose live side shows a file. */
  liveRecordsShowing(tx: EntityManager, kind: RecordKind, asset: MediaAssetEntity): Promise<Row[]> {
    return tx
      .getRepository(kind.entity)
      .createQueryBuilder('r')
      .where('r.country_id = :countryId AND r.live_media_ids @> ARRAY[:assetId]::uuid[]', { countryId: asset.countryId, assetId: asset.id })
      .getMany();
  }
}
