import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, runMigrationsThrough, undoThrough } from './support/migrations-through';

const MIGRATION = 'PersonDuplicates1764290000000';
const text = (value: string) => ({ text: value, status: 'original' });

/** In a database of its own: people saved before the migration get their name keys, in keyset batches; down takes the columns away. */
describe('migration PersonDuplicates: name keys for the people already there, and merged_into', () => {
  let dataSource: DataSource;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ dataSource, close } = await databaseBefore(MIGRATION));
  });

  afterAll(() => close?.());

  it('fills name_keys from every spelling of each person (more than one batch), indexes them, and is undone', async () => {
    const [{ id: countryId }] = await dataSource.query(`INSERT INTO countries (slug, names, default_language, languages) VALUES ('land', '{}', 'ru', '{ru,en}') RETURNING id`);
    await dataSource.query(
      `INSERT INTO people (country_id, slug, kind, content)
       SELECT $1, 'p-' || g, 'unknown', jsonb_build_object('name', 'Семёнов Иван', 'variants', jsonb_build_array('Semenoff'), 'title', jsonb_build_object('en', $2::jsonb))
         FROM generate_series(1, 1200) g`,
      [countryId, JSON.stringify(text('Ivan Semenov'))],
    );
    await runMigrationsThrough(dataSource, MIGRATION);
    const empty = await dataSource.query(`SELECT count(*)::int AS n FROM people WHERE cardinality(name_keys) = 0`);
    expect(empty[0].n).toBe(0);
    const [row] = await dataSource.query(`SELECT name_keys FROM people WHERE slug = 'p-1200'`);
    expect(row.name_keys).toEqual(expect.arrayContaining(['semenov', 'ivan']));
    const found = await dataSource.query(`SELECT count(*)::int AS n FROM people WHERE country_id = $1 AND name_keys && ARRAY['semenov']`, [countryId]);
    expect(found[0].n).toBe(1200);
    const indexes = (await dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'people'`)).map((r: { indexname: string }) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['ix_people_name_keys', 'ix_people_merged_into']));

    await undoThrough(dataSource, MIGRATION);
    const columns = (await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'people'`)).map((r: { column_name: string }) => r.column_name);
    expect(columns).not.toContain('name_keys');
    expect(columns).not.toContain('merged_into');
  });
});
