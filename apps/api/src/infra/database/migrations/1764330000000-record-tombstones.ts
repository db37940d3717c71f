import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_TABLES = ['items', 'memorials', 'exhibitions', 'people'];

/**
 * Records that left the live side, for OAI-PMH harvesters (issue 15): a row
 * per record once live and live no more, removed by a new approval. Kept by
 * row triggers on each record table, so approval, unpublishing, archiving,
 * a person's merge, a deletion and plain SQL all leave the same trace in the
 * same transaction. Records that left before this migration left none:
 * the repository says `deletedRecord: transient`.
 */
export class RecordTombstones1764330000000 implements MigrationInterface {
  name = 'RecordTombstones1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "record_tombstones" ("collection" text NOT NULL, "record_id" uuid NOT NULL, "country_id" uuid NOT NULL,
         "removed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_record_tombstones" PRIMARY KEY ("collection", "record_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_record_tombstones_removed" ON "record_tombstones" ("removed_at", "collection", "record_id")`);
    await queryRunner.query(
      `CREATE FUNCTION "record_tombstones_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' OR NEW.live_revision IS NULL THEN
           IF OLD.live_revision IS NOT NULL THEN
             INSERT INTO "record_tombstones" ("collection", "record_id", "country_id", "removed_at")
             VALUES (TG_TABLE_NAME, OLD.id, OLD.country_id, clock_timestamp())
             ON CONFLICT ("collection", "record_id") DO UPDATE SET "removed_at" = EXCLUDED."removed_at", "country_id" = EXCLUDED."country_id";
           END IF;
         ELSIF OLD.live_revision IS NULL THEN
           DELETE FROM "record_tombstones" WHERE "collection" = TG_TABLE_NAME AND "record_id" = NEW.id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of RECORD_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_tombstones" AFTER UPDATE OF "live_revision" OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "record_tombstones_keep"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of RECORD_TABLES) await queryRunner.query(`DROP TRIGGER "trg_${table}_tombstones" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "record_tombstones_keep"()`);
    await queryRunner.query(`DROP TABLE "record_tombstones"`);
  }
}
