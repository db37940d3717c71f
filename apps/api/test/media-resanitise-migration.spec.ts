import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { runMigrations } from '../src/infra/database/run-migrations';
import { createDatabase } from './support/test-infra';

/** In a database of its own: the migration touches every asset, and other specs' assets are not ours to change. */
describe('migration MediaResanitise: files processed before sanitising are processed again', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createDatabase(inject('pgAdminUrl'));
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    await runMigrations(dataSource);
    await dataSource.undoLastMigration();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('sends ready PDFs and MP4s back to processing, leaves the rest, and undoes only what was not processed again', async () => {
    const [{ id: country }] = await dataSource.query(
      `INSERT INTO countries (slug, names, default_language, languages) VALUES ('testland', '{}', 'en', '{en}') RETURNING id`,
    );
    const insert = async (kind: string, mime: string, status: string) => {
      const [{ id }] = await dataSource.query(
        `INSERT INTO media_assets (id, country_id, kind, mime_type, byte_size, sha256, status, processing_attempts, last_attempt_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 10, md5(random()::text), $4, 1, now()) RETURNING id`,
        [country, kind, mime, status],
      );
      return id as string;
    };
    const ids = {
      pdf: await insert('document', 'application/pdf', 'ready'),
      film: await insert('video', 'video/mp4', 'ready'),
      sound: await insert('audio', 'audio/x-m4a', 'ready'),
      webm: await insert('video', 'video/webm', 'ready'),
      image: await insert('image', 'image/jpeg', 'ready'),
      failedPdf: await insert('document', 'application/pdf', 'failed'),
    };
    const statuses = async () => {
      const rows: { id: string; status: string }[] = await dataSource.query(`SELECT id, status FROM media_assets`);
      return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, rows.find((row) => row.id === id)?.status]));
    };

    expect(await runMigrations(dataSource)).toEqual(['MediaResanitise1764240000000']);
    expect(await statuses()).toEqual({ pdf: 'processing', film: 'processing', sound: 'processing', webm: 'ready', image: 'ready', failedPdf: 'failed' });
    const [again] = await dataSource.query(`SELECT processing_attempts, last_attempt_at FROM media_assets WHERE id = $1`, [ids.pdf]);
    expect(again).toEqual({ processing_attempts: 0, last_attempt_at: null });

    // The film is being processed again when the migration is undone: it is left to the worker.
    await dataSource.query(`UPDATE media_assets SET processing_attempts = 1, last_attempt_at = now() WHERE id = $1`, [ids.film]);
    await dataSource.undoLastMigration();
    expect(await statuses()).toEqual({ pdf: 'ready', film: 'processing', sound: 'ready', webm: 'ready', image: 'ready', failedPdf: 'failed' });
  });
});
