import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * Column values for TypeORM's insert and update. Its deep-partial type cannot
 * follow jsonb columns typed as records, nor accept a raw SQL expression
 * (`() => 'updated_at'`) in a Date column; the values are checked as
 * `Partial<T>` here, and this is the one place that says so to TypeORM.
 */
export function rowValues<T>(values: Partial<T> | { [K in keyof T]?: T[K] | (() => string) }): QueryDeepPartialEntity<T> {
  return values as QueryDeepPartialEntity<T>;
}
