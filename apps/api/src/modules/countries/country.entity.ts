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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
