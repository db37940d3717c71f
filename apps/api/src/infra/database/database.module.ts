import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { dataSourceOptions } from './data-source-options';

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
})
export class DatabaseModule {}

export function resolvedDatabaseUrl(config: AppConfig): string {
  if (config.database.url) return config.database.url;
  throw new Error('embedded PostgreSQL must be started, and its URL put into the config, before the app starts');
}
