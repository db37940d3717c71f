import type { PersonDocument } from '@vitrina/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CountryEntity } from '../../countries/country.entity';
import { CONTENT_STATUS_LIST, ContentRecordEntity } from '../content-record.entity';

/** The document less its slug; the `kind` column holds the person's fate (the studio list's filter). */
export type PersonContent = Omit<PersonDocument, 'slug'>;

@Entity({ name: 'people' })
@Unique('uq_people_country_slug', ['countryId', 'slug'])
// GIN, made by the people migration (TypeORM cannot declare the method).
@Index('ix_people_media_ids', { synchronize: false })
@Index('ix_people_country_status_updated', ['countryId', 'status', 'updatedAt'])
@Check('ck_people_status', `"status" IN (${CONTENT_STATUS_LIST})`)
// Partial, descending or GIN over the live links, made by the people migration.
@Index('uq_people_country_live_slug', { synchronize: false })
@Index('ix_people_live_media_ids', { synchronize: false })
@Index('ix_people_country_live_published', { synchronize: false })
@Index('ix_people_country_updated', { synchronize: false })
@Index('ix_people_live_memorials', { synchronize: false })
// The public register's order (by name, byte order, then id), made by the people-public-order migration.
@Index('ix_people_country_live_name', { synchronize: false })
// GIN over the name keys and a partial index of the merged, made by the person-duplicates migration.
@Index('ix_people_name_keys', { synchronize: false })
@Index('ix_people_merged_into', { synchronize: false })
@Index('ix_people_country_unmerged_updated', { synchronize: false })
// Unique per country where set, made by the people-external-ids migration.
@Index('uq_people_country_external_id', { synchronize: false })
@Check('ck_people_not_merged_into_self', `"merged_into" IS DISTINCT FROM "id"`)
export class PersonEntity extends ContentRecordEntity<PersonContent> {
  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;

  /** The keys of every spelling of the latest revision's names, with deletion neighbours (personNameKeys): duplicate suggestions. */
  @Column({ name: 'name_keys', type: 'text', array: true, default: () => `'{}'` })
  nameKeys: string[];

  /** The person this one was merged into: a retired duplicate, out of lists, its old address redirecting there. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  /** The id the person has in the spreadsheet they were imported from (the `external_id` column): a re-import updates them. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into', foreignKeyConstraintName: 'fk_people_merged_into' })
  survivor?: PersonEntity;
}
