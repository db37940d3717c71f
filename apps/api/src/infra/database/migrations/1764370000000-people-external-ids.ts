import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The id a person has in the spreadsheet they were imported from: a re-import of the file updates them instead of adding them again. */
export class PeopleExternalIds1764370000000 implements MigrationInterface {
  name = 'PeopleExternalIds1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "people" ADD "external_id" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_people_country_external_id" ON "people" ("country_id", "external_id") WHERE "external_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_people_country_external_id"`);
    await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "external_id"`);
  }
}
