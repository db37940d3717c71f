import { Module } from '@nestjs/common';
import { PublicSnapshots } from '../../infra/http/public-snapshots';
import { CountriesModule } from '../countries/countries.module';
import { MediaModule } from '../media/media.module';
import { ReviewModule } from '../review/review.module';
import { DemoContentSeeder } from '../demo/demo-content.seeder';
import { DemoMediaMaker } from '../demo/demo-media.maker';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The visitor's read model over published countries, exhibitions, items and memorials. */
@Module({
  imports: [CountriesModule, MediaModule, ReviewModule],
  controllers: [PublicSiteController],
  providers: [PublicSiteService, PublicSnapshots, DemoContentSeeder, DemoMediaMaker],
  exports: [DemoContentSeeder, PublicSnapshots],
})
export class SiteModule {}
