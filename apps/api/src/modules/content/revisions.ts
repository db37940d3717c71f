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
  return rows.map((row) => ({
    number: row.number,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    restoredFrom: row.restored_from,
    isLive: row.number === record.liveRevision,
    isLatest: row.number === record.version,
  }));
}

/** One stored revision of a record, or null; with `countryId`, only if the record is that country's. */
export function findRevision(db: DataSource, type: RecordType, recordId: string, number: number, countryId?: string): Promise<ContentRevisionEntity | null> {
  return db.getRepository(ContentRevisionEntity).findOneBy({ recordType: type, recordId, number, ...(countryId ? { countryId } : {}) });
}
