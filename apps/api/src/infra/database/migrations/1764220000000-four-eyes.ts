import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The four-eyes rule, per country: a moderator may not approve a revision
 * they submitted or wrote. On for every country, existing ones included:
 * the rule closes a hole in review, and an admin who wants a country without
 * it (a museum with a single moderator) switches it off on purpose, which
 * the audit log records.
 */
export class FourEyes1764220000000 implements MigrationInterface {
  name = 'FourEyes1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "countries" ADD "four_eyes" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "countries" DROP COLUMN "four_eyes"`);
  }
}
