import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { MembershipEntity } from '../accounts/membership.entity';
import { hashPassword } from '../accounts/password-hasher';
import { UserEntity } from '../accounts/user.entity';

@Injectable()
export class DemoAccountsSeeder {
  private readonly logger = new Logger(DemoAccountsSeeder.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the demo accounts that do not exist yet; never touches existing ones. */
  async seed(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      await this.db.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(UserEntity)
          .values({ email: account.email, displayName: account.displayName, passwordHash, isAdmin: account.isAdmin })
          .orIgnore()
          .returning(['id'])
          .execute();
        const userId = inserted.raw[0]?.id as string | undefined;
        if (!userId) return;
        for (const membership of account.memberships) {
          const country = await tx.getRepository(CountryEntity).findOneByOrFail({ slug: membership.countrySlug });
          await tx.getRepository(MembershipEntity).insert({ userId, countryId: country.id, role: membership.role });
        }
        this.logger.log(`seeded demo account ${account.email}`);
      });
    }
  }
}
