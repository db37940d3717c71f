import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PersonSearchResults, type SearchResults, type Suggestion, personSearchQuerySchema, searchQuerySchema, suggestQuerySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { PublicRoute } from '../access/access.decorators';
import { PersonSearchService } from './person-search.service';
import { SearchService } from './search.service';

class SearchQueryDto extends createZodDto(searchQuerySchema) {}
class SuggestQueryDto extends createZodDto(suggestQuerySchema) {}
class PersonSearchQueryDto extends createZodDto(personSearchQuerySchema) {}

/** Search over published things only; anyone may ask. */
@ApiTags('public')
@Controller('public/search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly people: PersonSearchService,
  ) {}

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

  /** Find a person by name as a family spells it, narrowed by years, place, rank, unit and fate. */
  @PublicRoute()
  @Get('people')
  findPeople(@Query() query: PersonSearchQueryDto, @Headers('accept-language') acceptLanguage?: string): Promise<PersonSearchResults> {
    return this.people.search(query, acceptLanguage);
  }
}
