import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What searching a term with more matches than search ranks at once needs
 * (see search-plan.ts), and prefix suggestions:
 * - the full-text GIN index also holds the date key, the country and the
 *   type (btree_gin), so the matches of a few years, or of one country, are
 *   found inside the index, without reading the rows of the others;
 * - a btree on the date key and the id, which a common term walks;
 * - known words by prefix (text_pattern_ops, for LIKE 'ab%').
 */
export class SearchOrder1764170000000 implements MigrationInterface {
  name = 'SearchOrder1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_tsv"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_tsv" ON "search_documents" USING gin ("tsv", (coalesce("year", -1)), "country_id", "record_type")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_date" ON "search_documents" ((coalesce("year", -1)), "id")`);
    await queryRunner.query(`CREATE INDEX "ix_search_words_prefix" ON "search_words" ("word" text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_search_words_prefix"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_date"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_tsv"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_tsv" ON "search_documents" USING gin ("tsv")`);
  }
}
