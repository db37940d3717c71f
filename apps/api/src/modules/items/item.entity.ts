import type { ItemDocument } from '@vitrina/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { ContentRecordEntity } from '../content/content-record.entity';

export type ItemContent = Omit<ItemDocument, 'slug' | 'kind'>;

@Entity({ name: 'items' })
@Unique('uq_items_country_slug', ['countryId', 'slug'])
@Index('ix_items_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_items_status', `"status" IN ('draft', 'published')`)
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
