import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StudioItem, StudioList } from '@vitrina/contracts';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams, StudioListQuery } from './studio-dto';
import { CreateItemDto, UpdateItemDto } from '../items/dto';
import { ItemsService } from './kinds/item.kind';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

@ApiTags('studio')
@Controller('studio/countries/:countryId/items')
export class StudioItemsController {
  constructor(private readonly items: ItemsService) {}

  @RequireCountry('content.read', COUNTRY)
  @Get()
  list(
    @Param() params: CountryParams,
    @Query() query: StudioListQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StudioList> {
    return this.items.list(params.countryId, query, acceptLanguage);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Post()
  create(@Param() params: CountryParams, @Body() body: CreateItemDto, @CurrentActor() actor: Actor): Promise<StudioItem> {
    return this.items.create(params.countryId, actor, body);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get(':id')
  get(@Param() params: CountryRecordParams): Promise<StudioItem> {
    return this.items.get(params.countryId, params.id);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Put(':id')
  update(@Param() params: CountryRecordParams, @Body() body: UpdateItemDto, @CurrentActor() actor: Actor): Promise<StudioItem> {
    return this.items.update(params.countryId, params.id, actor, body);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Delete(':id')
  @HttpCode(204)
  remove(@Param() params: CountryRecordParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.items.remove(params.countryId, params.id, actor);
  }
}
