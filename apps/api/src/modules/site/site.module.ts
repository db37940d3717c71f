import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { DemoContentSeeder } from './demo-content.seeder';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The visitor's read model over published countries, exhibitions, items and memorials. */
@Module({
  imports: [CountriesModule],
  controllers: [PublicSiteController],
  providers: [PublicSiteService, DemoContentSeeder],
  exports: [DemoContentSeeder],
})
export class SiteModule {}
