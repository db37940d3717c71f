import { Controller, Get, Headers, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type PublicExhibitionsPage,
  type PublicItemsPage,
  type PublicMemorialsPage,
  publicExhibitionsPageSchema,
  publicItemsPageSchema,
  publicMemorialsPageSchema,
  publicRecordsQuerySchema,
} from '@vitrina/contracts';
import type { FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { PublicCacheInterceptor } from '../../infra/http/public-cache.interceptor';
import { pageSources } from '../../infra/http/page-sources';
import { PublicRoute } from '../access/access.decorators';
import { CountrySlugParams } from '../countries/dto';
import { PublicListsService } from './public-lists.service';

class RecordsQuery extends createZodDto(publicRecordsQuerySchema) {}
class ItemsPage extends createZodDto(publicItemsPageSchema) {}
class MemorialsPage extends createZodDto(publicMemorialsPageSchema) {}
class ExhibitionsPage extends createZodDto(publicExhibitionsPageSchema) {}

const PAGING =
  'Newest approved first, then by id, a page at a time: `limit` 1–200 (50 when left out); `cursor` is the previous page’s `nextCursor` as given ' +
  '(anything else is a 400); `nextCursor` is null on the last page. Live records and approved texts only, resolved for `lang` or Accept-Language.';

/** A country's records of each kind for partners: the read API's lists, with ETags like every public answer. */
@ApiTags('public', 'partners')
@Controller('public')
@PublicRoute()
@UseInterceptors(PublicCacheInterceptor)
export class PublicListsController {
  constructor(private readonly lists: PublicListsService) {}

  @Get('countries/:slug/items')
  @ApiOperation({ summary: "A country's live items", description: PAGING })
  @ApiOkResponse({ type: ItemsPage })
  items(
    @Param() params: CountrySlugParams,
    @Query() query: RecordsQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicItemsPage> {
    return this.lists.items(params.slug, query, { acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/memorials')
  @ApiOperation({ summary: "A country's live memorials", description: PAGING })
  @ApiOkResponse({ type: MemorialsPage })
  memorials(
    @Param() params: CountrySlugParams,
    @Query() query: RecordsQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicMemorialsPage> {
    return this.lists.memorials(params.slug, query, { acceptLanguage, sources: pageSources(request) });
  }

  @Get('countries/:slug/exhibitions')
  @ApiOperation({ summary: "A country's live exhibitions", description: PAGING })
  @ApiOkResponse({ type: ExhibitionsPage })
  exhibitions(
    @Param() params: CountrySlugParams,
    @Query() query: RecordsQuery,
    @Req() request: FastifyRequest,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicExhibitionsPage> {
    return this.lists.exhibitions(params.slug, query, { acceptLanguage, sources: pageSources(request) });
  }
}
