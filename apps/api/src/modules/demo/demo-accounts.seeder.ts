import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MembershipsRepository } from '../accounts/memberships.repository';
import { hashPassword } from '../accounts/password-hasher';
import { UsersRepository } from '../accounts/users.repository';
import { CountriesService } from '../countries/countries.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

@Injectable()
export class DemoAccountsSeeder {
  private readonly logger = new Logger(DemoAccountsSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly countries: CountriesService,
  ) {}

  /** Creates the demo accounts that do not exist yet; never touches existing ones. */
  async seed(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const countryIds = new Map((await this.countries.listEntities()).map((country) => [country.slug, country.id]));
    for (const account of DEMO_ACCOUNTS) {
      await this.db.transaction(async (tx) => {
        const user = { email: account.email, displayName: account.displayName, passwordHash, isAdmin: account.isAdmin };
        const userId = await this.users.insertIfAbsent(user, tx);
        if (!userId) return;
        for (const membership of account.memberships) {
          const countryId = countryIds.get(membership.countrySlug);
          if (!countryId) throw new Error(`demo account ${account.email} names an unknown country ${membership.countrySlug}`);
          await this.memberships.upsert({ userId, countryId, role: membership.role }, tx);
        }
        this.logger.log(`seeded demo account ${account.email}`);
      });
    }
  }
}
