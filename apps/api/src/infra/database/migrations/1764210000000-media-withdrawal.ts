import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A moderator can withdraw one file from the public everywhere at once,
 * whatever records show it: `withdrawn_at` is set while it is withdrawn
 * (who did it and why are in the audit log). The column lives on
 * `media_assets`, whose trigger already tells every API process's caches.
 */
export class MediaWithdrawal1764210000000 implements MigrationInterface {
  name = 'MediaWithdrawal1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "withdrawn_at"`);
  }
}
