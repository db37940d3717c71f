import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { exportParamsSchema } from '@vitrina/contracts';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { ExportService } from './export.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

class ExportParamsDto extends createZodDto(exportParamsSchema) {}

/** Collections out of a country's studio, as spreadsheets; for the country's curators and moderators, and admins. */
@ApiTags('studio')
@Controller('studio/countries/:countryId/export')
export class ExchangeController {
  constructor(private readonly exports: ExportService) {}

  /** `items.csv`, `people.xlsx`…: every record of the collection, drafts included, streamed as it is read. */
  @RequireCountry('content.read', COUNTRY)
  @Get(':collection.:format')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Param() params: ExportParamsDto, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const file = await this.exports.export(actor, params);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  }
}
