import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SearchHit } from '@vitrina/contracts';

/**
 * How many search rows share one combination of the values a visitor can
 * filter by: browsing without words counts its total and every facet from
 * these few thousand rows, exactly, instead of from millions of search rows.
 * Kept by triggers on `search_documents` (SearchFilterCounts migration), in
 * the transaction that wrote the rows, whatever wrote them; a combination no
 * row has any more stays at 0.
 */
@Entity({ name: 'search_filter_counts' })
// One row per combination, NULLs equal (NULLS NOT DISTINCT): made by the migration.
@Index('uq_search_filter_counts_combination', { synchronize: false })
export class SearchFilterCountEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @Column({ name: 'record_type', type: 'text' })
  recordType: SearchHit['type'];

  @Column({ type: 'text', nullable: true })
  kind: string | null;

  @Column({ type: 'text', nullable: true })
  condition: string | null;

  @Column({ name: 'has_media', type: 'boolean' })
  hasMedia: boolean;

  @Column({ type: 'integer', array: true })
  decades: number[];

  @Column({ type: 'bigint' })
  rows: string;
}
