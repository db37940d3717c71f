import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The studio's list of a country's people leaves merged records out
 * (`merged_into IS NULL`). Counting it read every row to test that: 460 ms
 * for the 10 000 a count now stops at (issue 18). The list's own order,
 * without the merged ones, lets page and count read the index alone.
 */
export class StudioPeopleList1764310000000 implements MigrationInterface {
  name = 'StudioPeopleList1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX "ix_people_country_unmerged_updated" ON "people" ("country_id", "updated_at" DESC, "id") WHERE "merged_into" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_people_country_unmerged_updated"`);
  }
}
