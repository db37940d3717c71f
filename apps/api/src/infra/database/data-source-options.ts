import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // Never on: the schema changes only through committed migrations.
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      // A request must not hang forever on a stuck query.
      statement_timeout: 30_000,
    },
  };
}

export function resolvedDatabaseUrl(config: AppConfig): string {
  if (config.database.url) return config.database.url;
  throw new Error('embedded PostgreSQL must be started, and its URL put into the config, before the app starts');
}
