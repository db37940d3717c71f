import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';

export class TooManyLoginAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed login attempts; try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Counts failed logins per account and per client address in PostgreSQL, so
 * the limit holds across every API process behind a load balancer.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get windowSeconds(): number {
    return this.config.loginThrottle.windowMinutes * 60;
  }

  async assertAllowed(account: string, address: string): Promise<void> {
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE account = $1)::int AS by_account,
              count(*) FILTER (WHERE address = $2)::int AS by_address
         FROM login_failures
        WHERE failed_at > now() - make_interval(secs => $3) AND (account = $1 OR address = $2)`,
      [account, address, this.windowSeconds],
    );
    const { maxPerAccount, maxPerAddress } = this.config.loginThrottle;
    if (counts.by_account >= maxPerAccount || counts.by_address >= maxPerAddress) {
      throw new TooManyLoginAttempts(this.windowSeconds);
    }
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (account, address) VALUES ($1, $2)', [account, address]);
  }

  async forgetAccount(account: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE account = $1', [account]);
  }
}
