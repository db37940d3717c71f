import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Items, memorials and exhibitions; the country page's introduction. */
export class Collections1764060000000 implements MigrationInterface {
  name = 'Collections1764060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "exhibitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country_id" uuid NOT NULL, "slug" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "created_by" uuid, "updated_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_exhibitions_country_slug" UNIQUE ("country_id", "slug"), CONSTRAINT "ck_exhibitions_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_0f4f908f4d38be7ab76b32aead7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_exhibitions_country_status_updated" ON "exhibitions" ("country_id", "status", "updated_at")`);
    await queryRunner.query(`CREATE TABLE "items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country_id" uuid NOT NULL, "slug" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "created_by" uuid, "updated_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "earliest_year" integer, "latest_year" integer, "lat" double precision, "lng" double precision, CONSTRAINT "uq_items_country_slug" UNIQUE ("country_id", "slug"), CONSTRAINT "ck_items_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_items_country_status_updated" ON "items" ("country_id", "status", "updated_at")`);
    await queryRunner.query(`CREATE TABLE "memorials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country_id" uuid NOT NULL, "slug" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "created_by" uuid, "updated_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lat" double precision NOT NULL, "lng" double precision NOT NULL, "condition" text, CONSTRAINT "uq_memorials_country_slug" UNIQUE ("country_id", "slug"), CONSTRAINT "ck_memorials_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_5722f5f75a20990a44fb65cfec1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_memorials_country_status_updated" ON "memorials" ("country_id", "status", "updated_at")`);
    await queryRunner.query(`ALTER TABLE "countries" ADD "intro" jsonb`);
    await queryRunner.query(`ALTER TABLE "exhibitions" ADD CONSTRAINT "FK_27a28ac7bf8881fe096b26b83a2" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_9e82f437fed771f953538346824" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memorials" ADD CONSTRAINT "FK_71727d5665e4212cce17e85333b" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memorials" DROP CONSTRAINT "FK_71727d5665e4212cce17e85333b"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_9e82f437fed771f953538346824"`);
    await queryRunner.query(`ALTER TABLE "exhibitions" DROP CONSTRAINT "FK_27a28ac7bf8881fe096b26b83a2"`);
    await queryRunner.query(`ALTER TABLE "countries" DROP COLUMN "intro"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memorials_country_status_updated"`);
    await queryRunner.query(`DROP TABLE "memorials"`);
    await queryRunner.query(`DROP INDEX "public"."ix_items_country_status_updated"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_exhibitions_country_status_updated"`);
    await queryRunner.query(`DROP TABLE "exhibitions"`);
  }
}
