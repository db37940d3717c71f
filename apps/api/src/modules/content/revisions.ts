import type { RecordType, RevisionSummary } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';
import { ContentRevisionEntity } from './content-revision.entity';

/** A record's revisions, newest first, with their authors' names. */
export async function listRevisions(db: DataSource, type: RecordType, record: ContentRecordEntity<object>): Promise<RevisionSummary[]> {
  const rows: { number: number; author_name: string | null; created_at: Date; restored_from: number | null }[] = await db.query(
    `SELECT r.number, u.display_name AS author_name, r.created_at, r.restored_from
       FROM content_revisions r LEFT JOIN users u ON u.id = r.author_id
      WHERE r.record_type = $1 AND r.record_id = $2 AND r.country_id = $3
      ORDER BY r.number DESC`,
    [type, record.id, record.countryId],
  );
  const own = rows.map((row) => ({
    number: row.number,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    restoredFrom: row.restored_from,
    isLive: row.number === record.liveRevision,
    isLatest: row.number === record.version,
  }));
  return type === 'person' ? [...own, ...(await mergedRevisions(db, record))] : own;
}

/**
 * A person's history keeps the people merged into them: the revisions of
 * each (directly or through a chain of merges), marked with whom they were
 * of (`mergedFrom`); each is read at `…/people/<mergedFrom.id>/revisions/<number>`.
 */
async function mergedRevisions(db: DataSource, record: ContentRecordEntity<object>): Promise<RevisionSummary[]> {
  const rows: { record_id: string; slug: string; name: string; version: number; number: number; author_name: string | null; created_at: Date; restored_from: number | null }[] = await db.query(
    `WITH RECURSIVE merged AS (
       SELECT id, 1 AS depth FROM people WHERE country_id = $1 AND merged_into = $2
       UNION ALL SELECT p.id, m.depth + 1 FROM people p JOIN merged m ON p.merged_into = m.id WHERE p.country_id = $1 AND m.depth < 20
     )
     SELECT p.id AS record_id, p.slug, p.content->>'name' AS name, p.version, r.number, u.display_name AS author_name, r.created_at, r.restored_from
       FROM merged m JOIN people p ON p.id = m.id
       JOIN content_revisions r ON r.record_type = 'person' AND r.record_id = p.id AND r.country_id = $1
       LEFT JOIN users u ON u.id = r.author_id
      ORDER BY p.slug, p.id, r.number DESC`,
    [record.countryId, record.id],
  );
  return rows.map((row) => ({
    number: row.number,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    restoredFrom: row.restored_from,
    isLive: false,
    isLatest: row.number === row.version,
    mergedFrom: { id: row.record_id, slug: row.slug, name: row.name },
  }));
}

/** One stored revision of a record, or null; with `countryId`, only if the record is that country's. */
export function findRevision(db: DataSource, type: RecordType, recordId: string, number: number, countryId?: string): Promise<ContentRevisionEntity | null> {
  return db.getRepository(ContentRevisionEntity).findOneBy({ recordType: type, recordId, number, ...(countryId ? { countryId } : {}) });
}
