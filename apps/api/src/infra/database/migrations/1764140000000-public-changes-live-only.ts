import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_TABLES = ['items', 'memorials', 'exhibitions'];

/** The columns of a record that visitors see (its live revision); everything else is the draft. */
const LIVE_CHANGED = ['live_revision', 'live_slug', 'live_content', 'live_media_ids', 'live_media_texts', 'published_at']
  .map((column) => `OLD."${column}" IS DISTINCT FROM NEW."${column}"`)
  .join(' OR ');

/**
 * Curators save drafts far more often than moderators publish; a draft save
 * must not empty every process's cache of public pages. For the three record
 * tables, notify only when a row's live side changes (row-level triggers; the
 * NOTIFYs of one transaction are folded into one), or a live row comes or goes.
 */
export class PublicChangesLiveOnly1764140000000 implements MigrationInterface {
  name = 'PublicChangesLiveOnly1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of RECORD_TABLES) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_public_changes" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_inserts" AFTER INSERT ON "${table}" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_updates" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (${LIVE_CHANGED}) EXECUTE FUNCTION "notify_public_changes"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_deletes" AFTER DELETE ON "${table}" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_truncates" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...RECORD_TABLES].reverse()) {
      for (const kind of ['truncates', 'deletes', 'updates', 'inserts']) await queryRunner.query(`DROP TRIGGER "trg_${table}_public_${kind}" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`,
      );
    }
  }
}
