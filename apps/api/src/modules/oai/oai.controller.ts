import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openToOtherSites } from '../../bootstrap/security-headers';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { PublicRoute } from '../access/access.decorators';
import { publicBase } from '../../infra/http/public-base';
import { type OaiRepository, OaiService } from './oai.service';

type Arguments = Record<string, string | string[] | undefined>;

/**
 * The OAI-PMH 2.0 endpoint, by GET (§3.1.1; harvesters use GET, and a POST
 * would be a write to the access guard's CSRF check). Every answer is XML
 * with HTTP 200, its errors inside, as the protocol says.
 */
@ApiTags('open data')
@Controller('oai')
@PublicRoute()
export class OaiController {
  constructor(
    private readonly oai: OaiService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private repository(request: FastifyRequest): OaiRepository {
    const base = publicBase(this.config, request);
    return { baseUrl: `${base}/api/oai`, host: new URL(base).hostname, publicBase: base };
  }

  @Get()
  @ApiOperation({ summary: 'OAI-PMH 2.0: Identify, ListMetadataFormats (oai_dc, edm), ListSets (country, country:kind), GetRecord, ListIdentifiers, ListRecords' })
  async get(@Query() query: Arguments, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const xml = await this.oai.answer(query, this.repository(request));
    // Set once the answer is made: a failure goes through the error filter as JSON.
    void reply.type('text/xml; charset=utf-8').header('cache-control', 'no-cache');
    openToOtherSites(reply);
    return xml;
  }
}
