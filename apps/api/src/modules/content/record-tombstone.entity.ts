import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A record that was live and is no longer (unpublished, archived, merged
 * into another person, deleted): what harvesters must be told to drop
 * (OAI-PMH deleted records). Kept by triggers on the record tables
 * (migration RecordTombstones1764330000000), so every path off the live side
 * leaves one and a new approval removes it.
 */
@Entity({ name: 'record_tombstones' })
@Index('ix_record_tombstones_removed', ['removedAt', 'collection', 'recordId'])
export class RecordTombstoneEntity {
  /** The record's collection, which is its table's name: `items`, `memorials`, `exhibitions`, `people`. */
  @PrimaryColumn({ type: 'text' })
  collection: string;

  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @Column({ name: 'removed_at', type: 'timestamptz' })
  removedAt: Date;
}
