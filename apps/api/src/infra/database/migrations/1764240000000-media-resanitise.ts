import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ISO-BMFF types whose metadata boxes are blanked (ISO_BMFF_TYPES in mp4-metadata.ts). */
const ISO_BMFF = `'video/mp4', 'audio/mp4', 'audio/x-m4a', 'video/quicktime'`;

/**
 * Files processed before PDFs were rewritten without scripts and author
 * metadata, and before MP4 metadata boxes were looked for in fragments, are
 * processed again: they go back to `processing` with no attempt, and the
 * clean-up job (every fifteen minutes) queues them. A PDF is not served until
 * then; a film keeps being served meanwhile, with the boxes found before.
 */
export class MediaResanitise1764240000000 implements MigrationInterface {
  name = 'MediaResanitise1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "media_assets" SET "status" = 'processing', "processing_attempts" = 0, "last_attempt_at" = NULL
        WHERE "status" = 'ready' AND ("kind" = 'document' OR "mime_type" IN (${ISO_BMFF}))`,
    );
  }

  /** Whatever has not been processed again yet is ready as it was; rewritten PDFs stay rewritten (nothing was lost but metadata). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "media_assets" SET "status" = 'ready'
        WHERE "status" = 'processing' AND "processing_attempts" = 0 AND "last_attempt_at" IS NULL
          AND ("kind" = 'document' OR "mime_type" IN (${ISO_BMFF}))`,
    );
  }
}
