import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_TABLES = ['items', 'memorials', 'exhibitions'];
const ROW_EVENTS = ['inserts', 'updates', 'deletes'];

/**
 * Says which row changed, so an API process drops only the public pages made
 * of it: the NOTIFY payload on `vitrina_public_changes` becomes
 * `<table> <id> <country id>` (twice, old and new country, when a row moves).
 * The record tables keep the conditions of PublicChangesLiveOnly1764140000000
 * (only a live side's change); media assets, whose one statement-level
 * trigger fired even for statements that changed no row (the periodic
 * clean-up's), get row-level triggers. A TRUNCATE, and any change of
 * `countries` (every page shows its country), still send the bare table
 * name, which drops everything.
 */
export class PublicChangesTargeted1764200000000 implements MigrationInterface {
  name = 'PublicChangesTargeted1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_public_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed record;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
        PERFORM pg_notify('vitrina_public_changes', TG_TABLE_NAME || ' ' || changed.id || ' ' || changed.country_id);
        IF TG_OP = 'UPDATE' AND OLD.country_id IS DISTINCT FROM NEW.country_id THEN
          PERFORM pg_notify('vitrina_public_changes', TG_TABLE_NAME || ' ' || OLD.id || ' ' || OLD.country_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of RECORD_TABLES) await replaceRecordTriggers(queryRunner, table, 'notify_public_row_change');
    await queryRunner.query(`DROP TRIGGER "trg_media_assets_public_changes" ON "media_assets"`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_media_assets_public_rows" AFTER INSERT OR UPDATE OR DELETE ON "media_assets" FOR EACH ROW EXECUTE FUNCTION "notify_public_row_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_media_assets_public_truncates" AFTER TRUNCATE ON "media_assets" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_media_assets_public_truncates" ON "media_assets"`);
    await queryRunner.query(`DROP TRIGGER "trg_media_assets_public_rows" ON "media_assets"`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_media_assets_public_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "media_assets" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`,
    );
    for (const table of [...RECORD_TABLES].reverse()) await replaceRecordTriggers(queryRunner, table, 'notify_public_changes');
    await queryRunner.query(`DROP FUNCTION "notify_public_row_change"()`);
  }
}

/**
 * Replaces a record table's three triggers with ones that fire under the
 * conditions of PublicChangesLiveOnly1764140000000 and run `triggerFunction`:
 * `notify_public_row_change` (whose payload names the row, so an update also
 * fires when the row moves to another country) going up, `notify_public_changes`
 * (the bare table name) going down.
 */
async function replaceRecordTriggers(
  queryRunner: QueryRunner,
  table: string,
  triggerFunction: 'notify_public_row_change' | 'notify_public_changes',
): Promise<void> {
  for (const event of ROW_EVENTS) await queryRunner.query(`DROP TRIGGER "trg_${table}_public_${event}" ON "${table}"`);
  const execute = `EXECUTE FUNCTION "${triggerFunction}"()`;
  const updateCondition = liveChanged(triggerFunction === 'notify_public_row_change');
  await queryRunner.query(
    `CREATE TRIGGER "trg_${table}_public_inserts" AFTER INSERT ON "${table}" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) ${execute}`,
  );
  await queryRunner.query(`CREATE TRIGGER "trg_${table}_public_updates" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (${updateCondition}) ${execute}`);
  await queryRunner.query(
    `CREATE TRIGGER "trg_${table}_public_deletes" AFTER DELETE ON "${table}" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) ${execute}`,
  );
}

/** The same condition as PublicChangesLiveOnly1764140000000's (a record's live side changed), and a move to another country. */
function liveChanged(orMoved: boolean): string {
  return ['live_revision', 'live_slug', 'live_content', 'live_media_ids', 'live_media_texts', 'published_at', ...(orMoved ? ['country_id'] : [])]
    .map((column) => `OLD."${column}" IS DISTINCT FROM NEW."${column}"`)
    .join(' OR ');
}
