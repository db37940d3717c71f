import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An upload under way: written before its original is sent to the store and
 * deleted once the asset's row exists (or the object is removed again). One
 * left behind names an object that a crash or an outage may have orphaned,
 * so the clean-up job looks at these rows, never at the whole bucket.
 */
@Entity({ name: 'media_uploads' })
@Index('ix_media_uploads_started_at', ['startedAt'])
export class MediaUploadEntity {
  /** The asset id chosen for the upload: its objects live under `{country}/{asset}/`. */
  @PrimaryColumn({ name: 'asset_id', type: 'uuid' })
  assetId: string;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;
}
