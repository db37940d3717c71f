import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The distinct words of indexed names, for finding what a misspelt name meant (see SearchWordEntity). */
export class SearchWords1764130000000 implements MigrationInterface {
  name = 'SearchWords1764130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "search_words" ("word" text NOT NULL, CONSTRAINT "PK_search_words" PRIMARY KEY ("word"))`);
    await queryRunner.query(
      `INSERT INTO "search_words" ("word")
       SELECT DISTINCT w FROM "search_documents" d, unnest(tsvector_to_array(to_tsvector('simple', d."names"))) AS w`,
    );
    await queryRunner.query(`CREATE INDEX "ix_search_words_trigram" ON "search_words" USING gin ("word" gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_words"`);
  }
}
