import { COLLECTIONS, type Collection, type RecordType } from '@vitrina/contracts';
import type { EntityTarget } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';
import { ExhibitionEntity } from './kinds/exhibition.entity';
import { exhibitionColumns } from './kinds/exhibition.kind';
import { ItemEntity } from './kinds/item.entity';
import { itemColumns } from './kinds/item.kind';
import { MemorialEntity } from './kinds/memorial.entity';
import { memorialColumns } from './kinds/memorial.kind';

export interface RecordKind {
  type: RecordType;
  collection: Collection;
  table: string;
  entity: EntityTarget<ContentRecordEntity<object>>;
  /** The row's columns for a whole document (as revisions store it). */
  toColumns(document: Record<string, unknown>): Partial<ContentRecordEntity<object>>;
}

type AnyColumns = (document: never) => object;
const kind = (type: RecordType, table: string, entity: EntityTarget<ContentRecordEntity<object>>, toColumns: AnyColumns): RecordKind => ({
  type,
  collection: table as Collection,
  table,
  entity,
  toColumns: toColumns as RecordKind['toColumns'],
});

export const RECORD_KINDS: Record<RecordType, RecordKind> = {
  item: kind('item', 'items', ItemEntity, itemColumns),
  memorial: kind('memorial', 'memorials', MemorialEntity, memorialColumns),
  exhibition: kind('exhibition', 'exhibitions', ExhibitionEntity, exhibitionColumns),
};

export function kindOf(collection: Collection): RecordKind {
  return RECORD_KINDS[COLLECTIONS[collection]];
}

/**
 * The record as visitors know it: its live revision's document in place of
 * the latest one, with the columns derived from it. Null when nothing is live.
 */
export function asLive<T extends ContentRecordEntity<object>>(kindOfRecord: RecordKind, record: T): T | null {
  if (record.liveRevision === null || record.liveContent === null) return null;
  return {
    ...record,
    ...kindOfRecord.toColumns(record.liveContent),
    version: record.liveRevision,
    mediaIds: record.liveMediaIds,
    updatedAt: record.publishedAt ?? record.updatedAt,
  } as T;
}
