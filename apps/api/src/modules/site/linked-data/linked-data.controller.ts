import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { COLLECTION_NAMES, slugSchema, uuidSchema } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { openToOtherSites } from '../../../bootstrap/security-headers';
import { APP_CONFIG } from '../../../infra/config/config.module';
import type { AppConfig } from '../../../infra/config/config.schema';
import { PublicRoute } from '../../access/access.decorators';
import { type DescribedRecord, DescribedRecords } from '../described-records';
import { publicBase } from '../../../infra/http/public-base';
import { linkedArtObject } from './linked-art';
import { JSON_LD, LINKED_ART_PROFILE, wantsLinkedArt } from '../../../infra/http/json-ld-negotiation';
import { schemaOrgDocument } from './schema-org';

const collection = z.enum(COLLECTION_NAMES);
class ByIdParams extends createZodDto(z.strictObject({ collection, id: uuidSchema })) {}
class ByAddressParams extends createZodDto(z.strictObject({ country: slugSchema, collection, slug: z.string().min(1).max(200) })) {}
class ItemParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/**
 * Every live record as JSON-LD: schema.org by default, Linked Art for an
 * item when the client names its profile in Accept. By id (the IIIF
 * manifests' `seeAlso`) or by the record's page address, where the web
 * server sends a Linked Data client that asked the page for JSON-LD.
 */
@ApiTags('linked data')
@Controller('public')
@PublicRoute()
export class LinkedDataController {
  constructor(
    private readonly records: DescribedRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('linked-data/:collection/:id')
  async byId(@Param() params: ByIdParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.records.describe(params.collection, params.id), request, reply);
  }

  @Get('linked-data/countries/:country/:collection/:slug')
  async byAddress(@Param() params: ByAddressParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.records.describeBySlug(params.country, params.collection, params.slug), request, reply);
  }

  @Get('linked-art/items/:id')
  async linkedArt(@Param() params: ItemParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const described = await this.records.item(params.id);
    this.headers(reply, true);
    return linkedArtObject(publicBase(this.config, request), described);
  }

  private answer(described: DescribedRecord, request: FastifyRequest, reply: FastifyReply) {
    const base = publicBase(this.config, request);
    const linkedArt = described.collection === 'items' && wantsLinkedArt(request.headers.accept);
    this.headers(reply, linkedArt);
    if (described.collection === 'items' && linkedArt) return linkedArtObject(base, described);
    return schemaOrgDocument(base, described);
  }

  private headers(reply: FastifyReply, linkedArt: boolean): void {
    void reply
      .type(linkedArt ? `${JSON_LD};profile="${LINKED_ART_PROFILE}"` : `${JSON_LD}; charset=utf-8`)
      .header('cache-control', 'public, max-age=300')
      .header('vary', 'Accept');
    openToOtherSites(reply);
  }
}
