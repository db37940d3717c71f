import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every filter a visitor can click, inside the full-text GIN index (issue 18):
 * besides the words, the date key, the country and the type, it now holds the
 * condition, whether there are pictures, the decades and the kind. A search
 * with any combination of filters, with words or without, then intersects
 * posting lists inside the index and reads only the rows that pass them all,
 * however rare that combination is among the word's matches (a common word in
 * one country, of one decade, in critical condition: a few rows out of a
 * hundred thousand matches).
 *
 * The filters are far from independent (a condition only for memorials and
 * their people; one country's import all memorials), and the planner's
 * estimate decides between counting exactly and estimating (search-plan.ts):
 * extended statistics give it the combinations as they are.
 *
 * Browsing without words walks rows newest first (by id) or by date, and
 * tests each against the filters: both btrees now carry the filter columns,
 * so the walk reads the index alone (an index-only scan), never the rows it
 * passes over. Browsing one type, one country, or both, newest first, starts
 * from btrees led by them: wherever that country's rows are stored (a bulk
 * import a year ago, behind a million newer rows), the newest come first.
 */
export class SearchFiltersInIndex1764300000000 implements MigrationInterface {
  name = 'SearchFiltersInIndex1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Index builds over millions of rows take minutes: not bound by the 30 s a request may take (SET LOCAL: this migration's transaction only).
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_tsv"`);
    await queryRunner.query(
      `CREATE INDEX "ix_search_documents_tsv" ON "search_documents" USING gin ("tsv", (coalesce("year", -1)), "country_id", "record_type", "condition", "has_media", "decades", "kind")`,
    );
    await queryRunner.query(`DROP INDEX "ix_search_documents_date"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_date" ON "search_documents" ((coalesce("year", -1)), "id") INCLUDE ("year", "country_id", "record_type", "kind", "condition", "has_media", "decades")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_newest" ON "search_documents" ("id") INCLUDE ("country_id", "record_type", "kind", "condition", "has_media", "decades")`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_country_type"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_country_type" ON "search_documents" ("country_id", "record_type", "id") INCLUDE ("kind", "condition", "has_media", "decades")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_country_newest" ON "search_documents" ("country_id", "id") INCLUDE ("record_type", "kind", "condition", "has_media", "decades")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_type_newest" ON "search_documents" ("record_type", "id") INCLUDE ("country_id", "kind", "condition", "has_media", "decades")`);
    await queryRunner.query(`CREATE STATISTICS "st_search_documents_filters" (mcv, dependencies) ON "country_id", "record_type", "kind", "condition", "has_media" FROM "search_documents"`);
    await queryRunner.query(`ALTER STATISTICS "st_search_documents_filters" SET STATISTICS 1000`);
    await queryRunner.query(`ANALYZE "search_documents"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`DROP STATISTICS "st_search_documents_filters"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_type_newest"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_country_newest"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_country_type"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_country_type" ON "search_documents" ("country_id", "record_type")`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_newest"`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_date"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_date" ON "search_documents" ((coalesce("year", -1)), "id")`);
    await queryRunner.query(`DROP INDEX "ix_search_documents_tsv"`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_tsv" ON "search_documents" USING gin ("tsv", (coalesce("year", -1)), "country_id", "record_type")`);
  }
}
