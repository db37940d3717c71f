import type { ItemDocument } from '@vitrina/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../../countries/country.entity';
import { CONTENT_STATUS_LIST, ContentRecordEntity } from '../content-record.entity';

export type ItemContent = Omit<ItemDocument, 'slug' | 'kind'>;

@Entity({ name: 'items' })
@Unique('uq_items_country_slug', ['countryId', 'slug'])
// GIN, made by the media-references migration (TypeORM cannot declare the method).
@Index('ix_items_media_ids', { synchronize: false })
@Index('ix_items_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_items_status', `"status" IN (${CONTENT_STATUS_LIST})`)
// Unique among live records, made by the review migration (partial: TypeORM cannot declare it).
@Index('uq_items_country_live_slug', { synchronize: false })
@Index('ix_items_live_media_ids', { synchronize: false })
// Partial and descending, made by the search migration.
@Index('ix_items_country_live_published', { synchronize: false })
@Index('ix_items_country_updated', { synchronize: false })
export class ItemEntity extends ContentRecordEntity<ItemContent> {
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;

  @Column({ name: 'earliest_year', type: 'integer', nullable: true })
  earliestYear: number | null;

  @Column({ name: 'latest_year', type: 'integer', nullable: true })
  latestYear: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;
}
