import { Module } from '@nestjs/common';
import { PublicSnapshots } from '../../infra/http/public-snapshots';
import { ContentModule } from '../content/content.module';
import { CountriesModule } from '../countries/countries.module';
import { IiifManifestsController } from './iiif-manifests.controller';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The visitor's read model over published countries, exhibitions, items and memorials: pages, IIIF manifests, the sitemap. */
@Module({
  imports: [CountriesModule, ContentModule],
  controllers: [PublicSiteController, IiifManifestsController],
  providers: [PublicSiteService, PublicSnapshots],
  exports: [PublicSnapshots],
})
export class SiteModule {}
