import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/infra/database/run-migrations';
import { databaseBefore, undoThrough } from './support/migrations-through';

const MIGRATION = 'MediaResanitise1764240000000';

/** In a database of its own: the migration touches every asset, and other specs' assets are not ours to change. */
describe('migration MediaResanitise: files processed before sanitising are processed again', () => {
  let dataSource: DataSource;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ dataSource, close } = await databaseBefore(MIGRATION));
  });

  afterAll(() => close?.());

  it('sends ready PDFs back to processing and makes MP4 boxes be looked for again; undoes only what was not processed again', async () => {
    const [{ id: country }] = await dataSource.query(
      `INSERT INTO countries (slug, names, default_language, languages) VALUES ('testland', '{}', 'en', '{en}') RETURNING id`,
    );
    const insert = async (kind: string, mime: string, status: string) => {
      const [{ id }] = await dataSource.query(
        `INSERT INTO media_assets (id, country_id, kind, mime_type, byte_size, sha256, status, processing_attempts, last_attempt_at, metadata_boxes)
         VALUES (gen_random_uuid(), $1, $2, $3, 10, md5(random()::text), $4, 1, now(), '[]') RETURNING id`,
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
      const rows: { id: string; status: string; boxes: unknown }[] = await dataSource.query(`SELECT id, status, metadata_boxes AS boxes FROM media_assets`);
      const of = (id: string) => rows.find((row) => row.id === id)!;
      return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, `${of(id).status}${of(id).boxes === null ? ', boxes to find' : ''}`]));
    };

    expect((await runMigrations(dataSource))[0]).toBe(MIGRATION);
    const after = { pdf: 'processing', film: 'ready, boxes to find', sound: 'ready, boxes to find', webm: 'ready', image: 'ready', failedPdf: 'failed' };
    expect(await statuses()).toEqual(after);
    const [again] = await dataSource.query(`SELECT processing_attempts, last_attempt_at FROM media_assets WHERE id = $1`, [ids.pdf]);
    expect(again).toEqual({ processing_attempts: 0, last_attempt_at: null });

    await undoThrough(dataSource, MIGRATION);
    expect(await statuses()).toEqual({ ...after, pdf: 'ready' });

    // A PDF the worker has started on when the migration is undone is left to the worker.
    await runMigrations(dataSource);
    await dataSource.query(`UPDATE media_assets SET processing_attempts = 1, last_attempt_at = now() WHERE id = $1`, [ids.pdf]);
    await undoThrough(dataSource, MIGRATION);
    expect((await statuses()).pdf).toBe('processing');
  });
});
