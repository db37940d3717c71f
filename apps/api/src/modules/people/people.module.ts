import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PersonDuplicatesService } from './person-duplicates.service';
import { PersonMergeService } from './person-merge.service';

/** Duplicate people (issue 14): suggestions over the name-key index, and the merge that keeps both histories. */
@Module({
  imports: [SearchModule],
  controllers: [PeopleController],
  providers: [PeopleRepository, PersonDuplicatesService, PersonMergeService],
  exports: [PeopleRepository],
})
export class PeopleModule {}
