import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUserInput, GrantMembershipInput, UpdateUserInput, User } from '@vitrina/contracts';
import { createUserSchema } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { MembershipEntity } from './membership.entity';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

const UNIQUE_VIOLATION = '23505';

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

/** Installation-wide user administration. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  private get users() {
    return this.db.getRepository(UserEntity);
  }

  async list(): Promise<User[]> {
    const users = await this.users.find({
      relations: { memberships: { country: true } },
      order: { email: 'ASC' },
    });
    return users.map(toUser);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { memberships: { country: true } } });
    if (!user) throw new NotFoundException('No such user');
    return toUser(user);
  }

  async create(input: CreateUserInput): Promise<User> {
    const data = createUserSchema.parse(input);
    try {
      const { identifiers } = await this.users.insert({
        email: data.email,
        displayName: data.displayName,
        passwordHash: await hashPassword(data.password),
        isAdmin: data.isAdmin,
      });
      return this.get(identifiers[0].id as string);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('A user with this email already exists');
      }
      throw error;
    }
  }

  /** Disabling a user or setting a new password ends their sessions at once. */
  async update(id: string, input: UpdateUserInput): Promise<User> {
    await this.get(id);
    const changes: Partial<UserEntity> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.isAdmin !== undefined) changes.isAdmin = input.isAdmin;
    if (input.disabled !== undefined) changes.disabledAt = input.disabled ? new Date() : null;
    if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);
    await this.users.update({ id }, changes);
    if (input.disabled || input.password !== undefined) await this.sessions.revokeAllOf(id);
    return this.get(id);
  }

  /** Grants a role in a country; a second grant for the same country replaces the role. */
  async grantMembership(userId: string, input: GrantMembershipInput): Promise<User> {
    await this.get(userId);
    const country = await this.db.getRepository(CountryEntity).findOne({ where: { id: input.countryId } });
    if (!country) throw new NotFoundException('No such country');
    await this.db
      .getRepository(MembershipEntity)
      .upsert({ userId, countryId: input.countryId, role: input.role }, ['userId', 'countryId']);
    return this.get(userId);
  }

  async revokeMembership(userId: string, countryId: string): Promise<void> {
    const result = await this.db.getRepository(MembershipEntity).delete({ userId, countryId });
    if (!result.affected) throw new NotFoundException('No such membership');
  }
}
