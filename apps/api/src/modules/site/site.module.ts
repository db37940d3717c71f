import { Module } from '@nestjs/common';
import { PublicSnapshots } from '../../infra/http/public-snapshots';
import { ContentModule } from '../content/content.module';
import { CountriesModule } from '../countries/countries.module';
import { IiifCollectionsController } from './iiif/collections.controller';
import { DescribedRecords } from './described-records';
import { ManifestedRecordsRepository } from './iiif/manifested-records.repository';
import { IiifManifestsController } from './iiif/manifests.controller';
import { LinkedDataController } from './linked-data/linked-data.controller';
import { PublicPeopleController } from './public-people.controller';
import { PublicPeopleService } from './public-people.service';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The visitor's read model over published countries, exhibitions, items, memorials and people: pages, the register of people, IIIF manifests and collections, the sitemap. */
@Module({
  imports: [CountriesModule, ContentModule],
  controllers: [PublicSiteController, PublicPeopleController, IiifManifestsController, IiifCollectionsController, LinkedDataController],
  providers: [PublicSiteService, PublicPeopleService, PublicSnapshots, DescribedRecords, ManifestedRecordsRepository],
  exports: [PublicSnapshots, DescribedRecords],
})
export class SiteModule {}
