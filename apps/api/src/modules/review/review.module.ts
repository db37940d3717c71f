import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ExhibitionsModule } from '../exhibitions/exhibitions.module';
import { ItemsModule } from '../items/items.module';
import { MemorialsModule } from '../memorials/memorials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { LiveRecords } from '../content/live-records';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';
import { StudioWorkflowController } from './studio-workflow.controller';
import { WorkflowService } from './workflow.service';

/** Revisions, review decisions and the moderation desk. */
@Module({
  imports: [CountriesModule, ItemsModule, MemorialsModule, ExhibitionsModule, NotificationsModule, SearchModule],
  controllers: [ReviewController, StudioWorkflowController],
  providers: [ReviewService, WorkflowService, LiveRecords],
  exports: [WorkflowService, LiveRecords],
})
export class ReviewModule {}
