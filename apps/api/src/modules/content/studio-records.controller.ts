import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ApiTags } from '@nestjs/swagger';
import { type RecordType, type StudioList, publicLangQuerySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import type { ZodType } from 'zod';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { CountryParams, CountryRecordParams } from '../countries/dto';
import { RECORD_KINDS } from './record-kinds';
import { StudioListQuery } from './studio-dto';
import { StudioRecordsService } from './studio-records.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

class PreviewQuery extends createZodDto(publicLangQuerySchema) {}

/** A class given the name OpenAPI shows for it (DTO schemas and operation ids are named after classes). */
function named<T extends Type>(name: string, type: T): T {
  Object.defineProperty(type, 'name', { value: name });
  return type;
}

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

/**
 * The studio's routes for one kind of record, made from the registry: one
 * implementation, one controller class per kind so each keeps its own
 * address (`studio/countries/:countryId/items`, …) and OpenAPI names.
 */
function studioRecordsController(type: RecordType): Type {
  const kind = RECORD_KINDS[type];
  const label = capitalised(kind.label);
  // Widened to one document type: the registry's union of schemas is not a class base TypeScript accepts.
  const [createSchema, updateSchema]: ZodType<Record<string, unknown>>[] = [kind.contract.createBodySchema, kind.contract.updateBodySchema];
  class CreateDto extends createZodDto(createSchema) {}
  class UpdateDto extends createZodDto(updateSchema) {}
  named(`Create${label}Dto`, CreateDto);
  named(`Update${label}Dto`, UpdateDto);

  @ApiTags('studio')
  @Controller(`studio/countries/:countryId/${kind.contract.collection}`)
  class StudioRecordsController {
    constructor(private readonly records: StudioRecordsService) {}

    @RequireCountry('content.read', COUNTRY)
    @Get()
    list(@Param() params: CountryParams, @Query() query: StudioListQuery, @Headers('accept-language') acceptLanguage?: string): Promise<StudioList> {
      return this.records.list(kind, params.countryId, query, acceptLanguage);
    }

    @RequireCountry('content.edit', COUNTRY)
    @Post()
    create(@Param() params: CountryParams, @Body() body: CreateDto, @CurrentActor() actor: Actor): Promise<object> {
      return this.records.create(kind, params.countryId, actor, body);
    }

    @RequireCountry('content.read', COUNTRY)
    @Get(':id')
    get(@Param() params: CountryRecordParams): Promise<object> {
      return this.records.get(kind, params.countryId, params.id);
    }

    @RequireCountry('content.read', COUNTRY)
    @Get(':id/preview')
    preview(@Param() params: CountryRecordParams, @Query() query: PreviewQuery): Promise<unknown> {
      return this.records.preview(kind, params.countryId, params.id, query.lang);
    }

    @RequireCountry('content.read', COUNTRY)
    @Post('preview')
    @HttpCode(200)
    previewDraft(@Param() params: CountryParams, @Body() body: CreateDto, @Query() query: PreviewQuery): Promise<unknown> {
      return this.records.previewDraft(kind, params.countryId, body, query.lang);
    }

    @RequireCountry('content.edit', COUNTRY)
    @Put(':id')
    update(@Param() params: CountryRecordParams, @Body() body: UpdateDto, @CurrentActor() actor: Actor): Promise<object> {
      return this.records.update(kind, params.countryId, params.id, actor, body);
    }

    @RequireCountry('content.edit', COUNTRY)
    @Delete(':id')
    @HttpCode(204)
    remove(@Param() params: CountryRecordParams, @CurrentActor() actor: Actor): Promise<void> {
      return this.records.remove(kind, params.countryId, params.id, actor);
    }
  }

  // A kind without a preview has no preview routes at all (not ones that answer 404).
  if (!kind.preview) Reflect.deleteMetadata(PATH_METADATA, StudioRecordsController.prototype.preview);
  if (!kind.previewDraft) Reflect.deleteMetadata(PATH_METADATA, StudioRecordsController.prototype.previewDraft);
  return named(`Studio${capitalised(kind.contract.collection)}Controller`, StudioRecordsController);
}

export const STUDIO_RECORDS_CONTROLLERS = Object.values(RECORD_KINDS).map((kind) => studioRecordsController(kind.contract.type));
