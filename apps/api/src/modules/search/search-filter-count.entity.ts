import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SearchHit } from '@vitrina/contracts';

/**
 * Search rows counted per combination of the values a visitor can filter by:
 * browsing without words counts its total and every facet from these few
 * thousand rows, exactly, instead of from millions of search rows. Appended
 * by triggers on `search_documents` (SearchFilterCounts migration), in the
 * transaction that wrote the rows, whatever wrote them: a combination's count
 * is the sum of its rows (deleted search rows are appended negative), which
 * SearchFilterCountsWorker folds into one row now and then.
 */
@Entity({ name: 'search_filter_counts' })
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
