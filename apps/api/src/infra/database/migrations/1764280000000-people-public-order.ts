import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order of the public register of people (`GET /api/public/countries/:country/people`):
 * a country's live people by name (byte order, the same on every database) then id. A page
 * after a cursor is then a walk of this index from that key, however many people there are.
 */
export class PeoplePublicOrder1764280000000 implements MigrationInterface {
  name = 'PeoplePublicOrder1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_people_country_live_name" ON "people" ("country_id", (("live_content"->>'name') COLLATE "C"), "id") WHERE "live_revision" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_people_country_live_name"`);
  }
}
