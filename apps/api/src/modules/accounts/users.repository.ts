import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** A new user's columns as an administrator gives them. */
export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'isAdmin'>;

/** The users' data access. Writes take the transaction of the change (and of its audit entry) when there is one. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private users(manager: EntityManager = this.db.manager) {
    return manager.getRepository(UserEntity);
  }

  /** Every user with their memberships and those memberships' countries, by email. */
  listWithMemberships(): Promise<UserEntity[]> {
    return this.users().find({ relations: { memberships: { country: true } }, order: { email: 'ASC' } });
  }

  findWithMemberships(id: string): Promise<UserEntity | null> {
    return this.users().findOne({ where: { id }, relations: { memberships: { country: true } } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users().findOne({ where: { email } });
  }

  /** The user, or an EntityNotFoundError. */
  getById(id: string): Promise<UserEntity> {
    return this.users().findOneOrFail({ where: { id } });
  }

  /** The user's row, locked until the transaction ends; null when there is no such user. */
  lock(tx: EntityManager, id: string): Promise<UserEntity | null> {
    return this.users(tx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts the user; their new id. */
  async insert(user: NewUser, manager?: EntityManager): Promise<string> {
    const { identifiers } = await this.users(manager).insert(user);
    return identifiers[0].id as string;
  }

  /** Inserts the user unless the email is taken; their new id, or null when it was. */
  async insertIfAbsent(user: NewUser, manager?: EntityManager): Promise<string | null> {
    const inserted = await this.users(manager).createQueryBuilder().insert().values(user).orIgnore().returning(['id']).execute();
    return (inserted.raw[0]?.id as string | undefined) ?? null;
  }

  /** Makes the user with this email an administrator with this password, creating them if need be. */
  async upsertAdministrator(user: Omit<NewUser, 'isAdmin'>): Promise<void> {
    await this.users().createQueryBuilder().insert().values({ ...user, isAdmin: true }).orUpdate(['is_admin', 'password_hash'], ['email']).execute();
  }

  countAdministrators(): Promise<number> {
    return this.users().countBy({ isAdmin: true });
  }

  async update(id: string, values: Partial<UserEntity>, manager?: EntityManager): Promise<void> {
    await this.users(manager).update({ id }, values);
  }
}
