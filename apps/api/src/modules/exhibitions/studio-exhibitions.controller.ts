import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicExhibition, StudioExhibition, StudioList } from '@vitrina/contracts';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams, StudioListQuery } from '../content/studio-dto';
import { CreateExhibitionDto, PreviewQuery, UpdateExhibitionDto } from './dto';
import { ExhibitionsService } from '../content/kinds/exhibition.kind';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

@ApiTags('studio')
@Controller('studio/countries/:countryId/exhibitions')
export class StudioExhibitionsController {
  constructor(private readonly exhibitions: ExhibitionsService) {}

  @RequireCountry('content.read', COUNTRY)
  @Get()
  list(
    @Param() params: CountryParams,
    @Query() query: StudioListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StudioList> {
    return this.exhibitions.list(params.countryId, query, acceptLanguage);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Post()
  create(@Param() params: CountryParams, @Body() body: CreateExhibitionDto, @CurrentActor() actor: Actor): Promise<StudioExhibition> {
    return this.exhibitions.create(params.countryId, actor, body);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get(':id')
  get(@Param() params: CountryRecordParams): Promise<StudioExhibition> {
    return this.exhibitions.get(params.countryId, params.id);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get(':id/preview')
  preview(@Param() params: CountryRecordParams, @Query() query: PreviewQuery): Promise<PublicExhibition> {
    return this.exhibitions.preview(params.countryId, params.id, query.lang);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Put(':id')
  update(@Param() params: CountryRecordParams, @Body() body: UpdateExhibitionDto, @CurrentActor() actor: Actor): Promise<StudioExhibition> {
    return this.exhibitions.update(params.countryId, params.id, actor, body);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: CountryRecordParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.exhibitions.remove(params.countryId, params.id, actor);
  }
}
