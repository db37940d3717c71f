import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { DatabaseChanges } from './database-changes';
import { dataSourceOptions, resolvedDatabaseUrl } from './data-source-options';

export { resolvedDatabaseUrl } from './data-source-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(resolvedDatabaseUrl(config), config.database.poolSize),
        retryAttempts: 10,
        retryDelay: 2000,
      }),
    }),
  ],
  // Global, so it starts before and stops after every module that subscribes to it.
  providers: [DatabaseChanges],
  exports: [DatabaseChanges],
})
export class DatabaseModule {}
