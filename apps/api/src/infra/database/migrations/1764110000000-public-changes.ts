import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the public pages are made of. */
const PUBLIC_SOURCES = ['countries', 'items', 'memorials', 'exhibitions', 'media_assets'];

/**
 * Tells every API process when anything the public pages show may have
 * changed: a statement-level trigger on each source table sends a NOTIFY on
 * `vitrina_public_changes` (delivered on commit, once per table and
 * transaction), whoever wrote (a review decision, a country edit, a media
 * job in a worker process, plain SQL). The processes' caches of published
 * snapshots listen and drop what they hold.
 */
export class PublicChanges1764110000000 implements MigrationInterface {
  name = 'PublicChanges1764110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_public_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('vitrina_public_changes', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of PUBLIC_SOURCES) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_public_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...PUBLIC_SOURCES].reverse()) await queryRunner.query(`DROP TRIGGER "trg_${table}_public_changes" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_public_changes"()`);
  }
}
