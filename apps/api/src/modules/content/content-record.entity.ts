import type { ContentStatus } from '@vitrina/contracts';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every curated record (item, memorial, exhibition) has. The
 * descriptive fields live in `content` as one validated JSON document — the
 * same shape the studio saves and a revision will snapshot; the columns
 * beside it are copies kept for filtering, sorting and uniqueness.
 */
export abstract class ContentRecordEntity<TContent extends object> {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text', default: 'draft' })
  status: ContentStatus;

  /** Bumped by every save; a save naming an older version is refused with 409. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'jsonb' })
  content: TContent;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
