import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StudioMemorial, StudioList } from '@vitrina/contracts';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams, StudioListQuery } from '../content/studio-dto';
import { CreateMemorialDto, UpdateMemorialDto } from './dto';
import { MemorialsService } from '../content/kinds/memorial.kind';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

@ApiTags('studio')
@Controller('studio/countries/:countryId/memorials')
export class StudioMemorialsController {
  constructor(private readonly memorials: MemorialsService) {}

  @RequireCountry('content.read', COUNTRY)
  @Get()
  list(
    @Param() params: CountryParams,
    @Query() query: StudioListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StudioList> {
    return this.memorials.list(params.countryId, query, acceptLanguage);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Post()
  create(@Param() params: CountryParams, @Body() body: CreateMemorialDto, @CurrentActor() actor: Actor): Promise<StudioMemorial> {
    return this.memorials.create(params.countryId, actor, body);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get(':id')
  get(@Param() params: CountryRecordParams): Promise<StudioMemorial> {
    return this.memorials.get(params.countryId, params.id);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Put(':id')
  update(@Param() params: CountryRecordParams, @Body() body: UpdateMemorialDto, @CurrentActor() actor: Actor): Promise<StudioMemorial> {
    return this.memorials.update(params.countryId, params.id, actor, body);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: CountryRecordParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.memorials.remove(params.countryId, params.id, actor);
  }
}
