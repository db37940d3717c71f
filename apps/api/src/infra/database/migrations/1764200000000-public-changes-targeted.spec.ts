import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { PublicChangesTargeted1764200000000 } from './1764200000000-public-changes-targeted';

/** What a migration step sends to the database, statement by statement. */
async function statementsOf(step: (queryRunner: QueryRunner) => Promise<void>): Promise<string[]> {
  const statements: string[] = [];
  await step({
    query: async (sql: string, parameters?: unknown[]) => {
      expect(parameters).toBeUndefined();
      statements.push(`${sql};`);
    },
  } as unknown as QueryRunner);
  return statements;
}

describe('PublicChangesTargeted1764200000000', () => {
  it('runs, up and down, exactly the statements it ran when it was applied in deployments', async () => {
    const migration = new PublicChangesTargeted1764200000000();
    const ran = ['-- up', ...(await statementsOf((q) => migration.up(q))), '-- down', ...(await statementsOf((q) => migration.down(q)))];
    const recorded = readFileSync(join(import.meta.dirname, '1764200000000-public-changes-targeted.sql'), 'utf8');
    // The file opens with a comment, then a blank line.
    expect(`${ran.join('\n')}\n`).toBe(recorded.slice(recorded.indexOf('\n\n') + 2));
  });
});
