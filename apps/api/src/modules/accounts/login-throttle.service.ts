import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { LoginFailuresRepository } from './login-failures.repository';
import { throttleKey } from './throttle-key';

export class TooManyLoginAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed login attempts; try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}

export interface BackoffPolicy {
  /** Failures allowed before the first delay. */
  free: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * The wait after `failures` failures: none for the free ones, then doubling
 * from the base with every further failure, up to the cap.
 */
export function backoffSeconds(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 40);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** doublings);
}

/** One login attempt let through: settle it with `succeeded()` or leave it counted as a failure. */
export interface LoginAttempt {
  account: string;
  address: string;
}

/**
 * Throttles password guessing by account *and* address together, with delays
 * doubling per failure instead of a hard lock: guesses against an account from
 * one address slow that address down on that account only, so the owner still
 * signs in from elsewhere; an address failing across many accounts is slowed
 * down on all of them. Counts live in PostgreSQL, so the limits hold across
 * every API process.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly failures: LoginFailuresRepository,
  ) {}

  /**
   * Refuses the attempt while its pair or its address must wait; otherwise
   * counts it as a failure at once, under a lock per address, so a burst of
   * parallel guesses cannot all pass the check before any of them is counted.
   */
  async begin(account: string, clientAddress: string): Promise<LoginAttempt> {
    const address = throttleKey(clientAddress);
    await this.db.transaction(async (tx) => {
      await this.failures.lockAddress(tx, address);
      const wait = await this.waitSeconds(tx, account, address);
      if (wait > 0) throw new TooManyLoginAttempts(wait);
      await this.failures.insert(tx, account, address);
    });
    return { account, address };
  }

  /** A right password forgives this address its failures on this account, and nothing else: an attacker elsewhere keeps waiting. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.failures.deletePair(attempt.account, attempt.address);
  }

  /** Clears every failure counted against an account, from any address (an administrator's unlock). */
  clearAccount(account: string, tx: EntityManager): Promise<number> {
    return this.failures.deleteAccount(account, tx);
  }

  private async waitSeconds(tx: EntityManager, account: string, address: string): Promise<number> {
    const { windowMinutes, maxPerAccount, maxPerAddress, backoffBaseSeconds, backoffMaxSeconds } = this.config.loginThrottle;
    const counts = await this.failures.counts(tx, account, address, windowMinutes);
    const policy = { baseSeconds: backoffBaseSeconds, maxSeconds: backoffMaxSeconds };
    const pairWait = backoffSeconds(counts.pair_failures, { ...policy, free: maxPerAccount }) - (counts.pair_age ?? 0);
    const addressWait = backoffSeconds(counts.address_failures, { ...policy, free: maxPerAddress }) - (counts.address_age ?? 0);
    const wait = Math.max(pairWait, addressWait);
    return wait > 0 ? Math.ceil(wait) : 0;
  }
}
