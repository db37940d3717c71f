import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { SessionEntity } from './session.entity';

/** A session with its enabled user and their memberships, as one row. */
export interface SessionActorRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  is_admin: boolean;
  memberships: { countryId: string; countrySlug: string; role: Role }[];
}

/** A new session's columns; the id and the creation time are the database's. */
export type NewSessionRow = Omit<SessionEntity, 'id' | 'user' | 'createdAt'>;

/** The sessions' data access. Deletions take the transaction of the change that ends them, when there is one. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(session: NewSessionRow): Promise<void> {
    await this.db.getRepository(SessionEntity).insert(session);
  }

  /** The unexpired session with this token hash, of a user not disabled; undefined when there is none. */
  async findActor(tokenHash: string): Promise<SessionActorRow | undefined> {
    const rows: SessionActorRow[] = await this.db.query(
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
      [tokenHash],
    );
    return rows[0];
  }

  async touch(sessionId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [sessionId]);
  }

  async deleteById(sessionId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ id: sessionId });
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ tokenHash });
  }

  async deleteAllOf(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ userId });
  }

  async deleteExpired(): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
  }
}
