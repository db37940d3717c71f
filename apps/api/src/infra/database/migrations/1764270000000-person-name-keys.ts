import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding people as families spell them (issue 14): each person's search row
 * holds the keys of their names (`@vitrina/names`: every script and
 * transliteration folded together), the same keys with their deletion
 * neighbours (a letter misspelt), the keys of their places, and a card of
 * what a find-a-person hit shows and filters by (rank, unit, fate, years,
 * burial). Array overlap (`&&`) on GIN indexes answers a name.
 *
 * The keys are computed in the API, not in SQL, so the rows are emptied here
 * and the API builds them again from the live records when it starts
 * (SearchIndex.reindexIfEmpty), as the people migration does.
 */
export class PersonNameKeys1764270000000 implements MigrationInterface {
  name = 'PersonNameKeys1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "search_documents"`);
    await queryRunner.query(`ALTER TABLE "search_documents"
      ADD COLUMN "name_keys" text[] NOT NULL DEFAULT '{}',
      ADD COLUMN "name_fuzzy_keys" text[] NOT NULL DEFAULT '{}',
      ADD COLUMN "place_keys" text[] NOT NULL DEFAULT '{}',
      ADD COLUMN "person_card" jsonb`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_name_keys" ON "search_documents" USING gin ("name_keys")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_name_fuzzy_keys" ON "search_documents" USING gin ("name_fuzzy_keys")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_place_keys" ON "search_documents" USING gin ("place_keys")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "search_documents"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_place_keys"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_name_fuzzy_keys"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_name_keys"`);
    await queryRunner.query(`ALTER TABLE "search_documents" DROP COLUMN "person_card", DROP COLUMN "place_keys", DROP COLUMN "name_fuzzy_keys", DROP COLUMN "name_keys"`);
  }
}
