import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { runMigrations } from '../src/infra/database/run-migrations';
import { MIGRATIONS } from '../src/infra/database/migrations';
import { createDatabase } from './support/test-infra';
import { inject } from 'vitest';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createDatabase(inject('pgAdminUrl'));
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('build exactly the schema the entities describe (no drift)', async () => {
    await runMigrations(dataSource);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((query) => query.query);
    expect(statements, `entities and migrations differ; a migration needs:\n${statements.join(';\n')}`).toEqual([]);
  });

  it('are all applied once, and a second run applies nothing', async () => {
    const rows: { name: string }[] = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('can be reverted to an empty schema', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables: unknown[] = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    expect(tables).toEqual([]);
    await runMigrations(dataSource);
  });
});
