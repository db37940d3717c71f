import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ContentModule } from '../content/content.module';
import { SiteModule } from '../site/site.module';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { PartnerGate } from './partner-gate';
import { PublicListsController } from './public-lists.controller';
import { PublicListsService } from './public-lists.service';

/**
 * The read API for partners (aggregators, national portals, researchers):
 * lists of every kind of record with cursor paging, API keys, and the gate
 * (CORS on /api/public, keys, rate limits) that the bootstrap hooks in
 * before anything answers.
 */
@Module({
  // SiteModule: the public page cache's PublicSnapshots (one per process), for the lists' ETags.
  imports: [AuditModule, ContentModule, SiteModule],
  controllers: [PublicListsController, AdminApiKeysController],
  providers: [PublicListsService, ApiKeysService, PartnerGate],
  exports: [PartnerGate],
})
export class PartnersModule {}
