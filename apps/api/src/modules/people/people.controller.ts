import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PersonDuplicates, type PersonMergeResult, mergePeopleSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryRecordParams } from '../countries/dto';
import { PersonDuplicatesService } from './person-duplicates.service';
import { PersonMergeService } from './person-merge.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

class MergePeopleDto extends createZodDto(mergePeopleSchema) {}

/** Duplicate people in the studio: suggestions for curators, the merge for moderators. */
@ApiTags('studio')
@Controller('studio/countries/:countryId/people/:id')
export class PeopleController {
  constructor(
    private readonly duplicates: PersonDuplicatesService,
    private readonly merges: PersonMergeService,
  ) {}

  @RequireCountry('content.read', COUNTRY)
  @Get('duplicates')
  suggest(@Param() params: CountryRecordParams): Promise<PersonDuplicates> {
    return this.duplicates.suggest(params.countryId, params.id);
  }

  /** Changes what visitors see without another review, so it takes a moderator (`content.review`). */
  @RequireCountry('content.review', COUNTRY)
  @Post('merge')
  @HttpCode(200)
  merge(@Param() params: CountryRecordParams, @Body() body: MergePeopleDto, @CurrentActor() actor: Actor): Promise<PersonMergeResult> {
    return this.merges.merge(params.countryId, params.id, actor, body);
  }
}
