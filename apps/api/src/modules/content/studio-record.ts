import type { ContentRecordEntity } from './content-record.entity';

/** The bookkeeping fields every studio view of a record carries. */
export function studioRecordFields(entity: ContentRecordEntity<object>) {
  return {
    id: entity.id,
    countryId: entity.countryId,
    status: entity.status,
    version: entity.version,
    liveRevision: entity.liveRevision,
    reviewComment: entity.reviewComment,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
