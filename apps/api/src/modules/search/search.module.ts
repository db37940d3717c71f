import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { SearchController } from './search.controller';
import { SearchIndexRepository } from './search-index.repository';
import { SearchIndex } from './search-index.service';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';
import { PersonSearchService } from './person-search.service';
import { SearchFilterCountsWorker } from './search-filter-counts.worker';

/** Search over what is live; the index is written by the review workflow. */
@Module({
  imports: [CountriesModule],
  controllers: [SearchController],
  providers: [SearchService, PersonSearchService, SearchIndex, SearchRepository, SearchIndexRepository, SearchFilterCountsWorker],
  exports: [SearchIndex],
})
export class SearchModule {}
