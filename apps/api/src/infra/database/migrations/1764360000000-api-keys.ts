import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners' API keys (the read API): only a hash of each key is kept. */
export class ApiKeys1764360000000 implements MigrationInterface {
  name = 'ApiKeys1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "contact" text, "key_hash" text NOT NULL,
         "key_prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text,
         "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys" ("key_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
