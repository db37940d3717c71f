import { Controller, Get, Headers, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PublicPeoplePage, publicPeopleQuerySchema } from '@vitrina/contracts';
import type { FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { PublicCacheInterceptor } from '../../infra/http/public-cache.interceptor';
import { pageSources } from '../../infra/http/page-sources';
import { PublicSnapshot } from '../../infra/http/public-snapshots';
import { PublicRoute } from '../access/access.decorators';
import { CountrySlugParams } from '../countries/dto';
import { PublicPeopleService } from './public-people.service';

class PeopleQuery extends createZodDto(publicPeopleQuerySchema) {}

/** The register of people in the public API: cached and revalidated like the record pages. */
@ApiTags('public')
@Controller('public')
@PublicRoute()
@UseInterceptors(PublicCacheInterceptor)
export class PublicPeopleController {
  constructor(private readonly people: PublicPeopleService) {}

  @Get('countries/:slug/people')
  @PublicSnapshot()
  list(
    @Param() params: CountrySlugParams,
    @Query() query: PeopleQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicPeoplePage> {
    return this.people.page(params.slug, query, { acceptLanguage, sources: pageSources(request) });
  }
}
