import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type SearchResults, type Suggestion, searchQuerySchema, suggestQuerySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { PublicRoute } from '../access/access.decorators';
import { SearchService } from './search.service';

class SearchQueryDto extends createZodDto(searchQuerySchema) {}
class SuggestQueryDto extends createZodDto(suggestQuerySchema) {}

/** Search over published things only; anyone may ask. */
@ApiTags('public')
@Controller('public/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @PublicRoute()
  @Get()
  find(@Query() query: SearchQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<SearchResults> {
    return this.search.search(query, acceptLanguage);
  }

  @PublicRoute()
  @Get('suggest')
  suggest(@Query() query: SuggestQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<Suggestion[]> {
    return this.search.suggest(query, acceptLanguage);
  }
}
