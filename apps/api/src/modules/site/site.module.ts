import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { MediaModule } from '../media/media.module';
import { ReviewModule } from '../review/review.module';
import { DemoContentSeeder } from './demo-content.seeder';
import { DemoMediaMaker } from './demo-media.maker';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The visitor's read model over published countries, exhibitions, items and memorials. */
@Module({
  imports: [CountriesModule, MediaModule, ReviewModule],
  controllers: [PublicSiteController],
  providers: [PublicSiteService, DemoContentSeeder, DemoMediaMaker],
  exports: [DemoContentSeeder],
})
export class SiteModule {}
