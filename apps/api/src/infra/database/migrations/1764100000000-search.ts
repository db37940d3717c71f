import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search over what is published: one row per live record and per person
 * named on a live memorial, with a stored tsvector (GIN) and trigram index
 * on names. Also the indexes the country page and the studio lists need at
 * a million records. The rows themselves are written by the application
 * (it reindexes everything live on start when the table is empty).
 */
export class Search1764100000000 implements MigrationInterface {
  name = 'Search1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "search_documents" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "record_type" text NOT NULL, "record_id" uuid NOT NULL, "person_index" integer NOT NULL DEFAULT '-1', "country_id" uuid NOT NULL, "slug" text NOT NULL, "kind" text, "title" jsonb NOT NULL, "person" jsonb, "body" jsonb NOT NULL DEFAULT '{}', "names" text NOT NULL, "decades" integer array NOT NULL DEFAULT '{}', "year" integer, "condition" text, "has_media" boolean NOT NULL DEFAULT false, "image_id" uuid, "lat" double precision, "lng" double precision, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tsv" tsvector NOT NULL, CONSTRAINT "uq_search_documents_entry" UNIQUE ("record_type", "record_id", "person_index"), CONSTRAINT "ck_search_documents_type" CHECK ("record_type" IN ('item', 'memorial', 'exhibition', 'person')), CONSTRAINT "PK_bc42b02dc01b44241830f638cf6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_record" ON "search_documents" ("record_id") `);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_tsv" ON "search_documents" USING gin ("tsv")`);
    await queryRunner.query(`CREATE INDEX "ix_search_documents_names" ON "search_documents" USING gin ("names" gin_trgm_ops)`);
    for (const table of ['items', 'memorials', 'exhibitions']) {
      // The country page: newest live records first.
      await queryRunner.query(`CREATE INDEX "ix_${table}_country_live_published" ON "${table}" ("country_id", "published_at" DESC, "id") WHERE "live_revision" IS NOT NULL`);
      // The studio list: latest edits first, with or without a status filter.
      await queryRunner.query(`CREATE INDEX "ix_${table}_country_updated" ON "${table}" ("country_id", "updated_at" DESC, "id")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['exhibitions', 'memorials', 'items']) {
      await queryRunner.query(`DROP INDEX "ix_${table}_country_updated"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_country_live_published"`);
    }
    await queryRunner.query(`DROP TABLE "search_documents"`);
  }
}
