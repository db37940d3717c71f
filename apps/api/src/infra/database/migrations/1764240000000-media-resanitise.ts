import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ISO-BMFF types whose metadata boxes are blanked (ISO_BMFF_TYPES in mp4-metadata.ts). */
const ISO_BMFF = `'video/mp4', 'audio/mp4', 'audio/x-m4a', 'video/quicktime'`;

/**
 * Files processed before PDFs were rewritten without scripts and author
 * metadata, and before MP4 metadata boxes were looked for in fragments:
 *
 * - ready PDFs go back to `processing` with no attempt, so the clean-up job
 *   (every fifteen minutes) queues them and they are rewritten; until then
 *   they are not served, as they still carry what the rewrite removes;
 * - MP4s forget the boxes found then, so serving looks for them again, in
 *   fragments too, and films stay on show meanwhile.
 */
export class MediaResanitise1764240000000 implements MigrationInterface {
  name = 'MediaResanitise1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "media_assets" SET "status" = 'processing', "processing_attempts" = 0, "last_attempt_at" = NULL
        WHERE "status" = 'ready' AND "kind" = 'document'`,
    );
    await queryRunner.query(`UPDATE "media_assets" SET "metadata_boxes" = NULL WHERE "mime_type" IN (${ISO_BMFF})`);
  }

  /**
   * PDFs not yet processed again are ready as they were; rewritten ones stay
   * rewritten, and MP4 boxes stay to be found when served (nothing was lost
   * but metadata, and serving needs no recorded boxes).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "media_assets" SET "status" = 'ready'
        WHERE "status" = 'processing' AND "processing_attempts" = 0 AND "last_attempt_at" IS NULL AND "kind" = 'document'`,
    );
  }
}
