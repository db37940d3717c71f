import type { LocalizedText, MediaKind, MediaStatus } from '@vitrina/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import type { HiddenBox } from './mp4-metadata';

/**
 * An uploaded file. Its original lives in object storage under
 * `{country}/{asset}/original`; the row is written only after the object is.
 */
@Entity({ name: 'media_assets' })
@Unique('uq_media_assets_country_sha256', ['countryId', 'sha256'])
@Check('ck_media_assets_status', `"status" IN ('processing', 'ready', 'failed')`)
// The clean-up looks for assets stuck in processing: it reads only those, however many assets there are.
@Index('ix_media_assets_processing', ['createdAt'], { where: `"status" = 'processing'` })
export class MediaAssetEntity {
  /** Chosen before the upload, because the object key is built from it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @ManyToOne(() => CountryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_id' })
  country: CountryEntity;

  @Column({ type: 'text' })
  kind: MediaKind;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType: string;

  @Column({ name: 'byte_size', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  byteSize: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'original_name', type: 'text', nullable: true })
  originalName: string | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  /** A tiny placeholder shown while the image loads (base64 thumbhash). */
  @Column({ type: 'text', nullable: true })
  thumbhash: string | null;

  /** Widths of the WebP renditions that exist. */
  @Column({ name: 'derivative_widths', type: 'integer', array: true, nullable: true })
  derivativeWidths: number[] | null;

  /** Scale factors of the IIIF tile pyramid, when the image was large enough to have one. */
  @Column({ name: 'tile_scale_factors', type: 'integer', array: true, nullable: true })
  tileScaleFactors: number[] | null;

  @Column({ type: 'text', default: 'processing' })
  status: MediaStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** How many times a worker started processing it since it was (re-)uploaded; bounded, see MAX_PROCESSING_ATTEMPTS. */
  @Column({ name: 'processing_attempts', type: 'integer', default: 0 })
  processingAttempts: number;

  /** When the last of those attempts started (null: none yet). */
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  alt: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  caption: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  credit: LocalizedText;

  @Column({ type: 'text', nullable: true })
  rights: string | null;

  /** Audio and video: what is said, per language. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  transcript: LocalizedText;

  /**
   * The latest captions of each language with a WebVTT file (its keys are
   * those languages, see captionLanguagesOf): the SHA-256 of the file, stored
   * at `{country}/{asset}/captions/{lang}-{sha256}.vtt`. Each revision records
   * the versions it was saved with, so visitors keep the approved captions.
   */
  @Column({ name: 'caption_versions', type: 'jsonb', default: () => `'{}'` })
  captionVersions: Record<string, string>;

  /** Audio and video in MP4: the metadata boxes blanked for visitors (null until the file is processed). */
  @Column({ name: 'metadata_boxes', type: 'jsonb', nullable: true })
  metadataBoxes: HiddenBox[] | null;

  /** Set while a moderator has withdrawn the file from the public: no visitor gets it, whatever record shows it. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The languages an asset has captions in. */
export function captionLanguagesOf(asset: Pick<MediaAssetEntity, 'captionVersions'>): string[] {
  return Object.keys(asset.captionVersions);
}
