import { Controller, Get, Headers, Inject, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MapConfig, PublicCountryHome, PublicItem, PublicMemorial, PublicMemorialPoints, PublicPerson } from '@vitrina/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { publicBase } from '../../infra/http/public-base';
import type { JsonText } from '../../infra/http/json-text';
import { PublicCacheInterceptor } from '../../infra/http/public-cache.interceptor';
import { pageSources } from '../../infra/http/page-sources';
import { PublicSnapshot } from '../../infra/http/public-snapshots';
import { PublicRoute } from '../access/access.decorators';
import { CountrySlugParams } from '../countries/dto';
import { LangQuery, RecordSlugParams } from './dto';
import { PublicSiteService } from './public-site.service';
import { renderSitemap } from './sitemap';

@ApiTags('public')
@Controller('public')
@PublicRoute()
@UseInterceptors(PublicCacheInterceptor)
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('countries/:slug/home')
  @PublicSnapshot()
  home(
    @Param() params: CountrySlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicCountryHome> {
    return this.site.home(params.slug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/memorial-points')
  @PublicSnapshot()
  memorialPoints(
    @Param() params: CountrySlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicMemorialPoints> {
    return this.site.memorialPoints(params.slug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/items/:recordSlug')
  @PublicSnapshot()
  item(
    @Param() params: RecordSlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicItem> {
    return this.site.item(params.slug, params.recordSlug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/memorials/:recordSlug')
  @PublicSnapshot()
  memorial(
    @Param() params: RecordSlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicMemorial> {
    return this.site.memorial(params.slug, params.recordSlug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/people/:recordSlug')
  @PublicSnapshot()
  person(
    @Param() params: RecordSlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicPerson> {
    return this.site.person(params.slug, params.recordSlug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/exhibitions/:recordSlug')
  @PublicSnapshot()
  exhibition(
    @Param() params: RecordSlugParams,
    @Query() query: LangQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<JsonText> {
    // Its JSON is a PublicExhibition, made by the service with cards kept from earlier pages.
    return this.site.exhibition(params.slug, params.recordSlug, { lang: query.lang, acceptLanguage, sources: pageSources(request) });
  }

  @Get('map-config')
  mapConfig(): MapConfig {
    return this.config.map;
  }

  @Get('sitemap.xml')
  async sitemap(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.type('application/xml; charset=utf-8');
    return renderSitemap(publicBase(this.config, request), await this.site.publishedPages());
  }
}
