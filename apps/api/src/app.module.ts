import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { ConfigModule } from './infra/config/config.module';
import type { AppConfig } from './infra/config/config.schema';
import { DatabaseModule } from './infra/database/database.module';
import { QueueModule } from './infra/queue/queue.module';
import { StorageModule } from './infra/storage/storage.module';
import { AccessModule } from './modules/access/access.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { CountriesModule } from './modules/countries/countries.module';
import { ExhibitionsModule } from './modules/exhibitions/exhibitions.module';
import { HealthModule } from './modules/health/health.module';
import { ItemsModule } from './modules/items/items.module';
import { MediaModule } from './modules/media/media.module';
import { MemorialsModule } from './modules/memorials/memorials.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReviewModule } from './modules/review/review.module';
import { SearchModule } from './modules/search/search.module';
import { SiteModule } from './modules/site/site.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        StorageModule,
        QueueModule,
        AuditModule,
        AccessModule,
        AccountsModule,
        CountriesModule,
        HealthModule,
        ItemsModule,
        MemorialsModule,
        ExhibitionsModule,
        SiteModule,
        MediaModule,
        NotificationsModule,
        ReviewModule,
        SearchModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
    };
  }
}
