import { inject } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { MIGRATIONS } from '../../src/infra/database/migrations';
import { runMigrations } from '../../src/infra/database/run-migrations';
import { createDatabase } from './test-infra';

const applied = async (dataSource: DataSource): Promise<Set<string>> =>
  new Set(((await dataSource.query(`SELECT name FROM schema_migrations`)) as { name: string }[]).map((row) => row.name));

/** Undoes migrations, the latest first, until `name` is undone too: a migration spec's later migrations land after it. */
export async function undoThrough(dataSource: DataSource, name: string): Promise<void> {
  while ((await applied(dataSource)).has(name)) await dataSource.undoLastMigration();
}

/** A migration spec's database of its own: every migration applied, then undone through `name`, so the spec runs it itself. */
export async function databaseBefore(name: string): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const database = await createDatabase(inject('pgAdminUrl'));
  const dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
  await runMigrations(dataSource);
  await undoThrough(dataSource, name);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/**
 * Applies the pending migrations up to and including `name`, each in its own
 * transaction and recorded as TypeORM records it (so undoLastMigration undoes
 * it), and none after it: the spec of a migration sees what it did alone.
 * Returns the names applied.
 */
export async function runMigrationsThrough(dataSource: DataSource, name: string): Promise<string[]> {
  const done = await applied(dataSource);
  const ran: string[] = [];
  for (const Migration of MIGRATIONS) {
    const migration = new Migration();
    if (!done.has(migration.name)) {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await migration.up(runner);
        const timestamp = Number(/\d{13}$/.exec(migration.name)![0]);
        await runner.query(`INSERT INTO schema_migrations (timestamp, name) VALUES ($1, $2)`, [timestamp, migration.name]);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
      ran.push(migration.name);
    }
    if (migration.name === name) return ran;
  }
  throw new Error(`no migration ${name}`);
}
