import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns a visitor filters by, in the order of the combination's key. */
const COMBINATION = `"country_id", "record_type", "kind", "condition", "has_media", "decades"`;

/**
 * Search rows counted per combination of filter values (SearchFilterCountEntity,
 * issue 18). Browsing without words took its total and facet counts from
 * samples of up to 600 rows per facet, walking indexes over hundreds of
 * thousands of entries to find them (229–622 ms at 1M records, 16
 * statements); these counts answer exactly from a few thousand rows.
 *
 * Statement-level triggers keep them: whatever writes `search_documents` (the
 * API's indexing, a bulk import, the benchmark's generator) appends the
 * counts of the rows it inserted and, negative, of those it deleted, one row
 * per combination per statement, in the statement's transaction. Appended,
 * never updated: an approval that moves a memorial from one condition to
 * another, beside one that moves another the other way, would otherwise lock
 * the same two counts in opposite orders and deadlock. Readers sum per
 * combination; a scheduled job (SearchFilterCountsWorker) folds the appended
 * rows into one per combination.
 */
export class SearchFilterCounts1764320000000 implements MigrationInterface {
  name = 'SearchFilterCounts1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(
      `CREATE TABLE "search_filter_counts" (
         "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
         "country_id" uuid NOT NULL, "record_type" text NOT NULL, "kind" text, "condition" text,
         "has_media" boolean NOT NULL, "decades" integer array NOT NULL, "rows" bigint NOT NULL,
         CONSTRAINT "PK_search_filter_counts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "search_filter_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           INSERT INTO "search_filter_counts" (${COMBINATION}, "rows") SELECT ${COMBINATION}, count(*) FROM "new_rows" GROUP BY ${COMBINATION};
         END IF;
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           INSERT INTO "search_filter_counts" (${COMBINATION}, "rows") SELECT ${COMBINATION}, -count(*) FROM "old_rows" GROUP BY ${COMBINATION};
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`CREATE FUNCTION "search_filter_counts_clear"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM "search_filter_counts"; RETURN NULL; END $$`);
    // A trigger with transition tables fires on one event only.
    await queryRunner.query(
      `CREATE TRIGGER "trg_search_documents_counts_insert" AFTER INSERT ON "search_documents" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_filter_counts_add"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_search_documents_counts_delete" AFTER DELETE ON "search_documents" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_filter_counts_add"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_search_documents_counts_update" AFTER UPDATE ON "search_documents" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_filter_counts_add"()`,
    );
    await queryRunner.query(`CREATE TRIGGER "trg_search_documents_counts_truncate" AFTER TRUNCATE ON "search_documents" FOR EACH STATEMENT EXECUTE FUNCTION "search_filter_counts_clear"()`);
    await queryRunner.query(
      `INSERT INTO "search_filter_counts" (${COMBINATION}, "rows") SELECT ${COMBINATION}, count(*) FROM "search_documents" GROUP BY ${COMBINATION}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update', 'truncate']) await queryRunner.query(`DROP TRIGGER "trg_search_documents_counts_${event}" ON "search_documents"`);
    await queryRunner.query(`DROP FUNCTION "search_filter_counts_add"()`);
    await queryRunner.query(`DROP FUNCTION "search_filter_counts_clear"()`);
    await queryRunner.query(`DROP TABLE "search_filter_counts"`);
  }
}
