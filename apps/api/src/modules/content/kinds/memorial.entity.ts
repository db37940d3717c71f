import type { Condition, MemorialDocument } from '@vitrina/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../../countries/country.entity';
import { CONTENT_STATUS_LIST, ContentRecordEntity } from '../content-record.entity';

export type MemorialContent = Omit<MemorialDocument, 'slug' | 'kind'>;

@Entity({ name: 'memorials' })
@Unique('uq_memorials_country_slug', ['countryId', 'slug'])
// GIN, made by the media-references migration (TypeORM cannot declare the method).
@Index('ix_memorials_media_ids', { synchronize: false })
@Index('ix_memorials_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_memorials_status', `"status" IN (${CONTENT_STATUS_LIST})`)
// Unique among live records, made by the review migration (partial: TypeORM cannot declare it).
@Index('uq_memorials_country_live_slug', { synchronize: false })
@Index('ix_memorials_live_media_ids', { synchronize: false })
// Partial and descending, made by the search migration.
@Index('ix_memorials_country_live_published', { synchronize: false })
@Index('ix_memorials_country_updated', { synchronize: false })
export class MemorialEntity extends ContentRecordEntity<MemorialContent> {
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** The condition found by the latest survey, for map colours and filters. */
  @Column({ type: 'text', nullable: true })
  condition: Condition | null;
}
