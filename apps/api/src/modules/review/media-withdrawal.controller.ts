import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { mediaRouteParamsSchema, moderationSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { MediaWithdrawal } from './media-withdrawal.service';

class MediaRouteParams extends createZodDto(mediaRouteParamsSchema) {}
class WithdrawalDto extends createZodDto(moderationSchema) {}

const COUNTRY = { from: 'params', key: 'countryId' } as const;

/** The moderation desk's decisions on one file: moderators (and admins) of its country only. */
@ApiTags('review')
@Controller('review/countries/:countryId/media/:mediaId')
export class MediaWithdrawalController {
  constructor(private readonly withdrawal: MediaWithdrawal) {}

  @RequireCountry('content.review', COUNTRY)
  @Post('withdraw')
  @HttpCode(204)
  withdraw(@Param() params: MediaRouteParams, @Body() body: WithdrawalDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.withdrawal.withdraw(params.countryId, params.mediaId, actor, body);
  }

  @RequireCountry('content.review', COUNTRY)
  @Post('restore')
  @HttpCode(204)
  restore(@Param() params: MediaRouteParams, @Body() body: WithdrawalDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.withdrawal.restore(params.countryId, params.mediaId, actor, body);
  }
}
