import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { Actor } from '../access/actor';
import { SessionEntity } from './session.entity';
import { newToken, tokenHash } from './tokens';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

interface ActorRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  is_admin: boolean;
  memberships: { countryId: string; countrySlug: string; role: Role }[];
}

// Writing last_seen_at on every request would turn every read into a write.
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: string, address: string | null, userAgent: string | null): Promise<NewSession> {
    const token = newToken();
    const csrfToken = newToken(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessions.ttlHours * 3600_000);
    await this.db.getRepository(SessionEntity).insert({
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
    const rows: ActorRow[] = await this.db.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at,
              u.id AS user_id, u.email, u.display_name, u.is_admin,
              COALESCE(json_agg(json_build_object('countryId', m.country_id, 'countrySlug', c.slug, 'role', m.role)
                                ORDER BY c.slug) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN countries c ON c.id = m.country_id
        WHERE s.token_hash = $1 AND s.expires_at > now()
        GROUP BY s.id, u.id`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
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

  async revoke(sessionId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ id: sessionId });
  }

  async revokeByToken(token: string): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ tokenHash: tokenHash(token) });
  }

  /** Given the transaction of the change that ends them (a new password, a disabled account), they end with it. */
  async revokeAllOf(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ userId });
  }

  /** Housekeeping for the worker: expired sessions and day-old login failures go. */
  async purgeExpired(): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
    await this.db.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
  }
}
