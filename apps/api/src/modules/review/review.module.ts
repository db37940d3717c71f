import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { CountriesModule } from '../countries/countries.module';
import { MediaModule } from '../media/media.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { MediaWithdrawalController } from './media-withdrawal.controller';
import { MediaWithdrawal } from './media-withdrawal.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { StudioWorkflowController } from './studio-workflow.controller';
import { WorkflowService } from './workflow.service';

/** Revisions, review decisions and the moderation desk, for records and for the files they show. */
@Module({
  imports: [CountriesModule, ContentModule, MediaModule, NotificationsModule, SearchModule],
  controllers: [ReviewController, StudioWorkflowController, MediaWithdrawalController],
  providers: [ReviewService, WorkflowService, MediaWithdrawal, ReviewRepository],
})
export class ReviewModule {}
