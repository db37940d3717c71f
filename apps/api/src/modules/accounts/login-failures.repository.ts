import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** An address's recent failures, on one account and on all, with the seconds since the latest of each (null when none). */
export interface FailureCounts {
  pair_failures: number;
  pair_age: number | null;
  address_failures: number;
  address_age: number | null;
}

/** The failed logins' data access: counting, recording and forgiving them, under a lock per address. */
@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Takes the address's lock until the transaction ends, so its attempts are checked and counted one at a time. */
  async lockAddress(tx: EntityManager, address: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7413202612))', [address]);
  }

  /** The address's failures within the last `windowMinutes`, on `account` and on every account. */
  async counts(tx: EntityManager, account: string, address: string, windowMinutes: number): Promise<FailureCounts> {
    const [counts]: FailureCounts[] = await tx.query(
      `SELECT count(*) FILTER (WHERE account = $1)::int AS pair_failures,
              extract(epoch FROM now() - max(failed_at) FILTER (WHERE account = $1))::float8 AS pair_age,
              count(*)::int AS address_failures,
              extract(epoch FROM now() - max(failed_at))::float8 AS address_age
         FROM login_failures
        WHERE address = $2 AND failed_at > now() - make_interval(mins => $3)`,
      [account, address, windowMinutes],
    );
    return counts;
  }

  async insert(tx: EntityManager, account: string, address: string): Promise<void> {
    await tx.query('INSERT INTO login_failures (account, address) VALUES ($1, $2)', [account, address]);
  }

  /** Forgets the failures of this address on this account. */
  async deletePair(account: string, address: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE account = $1 AND address = $2', [account, address]);
  }

  /** Forgets every failure on the account, from any address; how many there were. */
  async deleteAccount(account: string, tx: EntityManager): Promise<number> {
    const [{ count }]: { count: number }[] = await tx.query(
      'WITH deleted AS (DELETE FROM login_failures WHERE account = $1 RETURNING 1) SELECT count(*)::int AS count FROM deleted',
      [account],
    );
    return count;
  }

  /** Forgets failures older than a day, which no throttling window reaches. */
  async deleteStale(): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
  }
}
