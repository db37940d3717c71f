import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { LiveRecords } from './live-records';
import { STUDIO_RECORDS_CONTROLLERS } from './studio-records.controller';
import { StudioRecordsService } from './studio-records.service';

/**
 * The kinds of curated record (items, memorials, exhibitions): their tables,
 * the studio's routes over the kind registry, revisions, the one write path
 * to the live side (publish.ts) and the live read model others build on.
 */
@Module({
  imports: [CountriesModule],
  controllers: STUDIO_RECORDS_CONTROLLERS,
  providers: [StudioRecordsService, LiveRecords],
  exports: [StudioRecordsService, LiveRecords],
})
export class ContentModule {}
