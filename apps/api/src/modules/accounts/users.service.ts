import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiError, CreateUserInput, GrantMembershipInput, LoginUnlock, UpdateUserInput, User } from '@vitrina/contracts';
import { createUserSchema } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { LoginThrottleService } from './login-throttle.service';
import { MembershipsRepository } from './memberships.repository';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

const UNIQUE_VIOLATION = '23505';

/** What a user update changed, field by field; a new password is named, never shown. */
type UserChanges = Partial<Record<'displayName' | 'isAdmin' | 'disabled', { from: unknown; to: unknown }>> & { password?: 'set' };

function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    isAdmin: entity.isAdmin,
    disabled: entity.disabledAt !== null,
    createdAt: entity.createdAt.toISOString(),
    memberships: (entity.memberships ?? [])
      .map((m) => ({ countryId: m.countryId, countrySlug: m.country.slug, role: m.role }))
      .sort((a, b) => a.countrySlug.localeCompare(b.countrySlug)),
  };
}

/**
 * Installation-wide user administration. Every change is written with its
 * audit entry in one transaction, on the user's locked row, so the entry
 * says exactly what changed from what, and exists if and only if the change does.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottleService,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async list(): Promise<User[]> {
    const users = await this.users.listWithMemberships();
    return users.map(toUser);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findWithMemberships(id);
    if (!user) throw new NotFoundException('No such user');
    return toUser(user);
  }

  async create(actor: Actor, input: CreateUserInput): Promise<User> {
    const data = createUserSchema.parse(input);
    const passwordHash = await hashPassword(data.password);
    try {
      const id = await this.db.transaction(async (tx) => {
        const userId = await this.users.insert({ email: data.email, displayName: data.displayName, passwordHash, isAdmin: data.isAdmin }, tx);
        const details = { email: data.email, displayName: data.displayName, isAdmin: data.isAdmin };
        await this.audit.record({ action: 'user.create', actor, entityType: 'user', entityId: userId, details }, tx);
        return userId;
      });
      return this.get(id);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException({ message: 'A user with this email already exists', code: 'email-taken' } satisfies Pick<ApiError, 'message' | 'code'>);
      }
      throw error;
    }
  }

  /** Disabling a user or setting a new password ends their sessions at once. A save that changes nothing records nothing. */
  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    await this.db.transaction(async (tx) => {
      const user = await this.locked(tx, id);
      const values: Partial<UserEntity> = {};
      const changed: UserChanges = {};
      if (input.displayName !== undefined && input.displayName !== user.displayName) {
        values.displayName = input.displayName;
        changed.displayName = { from: user.displayName, to: input.displayName };
      }
      if (input.isAdmin !== undefined && input.isAdmin !== user.isAdmin) {
        values.isAdmin = input.isAdmin;
        changed.isAdmin = { from: user.isAdmin, to: input.isAdmin };
      }
      if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null)) {
        values.disabledAt = input.disabled ? new Date() : null;
        changed.disabled = { from: user.disabledAt !== null, to: input.disabled };
      }
      if (passwordHash) {
        values.passwordHash = passwordHash;
        changed.password = 'set';
      }
      if (Object.keys(values).length === 0) return;
      await this.users.update(id, values, tx);
      if (values.disabledAt || passwordHash) await this.sessions.revokeAllOf(id, tx);
      await this.audit.record({ action: 'user.update', actor, entityType: 'user', entityId: id, details: { email: user.email, changed } }, tx);
    });
    return this.get(id);
  }

  /** Grants a role in a country; a second grant for the same country replaces the role. */
  async grantMembership(actor: Actor, userId: string, input: GrantMembershipInput): Promise<User> {
    await this.db.transaction(async (tx) => {
      const user = await this.locked(tx, userId);
      if (!(await this.memberships.countryExists(input.countryId, tx))) throw new NotFoundException('No such country');
      const previousRole = (await this.memberships.find(userId, input.countryId, tx))?.role ?? null;
      await this.memberships.upsert({ userId, countryId: input.countryId, role: input.role }, tx);
      await this.audit.record(
        {
          action: 'membership.grant',
          actor,
          countryId: input.countryId,
          entityType: 'user',
          entityId: userId,
          fromState: previousRole,
          toState: input.role,
          details: { email: user.email, role: input.role, previousRole },
        },
        tx,
      );
    });
    return this.get(userId);
  }

  async revokeMembership(actor: Actor, userId: string, countryId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await this.users.lock(tx, userId);
      const membership = user ? await this.memberships.find(userId, countryId, tx) : null;
      if (!user || !membership) throw new NotFoundException('No such membership');
      await this.memberships.delete(membership.id, tx);
      await this.audit.record(
        {
          action: 'membership.revoke',
          actor,
          countryId,
          entityType: 'user',
          entityId: userId,
          fromState: membership.role,
          toState: null,
          details: { email: user.email, role: null, previousRole: membership.role },
        },
        tx,
      );
    });
  }

  /**
   * Clears the failed logins counted against the user's email from every
   * address, so the owner may sign in at once; recorded even when there was
   * nothing to clear, since someone asked for it.
   */
  async unlockLogin(actor: Actor, id: string): Promise<LoginUnlock> {
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, id);
      const clearedFailures = await this.throttle.clearAccount(user.email, tx);
      await this.audit.record({ action: 'user.unlock', actor, entityType: 'user', entityId: id, details: { email: user.email, clearedFailures } }, tx);
      return { clearedFailures };
    });
  }

  /** The user's row, locked until the transaction ends, so two changes of one user take turns and each sees the other's result. */
  private async locked(tx: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.users.lock(tx, id);
    if (!user) throw new NotFoundException('No such user');
    return user;
  }
}
