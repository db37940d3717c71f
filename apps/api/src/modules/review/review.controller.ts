import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReviewDetail, ReviewQueueEntry } from '@vitrina/contracts';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { ApproveDto, CountryRouteParams, LangQuery, ModerationDto, RecordRouteParams, SendBackDto } from './dto';
import { ReviewService } from './review.service';
import { WorkflowService } from './workflow.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

/** The moderation desk: moderators (and admins) of the country only. */
@ApiTags('review')
@Controller('review/countries/:countryId')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly workflow: WorkflowService,
  ) {}

  @RequireCountry('content.review', COUNTRY)
  @Get('queue')
  queue(@Param() params: CountryRouteParams, @Query() query: LangQuery): Promise<ReviewQueueEntry[]> {
    return this.review.queue(params.countryId, query.lang);
  }

  @RequireCountry('content.review', COUNTRY)
  @Get(':collection/:id')
  detail(@Param() params: RecordRouteParams, @Query() query: LangQuery, @CurrentActor() actor: Actor): Promise<ReviewDetail> {
    return this.review.detail(params.countryId, params.collection, params.id, actor, query.lang);
  }

  @RequireCountry('content.review', COUNTRY)
  @Get(':collection/:id/preview')
  preview(@Param() params: RecordRouteParams, @Query() query: LangQuery): Promise<unknown> {
    return this.review.preview(params.countryId, params.collection, params.id, query.lang);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post(':collection/:id/approve')
  @HttpCode(204)
  approve(@Param() params: RecordRouteParams, @Body() body: ApproveDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.approve(params.countryId, params.collection, params.id, actor, body);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post(':collection/:id/request-changes')
  @HttpCode(204)
  requestChanges(@Param() params: RecordRouteParams, @Body() body: SendBackDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.requestChanges(params.countryId, params.collection, params.id, actor, body);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post(':collection/:id/reject')
  @HttpCode(204)
  reject(@Param() params: RecordRouteParams, @Body() body: SendBackDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.reject(params.countryId, params.collection, params.id, actor, body);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post(':collection/:id/unpublish')
  @HttpCode(204)
  unpublish(@Param() params: RecordRouteParams, @Body() body: ModerationDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.unpublish(params.countryId, params.collection, params.id, actor, body);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post(':collection/:id/archive')
  @HttpCode(204)
  archive(@Param() params: RecordRouteParams, @Body() body: ModerationDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.archive(params.countryId, params.collection, params.id, actor, body);
  }
}
