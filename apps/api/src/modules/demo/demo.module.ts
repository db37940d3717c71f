import { Injectable, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CountriesModule } from '../countries/countries.module';
import { MediaModule } from '../media/media.module';
import { DemoAccountsSeeder } from './demo-accounts.seeder';
import { DemoContentSeeder } from './demo-content.seeder';
import { DemoMediaMaker } from './demo-media.maker';

/** Fills an empty installation outside production: demo staff accounts, then a small published museum. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly accounts: DemoAccountsSeeder,
    private readonly content: DemoContentSeeder,
  ) {}

  async seed(): Promise<void> {
    await this.accounts.seed();
    await this.content.seed();
  }
}

@Module({
  imports: [AccountsModule, CountriesModule, MediaModule],
  providers: [DemoSeeder, DemoAccountsSeeder, DemoContentSeeder, DemoMediaMaker],
  exports: [DemoSeeder],
})
export class DemoModule {}
