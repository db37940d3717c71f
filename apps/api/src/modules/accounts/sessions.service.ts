import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { Actor } from '../access/actor';
import { LoginFailuresRepository } from './login-failures.repository';
import { SessionsRepository } from './sessions.repository';
import { newToken, tokenHash } from './tokens';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

// Writing last_seen_at on every request would turn every read into a write.
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly loginFailures: LoginFailuresRepository,
  ) {}

  async create(userId: string, address: string | null, userAgent: string | null): Promise<NewSession> {
    const token = newToken();
    const csrfToken = newToken(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessions.ttlHours * 3600_000);
    await this.sessions.insert({
      tokenHash: tokenHash(token),
      userId,
      csrfToken,
      address,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  /**
   * The actor behind a session token, read fresh on every request so that a
   * disabled user or a removed membership takes effect at once.
   */
  async resolve(token: string): Promise<Actor | null> {
    const row = await this.sessions.findActor(tokenHash(token));
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.touch(row.session_id);
    }
    return {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      isAdmin: row.is_admin,
      memberships: row.memberships,
    };
  }

  async revoke(sessionId: string, manager?: EntityManager): Promise<void> {
    await this.sessions.deleteById(sessionId, manager);
  }

  async revokeByToken(token: string): Promise<void> {
    await this.sessions.deleteByTokenHash(tokenHash(token));
  }

  /** Given the transaction of the change that ends them (a new password, a disabled account), they end with it. */
  async revokeAllOf(userId: string, manager?: EntityManager): Promise<void> {
    await this.sessions.deleteAllOf(userId, manager);
  }

  /** Housekeeping for the worker: expired sessions and day-old login failures go. */
  async purgeExpired(): Promise<void> {
    await this.sessions.deleteExpired();
    await this.loginFailures.deleteStale();
  }
}
