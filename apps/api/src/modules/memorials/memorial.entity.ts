import type { Condition, MemorialDocument } from '@vitrina/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { ContentRecordEntity } from '../content/content-record.entity';

export type MemorialContent = Omit<MemorialDocument, 'slug' | 'kind'>;

@Entity({ name: 'memorials' })
@Unique('uq_memorials_country_slug', ['countryId', 'slug'])
@Index('ix_memorials_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_memorials_status', `"status" IN ('draft', 'published')`)
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
