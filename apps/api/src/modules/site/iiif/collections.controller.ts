import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { COLLECTION_NAMES, type Collection, slugSchema } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { APP_CONFIG } from '../../../infra/config/config.module';
import type { AppConfig } from '../../../infra/config/config.schema';
import { PublicRoute } from '../../access/access.decorators';
import { CountriesService } from '../../countries/countries.service';
import { publicBase } from '../../../infra/http/public-base';
import { presentationHeaders } from './answer';
import { COLLECTION_PAGE_SIZE, buildCountryCollection, buildKindCollection } from './collection';
import { decodePublishedCursor } from '../../content/published-cursor';
import { ManifestedRecordsRepository } from './manifested-records.repository';
import { iiifAddresses } from './manifest';

const country = z.strictObject({ country: slugSchema });
const kind = country.extend({ collection: z.enum(COLLECTION_NAMES) });
class CountryParams extends createZodDto(country) {}
class KindParams extends createZodDto(kind) {}
class KindPageParams extends createZodDto(kind.extend({ after: z.string().min(1).max(200) })) {}

/**
 * A IIIF Collection per country: its exhibitions, items, memorials and
 * people that have a manifest, newest approved first, 1 000 to a page.
 */
@ApiTags('iiif')
@Controller('iiif/collections')
@PublicRoute()
export class IiifCollectionsController {
  constructor(
    private readonly countries: CountriesService,
    private readonly records: ManifestedRecordsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':country')
  async country(@Param() params: CountryParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const country = await this.countries.findEntityBySlug(params.country);
    presentationHeaders(reply);
    return buildCountryCollection(publicBase(this.config, request), country);
  }

  @Get(':country/:collection')
  kind(@Param() params: KindParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.page(params.country, params.collection, null, request, reply);
  }

  /** A later page: `after` is the segment the page before linked to. */
  @Get(':country/:collection/after/:after')
  later(@Param() params: KindPageParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.page(params.country, params.collection, params.after, request, reply);
  }

  private async page(countrySlug: string, collection: Collection, after: string | null, request: FastifyRequest, reply: FastifyReply) {
    const key = after === null ? null : decodePublishedCursor(after, 'after');
    const country = await this.countries.findEntityBySlug(countrySlug);
    const rows = await this.records.page(collection, country.id, key, COLLECTION_PAGE_SIZE + 1);
    const base = publicBase(this.config, request);
    const pageId = iiifAddresses(base).kindCollection(country.slug, collection) + (after === null ? '' : `/after/${after}`);
    presentationHeaders(reply);
    return buildKindCollection(base, country, collection, rows, pageId);
  }
}
