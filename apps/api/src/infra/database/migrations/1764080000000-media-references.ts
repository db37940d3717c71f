import type { MigrationInterface, QueryRunner } from 'typeorm';

const RECORD_TABLES = ['items', 'memorials', 'exhibitions'] as const;

/**
 * Which media each curated record shows (for media access: one GIN lookup
 * instead of searching documents), and captions and transcripts of sound.
 */
export class MediaReferences1764080000000 implements MigrationInterface {
  name = 'MediaReferences1764080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of RECORD_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "media_ids" uuid array NOT NULL DEFAULT '{}'`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_media_ids" ON "${table}" USING gin ("media_ids")`);
    }
    // Until now only items and memorials had media, in content.media.
    for (const table of ['items', 'memorials']) {
      await queryRunner.query(
        `UPDATE "${table}" SET "media_ids" = ARRAY(SELECT DISTINCT (ref->>'assetId')::uuid FROM jsonb_array_elements(coalesce(content->'media', '[]'::jsonb)) AS ref)`,
      );
    }
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "transcript" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "caption_languages" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "caption_languages"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "transcript"`);
    for (const table of [...RECORD_TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX "ix_${table}_media_ids"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "media_ids"`);
    }
  }
}
