import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_TABLES = [
  { table: 'items', type: 'item', document: `content || jsonb_build_object('slug', slug, 'kind', kind)` },
  { table: 'memorials', type: 'memorial', document: `content || jsonb_build_object('slug', slug, 'kind', kind)` },
  { table: 'exhibitions', type: 'exhibition', document: `content || jsonb_build_object('slug', slug)` },
] as const;
const STATUSES = `'draft', 'in_review', 'changes_requested', 'rejected', 'published', 'unpublished', 'archived'`;
const LIVE_COLUMNS = [
  `"live_revision" integer`,
  `"live_content" jsonb`,
  `"live_slug" text`,
  `"live_media_ids" uuid array NOT NULL DEFAULT '{}'`,
  `"live_media_texts" jsonb NOT NULL DEFAULT '{}'`,
  `"submitted_at" TIMESTAMP WITH TIME ZONE`,
  `"submitted_by" uuid`,
  `"review_comment" text`,
];

/**
 * The review workflow: revisions of every save, a live revision per record
 * apart from the latest, the append-only audit log and notifications.
 * Records published before this migration become live at their current
 * version, which becomes their first revision.
 */
export class Review1764090000000 implements MigrationInterface {
  name = 'Review1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "content_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "record_type" text NOT NULL, "record_id" uuid NOT NULL, "country_id" uuid NOT NULL, "number" integer NOT NULL, "content" jsonb NOT NULL, "media_texts" jsonb NOT NULL DEFAULT '{}', "author_id" uuid, "restored_from" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_content_revisions_record_number" UNIQUE ("record_type", "record_id", "number"), CONSTRAINT "ck_content_revisions_type" CHECK ("record_type" IN ('item', 'memorial', 'exhibition')), CONSTRAINT "PK_750b063aa2aad282d6a5fd2db2a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "content_revisions" ADD CONSTRAINT "FK_f011a4a9543f12c8241b5294130" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    for (const { table, type, document } of RECORD_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}_status"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}_status" CHECK ("status" IN (${STATUSES}))`);
      for (const column of LIVE_COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ADD ${column}`);
      await queryRunner.query(`CREATE UNIQUE INDEX "uq_${table}_country_live_slug" ON "${table}" ("country_id", "live_slug") WHERE "live_slug" IS NOT NULL`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_live_media_ids" ON "${table}" USING gin ("live_media_ids")`);
      await queryRunner.query(
        `INSERT INTO "content_revisions" ("record_type", "record_id", "country_id", "number", "content", "author_id", "created_at")
         SELECT '${type}', id, country_id, version, ${document}, updated_by, updated_at FROM "${table}"`,
      );
      await queryRunner.query(
        `UPDATE "${table}" SET live_revision = version, live_content = ${document}, live_slug = slug, live_media_ids = media_ids WHERE status = 'published'`,
      );
    }

    await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text, "action" text NOT NULL, "country_id" uuid, "entity_type" text, "entity_id" uuid, "from_state" text, "to_state" text, "ip" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_country_id" ON "audit_log" ("country_id", "id") `);
    await queryRunner.query(`CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);

    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "country_id" uuid NOT NULL, "record_type" text NOT NULL, "record_id" uuid NOT NULL, "title" text NOT NULL, "comment" text, "actor_name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications" ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    for (const { table } of [...RECORD_TABLES].reverse()) {
      // What is live stays published; every other state was a draft before reviews existed.
      await queryRunner.query(`UPDATE "${table}" SET status = CASE WHEN live_revision IS NOT NULL THEN 'published' ELSE 'draft' END`);
      await queryRunner.query(`DROP INDEX "ix_${table}_live_media_ids"`);
      await queryRunner.query(`DROP INDEX "uq_${table}_country_live_slug"`);
      for (const column of [...LIVE_COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN ${column.split(' ')[0]}`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}_status"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}_status" CHECK ("status" IN ('draft', 'published'))`);
    }
    await queryRunner.query(`DROP TABLE "content_revisions"`);
  }
}
