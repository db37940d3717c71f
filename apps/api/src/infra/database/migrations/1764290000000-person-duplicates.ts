import type { MigrationInterface, QueryRunner } from 'typeorm';
import { personNameKeys } from '../../../modules/content/person-name-keys';

/** Rows of people keyed per statement while the keys of existing people are filled. */
const BATCH = 500;

/**
 * Duplicate people (issue 14). `name_keys`: the keys of a person's every
 * spelling with their deletion neighbours (@vitrina/names), of the latest
 * revision (drafts included), GIN-indexed with the country (btree_gin, as
 * search already uses) so suggestions are one overlap query within one
 * country, never a walk of it; filled here for existing people, a
 * keyset batch at a time, and by every save after. `merged_into`: the person
 * a retired duplicate was merged into (its revisions stay; its old address
 * redirects there).
 */
export class PersonDuplicates1764290000000 implements MigrationInterface {
  name = 'PersonDuplicates1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "people"
      ADD COLUMN "name_keys" text[] NOT NULL DEFAULT '{}',
      ADD COLUMN "merged_into" uuid,
      ADD CONSTRAINT "fk_people_merged_into" FOREIGN KEY ("merged_into") REFERENCES "people"("id") ON DELETE RESTRICT,
      ADD CONSTRAINT "ck_people_not_merged_into_self" CHECK ("merged_into" IS DISTINCT FROM "id")`);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; content: { name?: string; variants?: string[]; title?: never } }[] = await queryRunner.query(
        `SELECT id, content FROM "people" WHERE id > $1::uuid ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const keyed = rows.map((row) => ({ id: row.id, keys: personNameKeys(row.content) }));
      await queryRunner.query(
        `UPDATE "people" p SET "name_keys" = ARRAY(SELECT jsonb_array_elements_text(v.keys))
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, keys jsonb) WHERE p.id = v.id`,
        [JSON.stringify(keyed)],
      );
      after = rows[rows.length - 1].id;
    }
    await queryRunner.query(`CREATE INDEX "ix_people_name_keys" ON "people" USING gin ("country_id", "name_keys")`);
    await queryRunner.query(`CREATE INDEX "ix_people_merged_into" ON "people" ("merged_into") WHERE "merged_into" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_people_merged_into"`);
    await queryRunner.query(`DROP INDEX "ix_people_name_keys"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "ck_people_not_merged_into_self", DROP CONSTRAINT "fk_people_merged_into", DROP COLUMN "merged_into", DROP COLUMN "name_keys"`);
  }
}
