import { COLLECTIONS, type Collection, type RecordType } from '@vitrina/contracts';
import type { ContentRecordEntity } from './content-record.entity';
import { exhibitionKind } from './kinds/exhibition.kind';
import { itemKind } from './kinds/item.kind';
import type { ContentKind } from './kinds/kind';
import { memorialKind } from './kinds/memorial.kind';
import { personKind } from './kinds/person.kind';

export type { ContentKind } from './kinds/kind';
/** A kind whose document type does not matter to the caller (loops over every kind, routes naming a collection). */
export type RecordKind = ContentKind<{ slug: string }, ContentRecordEntity<object>, object>;

/**
 * The API's side of the kind registry (`RECORD_KINDS` in libs/contracts):
 * each kind's table, row mapping and studio hooks. Every loop over kinds reads
 * this; a new kind adds a `kinds/<name>.kind.ts` and a row here. A kind's
 * collection segment (`kind.contract.collection`) is also its table's name.
 */
export const RECORD_KINDS: Record<RecordType, RecordKind> = {
  item: row('item', itemKind),
  memorial: row('memorial', memorialKind),
  exhibition: row('exhibition', exhibitionKind),
  person: row('person', personKind),
};

/**
 * A kind as loops over kinds see it, its document types forgotten (they differ
 * per kind, which one map cannot express). The row's key must be the kind's
 * own type; a mismatch stops the API at start-up, before it can store a
 * memorial in the items table.
 */
function row<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>, TStudio>(
  type: RecordType,
  kind: ContentKind<TInput, TEntity, TStudio>,
): RecordKind {
  if (kind.contract.type !== type) throw new Error(`RECORD_KINDS.${type} holds the ${kind.contract.type} kind`);
  return kind as unknown as RecordKind;
}

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
    ...kindOfRecord.toColumns(record.liveContent as { slug: string }),
    version: record.liveRevision,
    mediaIds: record.liveMediaIds,
    updatedAt: record.publishedAt ?? record.updatedAt,
  } as T;
}
