import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type ImportNamesReport, exportParamsSchema, importNamesParamsSchema, importNamesQuerySchema } from '@vitrina/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { ExportService } from './export.service';
import { NamesImportService } from './names-import.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

class ExportParamsDto extends createZodDto(exportParamsSchema) {}
class ImportNamesParamsDto extends createZodDto(importNamesParamsSchema) {}
class ImportNamesQueryDto extends createZodDto(importNamesQuerySchema) {}

/** Collections out of a country's studio, as spreadsheets; for the country's curators and moderators, and admins. */
@ApiTags('studio')
@Controller('studio/countries/:countryId')
export class ExchangeController {
  constructor(
    private readonly exports: ExportService,
    private readonly imports: NamesImportService,
  ) {}

  /** `items.csv`, `people.xlsx`…: every record of the collection, drafts included, streamed as it is read. */
  @RequireCountry('content.read', COUNTRY)
  @Get('export/:collection.:format')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Param() params: ExportParamsDto, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const file = await this.exports.export(actor, params);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  }

  /**
   * The names on one memorial from a CSV file (`text/csv`, UTF-8 or Windows-1251), as draft people linked to it.
   * `dryRun=true` (the default) only checks; a real run writes every row or none (422 with the report).
   */
  @RequireCountry('content.edit', COUNTRY)
  @Post('memorials/:memorialId/names')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  async importNames(
    @Param() params: ImportNamesParamsDto,
    @Query() query: ImportNamesQueryDto,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportNamesReport> {
    const outcome = await this.imports.importNames(actor, params, query.dryRun as unknown as boolean, body);
    void reply.status(outcome.status);
    return outcome.report;
  }
}
