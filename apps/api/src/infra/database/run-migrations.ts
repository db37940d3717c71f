import type { DataSource } from 'typeorm';

// Arbitrary constant; every Vitrina process agrees on it.
const MIGRATION_LOCK_KEY = 7_413_202_611;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that several
 * API and worker processes starting at once apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
