import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { MembershipEntity } from './membership.entity';

/** The memberships' data access (a user's role in a country), and whether the country they would name exists. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private memberships(manager: EntityManager = this.db.manager) {
    return manager.getRepository(MembershipEntity);
  }

  async countryExists(countryId: string, manager?: EntityManager): Promise<boolean> {
    const country = await (manager ?? this.db.manager).getRepository(CountryEntity).findOne({ where: { id: countryId } });
    return country !== null;
  }

  find(userId: string, countryId: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return this.memberships(manager).findOne({ where: { userId, countryId } });
  }

  /** Grants the role, replacing the user's role in the country if they had one. */
  async upsert(membership: { userId: string; countryId: string; role: Role }, manager?: EntityManager): Promise<void> {
    await this.memberships(manager).upsert(membership, ['userId', 'countryId']);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.memberships(manager).delete({ id });
  }
}
