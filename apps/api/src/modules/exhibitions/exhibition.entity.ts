import type { ExhibitionDocument } from '@vitrina/contracts';
import { Check, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { ContentRecordEntity } from '../content/content-record.entity';

export type ExhibitionContent = Omit<ExhibitionDocument, 'slug'>;

@Entity({ name: 'exhibitions' })
@Unique('uq_exhibitions_country_slug', ['countryId', 'slug'])
@Index('ix_exhibitions_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_exhibitions_status', `"status" IN ('draft', 'published')`)
export class ExhibitionEntity extends ContentRecordEntity<ExhibitionContent> {
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;
}
