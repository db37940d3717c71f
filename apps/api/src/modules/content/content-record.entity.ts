import { CONTENT_STATUSES, type ContentStatus, type MediaTexts } from '@vitrina/contracts';
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

  /** Every media asset the document shows, so "is this asset published anywhere?" is one indexed lookup. */
  @Column({ name: 'media_ids', type: 'uuid', array: true, default: () => `'{}'` })
  mediaIds: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  /** When the live revision was approved. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The revision visitors see; null while nothing is published. */
  @Column({ name: 'live_revision', type: 'integer', nullable: true })
  liveRevision: number | null;

  /** The live revision's whole document (slug and kind included), so public reads never touch revisions. */
  @Column({ name: 'live_content', type: 'jsonb', nullable: true })
  liveContent: Record<string, unknown> | null;

  /** The live revision's slug: public addresses keep working while a renamed draft awaits review. */
  @Column({ name: 'live_slug', type: 'text', nullable: true })
  liveSlug: string | null;

  @Column({ name: 'live_media_ids', type: 'uuid', array: true, default: () => `'{}'` })
  liveMediaIds: string[];

  /** Texts of the live revision's media as approved (alt, captions…), keyed by asset id. */
  @Column({ name: 'live_media_texts', type: 'jsonb', default: () => `'{}'` })
  liveMediaTexts: Record<string, MediaTexts>;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  /** The moderator's last comment, shown to curators in the studio. */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** For the CHECK constraints of the record tables. */
export const CONTENT_STATUS_LIST = CONTENT_STATUSES.map((status) => `'${status}'`).join(', ');
