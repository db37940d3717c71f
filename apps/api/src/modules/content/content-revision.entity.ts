import type { MediaTexts, RecordType } from '@vitrina/contracts';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';

/**
 * One save of an item, memorial or exhibition: the whole document as it was,
 * with the texts of its media. Revisions are never changed; restoring an old
 * one makes a new revision with its content.
 */
@Entity({ name: 'content_revisions' })
@Unique('uq_content_revisions_record_number', ['recordType', 'recordId', 'number'])
@Check('ck_content_revisions_type', `"record_type" IN ('item', 'memorial', 'exhibition', 'person')`)
export class ContentRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'record_type', type: 'text' })
  recordType: RecordType;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;

  /** 1, 2, 3…: equal to the record's `version` after the save that made it. */
  @Column({ type: 'integer' })
  number: number;

  /** The validated document, slug (and kind) included. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'media_texts', type: 'jsonb', default: () => `'{}'` })
  mediaTexts: Record<string, MediaTexts>;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'restored_from', type: 'integer', nullable: true })
  restoredFrom: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
