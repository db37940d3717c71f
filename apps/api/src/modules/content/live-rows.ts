import type { DataSource, EntityTarget, ValueTransformer } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Pool } from 'pg';

/**
 * Rows of the public read model read by plain SQL, as the ORM's find() would
 * give them, without its query building and row mapping (on a miss of a
 * public page those were its largest costs).
 */
export class LiveRows {
  constructor(private readonly db: DataSource) {}

  private readonly selects = new Map<string, { sql: string; transformed: ColumnMetadata[] }>();
  private readonly statementNames = new Map<string, string>();

  /**
   * Rows of an entity's table as find() would give them (columns named as its
   * properties, pg parsing each type as for the ORM, column transformers
   * applied), less the columns `left` out.
   */
  async rows<T>(entity: EntityTarget<object>, where: string, params: unknown[], left: string[], extra = '', join = '', prepared = false): Promise<T[]> {
    const metadata = this.db.getMetadata(entity);
    const key = `${metadata.tableName} ${left.join(' ')}${extra}${join}`;
    let select = this.selects.get(key);
    if (!select) {
      const columns = metadata.columns.filter((column) => !left.includes(column.propertyName));
      // Named with their table, so that a joined table's columns of the same name cannot be taken for them.
      const list = columns.map((column) => `"${metadata.tableName}"."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
      select = { sql: `SELECT ${list}${extra} FROM "${metadata.tableName}"${join} WHERE `, transformed: columns.filter((column) => column.transformer) };
      this.selects.set(key, select);
    }
    const sql = select.sql + where;
    const rows: Record<string, unknown>[] = prepared ? await this.prepared(sql, params) : await this.db.query(sql, params);
    for (const column of select.transformed) {
      // As the ORM does: several transformers read back last first.
      const transformers = ([] as ValueTransformer[]).concat(column.transformer as ValueTransformer | ValueTransformer[]).reverse();
      for (const row of rows) row[column.propertyName] = transformers.reduce((value, transformer) => transformer.from(value), row[column.propertyName]);
    }
    return rows as T[];
  }

  /**
   * A query run as a named prepared statement, on the ORM's own pool (as
   * DataSource.query would run it, less the ORM's logging): each connection
   * parses it once, and PostgreSQL may keep its plan, instead of once per
   * page. For the first query of a public page, read on every page.
   */
  private async prepared(text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
    let name = this.statementNames.get(text);
    if (name === undefined) this.statementNames.set(text, (name = `vitrina_live_${this.statementNames.size + 1}`));
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    return (await pool.query({ name, text, values })).rows;
  }
}
