import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChangePasswordRequest, LoginRequest, MeResponse } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { LoginThrottleService } from './login-throttle.service';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { type NewSession, SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

export interface ClientInfo {
  address: string;
  userAgent: string | null;
  /** The session token the client already holds, if any: it is replaced, never reused. */
  previousToken?: string;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Checks the password and opens a fresh session. Unknown email, wrong
   * password and disabled account all get the same answer after the same work.
   * Every attempt counts as a failure until the password is found right.
   */
  async login(input: LoginRequest, client: ClientInfo): Promise<{ session: NewSession; userId: string }> {
    const account = input.email.trim().toLowerCase();
    const attempt = await this.throttle.begin(account, client.address);
    const user = await this.users.findByEmail(account);
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !passwordOk || user.disabledAt) {
      await this.audit.recordQuietly({ action: 'login.failure', actor: null, entityType: 'user', entityId: user?.id ?? null, details: { email: account } });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded(attempt);
    if (client.previousToken) await this.sessions.revokeByToken(client.previousToken);
    const session = await this.sessions.create(user.id, client.address, client.userAgent);
    await this.audit.recordQuietly({ action: 'login', actor: { userId: user.id, email: user.email }, entityType: 'user', entityId: user.id });
    return { session, userId: user.id };
  }

  async logout(actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.sessions.revoke(actor.sessionId, tx);
      await this.audit.record({ action: 'logout', actor, entityType: 'session', entityId: actor.sessionId }, tx);
    });
  }

  /** Changing the password ends every session of the user, then opens one new session for this client. */
  async changePassword(actor: Actor, input: ChangePasswordRequest, client: ClientInfo): Promise<NewSession> {
    const user = await this.users.getById(actor.userId);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new UnauthorizedException('Current password is wrong');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await this.users.update(user.id, { passwordHash }, tx);
      await this.sessions.revokeAllOf(user.id, tx);
      await this.audit.record({ action: 'password.change', actor, entityType: 'user', entityId: user.id }, tx);
    });
    return this.sessions.create(user.id, client.address, client.userAgent);
  }

  me(actor: Actor): MeResponse {
    return {
      user: { id: actor.userId, email: actor.email, displayName: actor.displayName, isAdmin: actor.isAdmin },
      memberships: actor.memberships,
      csrfToken: actor.csrfToken,
    };
  }
}
