import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded media assets; their files live in object storage. */
export class Media1764070000000 implements MigrationInterface {
  name = 'Media1764070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "media_assets" ("id" uuid NOT NULL, "country_id" uuid NOT NULL, "kind" text NOT NULL, "mime_type" text NOT NULL, "byte_size" bigint NOT NULL, "sha256" text NOT NULL, "original_name" text, "width" integer, "height" integer, "status" text NOT NULL DEFAULT 'processing', "failure_reason" text, "alt" jsonb NOT NULL DEFAULT '{}', "caption" jsonb NOT NULL DEFAULT '{}', "credit" jsonb NOT NULL DEFAULT '{}', "rights" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_media_assets_country_sha256" UNIQUE ("country_id", "sha256"), CONSTRAINT "ck_media_assets_status" CHECK ("status" IN ('processing', 'ready', 'failed')), CONSTRAINT "PK_ca47e9f67a5e5d8af1e75d66ee6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD CONSTRAINT "FK_1de49b364d6cae6561a50f69792" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "thumbhash" text`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "derivative_widths" integer array`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "tile_scale_factors" integer array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" DROP CONSTRAINT "FK_1de49b364d6cae6561a50f69792"`);
    await queryRunner.query(`DROP TABLE "media_assets"`);
  }
}
