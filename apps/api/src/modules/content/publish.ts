import { ConflictException } from '@nestjs/common';
import type { ContentStatus } from '@vitrina/contracts';
import type { EntityManager } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';
import { insertDraft } from './content-store';
import type { ContentRevisionEntity } from './content-revision.entity';
import type { RecordKind } from './record-kinds';
import { rowValues } from '../../infra/database/row-values';

const UNIQUE_VIOLATION = '23505';

type Row = ContentRecordEntity<object>;
/** What visitors see of a record, and the moderator's comment that came with it. */
export type LiveSide = Pick<Row, 'liveRevision' | 'liveContent' | 'liveSlug' | 'liveMediaIds' | 'liveMediaTexts' | 'reviewComment'> & { publishedAt?: Date };

/** The columns only publishRevision and clearLiveSide write. */
type LiveColumn = 'liveRevision' | 'liveContent' | 'liveSlug' | 'liveMediaIds' | 'liveMediaTexts' | 'publishedAt';

/**
 * Moves a record (locked by the caller) to another status with other changes
 * (submission, review comment), never its live side.
 */
export function moveRecord(tx: EntityManager, kind: RecordKind, id: string, to: ContentStatus, changes: Omit<Partial<Row>, LiveColumn> = {}): Promise<void> {
  return writeRecord(tx, kind, id, to, changes);
}

/** `updated_at` stays: it tells when the content last changed, not when it was reviewed. */
async function writeRecord(tx: EntityManager, kind: RecordKind, id: string, to: ContentStatus, changes: Partial<Row>): Promise<void> {
  await tx.getRepository(kind.entity).update({ id }, rowValues<Row>({ ...changes, status: to, updatedAt: () => 'updated_at' }));
}

/**
 * Makes a record's latest revision what visitors see: the one write path to
 * the live side, used by approval, the demo seeder and tests alike. The
 * caller holds the record's row lock and has checked the publish gates.
 */
export async function publishRevision(
  tx: EntityManager,
  kind: RecordKind,
  record: Row,
  revision: Pick<ContentRevisionEntity, 'content' | 'mediaTexts'>,
  options: { reviewComment?: string | null; publishedAt?: Date } = {},
): Promise<LiveSide> {
  const live = {
    liveRevision: record.version,
    liveContent: revision.content,
    liveSlug: record.slug,
    liveMediaIds: record.mediaIds,
    liveMediaTexts: revision.mediaTexts,
    publishedAt: options.publishedAt ?? new Date(),
    reviewComment: options.reviewComment ?? null,
  };
  try {
    await writeRecord(tx, kind, record.id, 'published', live);
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    throw new ConflictException(`Another live ${kind.contract.type} of this country already has the address "${record.slug}"`);
  }
  return live;
}

/** Takes a record off the public site (unpublish, archive): nothing of it stays live. */
export async function clearLiveSide(tx: EntityManager, kind: RecordKind, record: Row, to: ContentStatus, reviewComment: string | null): Promise<void> {
  const cleared: LiveSide = { liveRevision: null, liveContent: null, liveSlug: null, liveMediaIds: [], liveMediaTexts: {}, reviewComment };
  await writeRecord(tx, kind, record.id, to, cleared);
}

/**
 * A new record published at its first revision, as if a moderator had
 * approved it (the demo museum), through the same write as an approval.
 */
export async function insertPublished(
  tx: EntityManager,
  kind: RecordKind,
  draft: { countryId: string; input: { slug: string }; id: string },
  publishedAt: Date,
): Promise<string> {
  const { id, revision } = await insertDraft(tx, kind, { ...draft, authorId: null });
  const record = await tx.getRepository(kind.entity).findOneByOrFail({ id });
  await publishRevision(tx, kind, record, revision, { publishedAt });
  return id;
}
