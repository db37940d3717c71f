import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads under way are recorded (`media_uploads`) so that the clean-up job
 * finds abandoned objects from these rows instead of listing the bucket; and
 * each asset counts the starts of its processing, so that a worker killed on
 * every attempt ends in `failed` with a reason instead of being retried for ever.
 */
export class MediaUploadTracking1764160000000 implements MigrationInterface {
  name = 'MediaUploadTracking1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "media_uploads" ("asset_id" uuid NOT NULL, "country_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d32dde04a6419e67744db8127b1" PRIMARY KEY ("asset_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_media_uploads_started_at" ON "media_uploads" ("started_at")`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "processing_attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "last_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_media_assets_processing" ON "media_assets" ("created_at") WHERE "status" = 'processing'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_media_assets_processing"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "last_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "processing_attempts"`);
    await queryRunner.query(`DROP TABLE "media_uploads"`);
  }
}
