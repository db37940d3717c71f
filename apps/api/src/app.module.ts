import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { ConfigModule } from './infra/config/config.module';
import type { AppConfig } from './infra/config/config.schema';
import { DatabaseModule } from './infra/database/database.module';
import { QueueModule } from './infra/queue/queue.module';
import { StorageModule } from './infra/storage/storage.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { CountriesModule } from './modules/countries/countries.module';
import { ContentModule } from './modules/content/content.module';
import { DemoModule } from './modules/demo/demo.module';
import { ExchangeModule } from './modules/exchange/exchange.module';
import { HealthModule } from './modules/health/health.module';
import { MediaModule } from './modules/media/media.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PeopleModule } from './modules/people/people.module';
import { ReviewModule } from './modules/review/review.module';
import { SearchModule } from './modules/search/search.module';
import { SiteModule } from './modules/site/site.module';
import { OaiModule } from './modules/oai/oai.module';
import { PartnersModule } from './modules/partners/partners.module';

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
        AccountsModule,
        CountriesModule,
        HealthModule,
        ContentModule,
        SiteModule,
        OaiModule,
        PartnersModule,
        MediaModule,
        NotificationsModule,
        ReviewModule,
        PeopleModule,
        SearchModule,
        ExchangeModule,
        DemoModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: ZodValidationPipe }],
    };
  }
}
