import type { ExhibitionDocument } from '@vitrina/contracts';
import { Check, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../../countries/country.entity';
import { CONTENT_STATUS_LIST, ContentRecordEntity } from '../content-record.entity';

export type ExhibitionContent = Omit<ExhibitionDocument, 'slug'>;

@Entity({ name: 'exhibitions' })
@Unique('uq_exhibitions_country_slug', ['countryId', 'slug'])
// GIN, made by the media-references migration (TypeORM cannot declare the method).
@Index('ix_exhibitions_media_ids', { synchronize: false })
@Index('ix_exhibitions_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_exhibitions_status', `"status" IN (${CONTENT_STATUS_LIST})`)
// Unique among live records, made by the review migration (partial: TypeORM cannot declare it).
@Index('uq_exhibitions_country_live_slug', { synchronize: false })
@Index('ix_exhibitions_live_media_ids', { synchronize: false })
// Partial and descending, made by the search migration.
@Index('ix_exhibitions_country_live_published', { synchronize: false })
@Index('ix_exhibitions_country_updated', { synchronize: false })
export class ExhibitionEntity extends ContentRecordEntity<ExhibitionContent> {
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;
}
