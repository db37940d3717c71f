import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where media texts are frozen: each revision, and the live revision of each record. */
const SNAPSHOTS: [table: string, column: string][] = [
  ['content_revisions', 'media_texts'],
  ['items', 'live_media_texts'],
  ['memorials', 'live_media_texts'],
  ['exhibitions', 'live_media_texts'],
];

/**
 * Captions become versioned: `caption_versions` names each language's file
 * by its SHA-256, and every snapshot of media texts records the versions.
 * Captions uploaded before kept their unversioned key (`{lang}.vtt`), written
 * here as the version '' so that every snapshot says which file it showed.
 * `caption_languages` goes: the languages are the keys of `caption_versions`.
 * `metadata_boxes` lists the MP4 boxes blanked for visitors (null: not yet looked at).
 */
export class MediaVersions1764150000000 implements MigrationInterface {
  name = 'MediaVersions1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "caption_versions" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "metadata_boxes" jsonb`);
    await queryRunner.query(
      `UPDATE "media_assets" SET "caption_versions" = (SELECT jsonb_object_agg(lang, '') FROM unnest("caption_languages") AS lang)
        WHERE cardinality("caption_languages") > 0`,
    );
    // The languages with captions are the keys of caption_versions from now on: one source, nothing to keep in step.
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "caption_languages"`);
    for (const [table, column] of SNAPSHOTS) {
      await queryRunner.query(
        `UPDATE "${table}" SET "${column}" = (
           SELECT jsonb_object_agg(asset.key, asset.value || jsonb_build_object('captionVersions',
                    (SELECT coalesce(jsonb_object_agg(lang, ''), '{}'::jsonb)
                       FROM jsonb_array_elements_text(coalesce(asset.value->'captionLanguages', '[]'::jsonb)) AS lang)))
             FROM jsonb_each("${column}") AS asset)
         WHERE "${column}" <> '{}'::jsonb`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of SNAPSHOTS) {
      await queryRunner.query(
        `UPDATE "${table}" SET "${column}" = (SELECT jsonb_object_agg(asset.key, asset.value - 'captionVersions') FROM jsonb_each("${column}") AS asset)
          WHERE "${column}" <> '{}'::jsonb`,
      );
    }
    await queryRunner.query(`ALTER TABLE "media_assets" ADD "caption_languages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "media_assets" SET "caption_languages" = ARRAY(SELECT jsonb_object_keys("caption_versions"))`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "metadata_boxes"`);
    await queryRunner.query(`ALTER TABLE "media_assets" DROP COLUMN "caption_versions"`);
  }
}
