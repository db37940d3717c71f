import type { ContentLanguage, LanguageMap, LocalizedText } from '@vitrina/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A tenant: one country museum on the shared installation. */
@Entity({ name: 'countries' })
export class CountryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'jsonb' })
  names: LanguageMap;

  @Column({ name: 'default_language', type: 'text' })
  defaultLanguage: ContentLanguage;

  @Column({ type: 'text', array: true })
  languages: ContentLanguage[];

  @Column({ type: 'jsonb', nullable: true })
  intro: LocalizedText | null;

  /** The four-eyes rule: a moderator may not approve a revision they submitted or wrote (see WorkflowService.approve). */
  @Column({ name: 'four_eyes', type: 'boolean', default: true })
  fourEyes: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
