import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { SiteModule } from '../site/site.module';
import { OaiController } from './oai.controller';
import { OaiRecordsRepository } from './oai-records.repository';
import { OaiService } from './oai.service';

/** Open data for harvesters: OAI-PMH over the live records, in Dublin Core and the Europeana Data Model. */
@Module({
  imports: [CountriesModule, SiteModule],
  controllers: [OaiController],
  providers: [OaiService, OaiRecordsRepository],
})
export class OaiModule {}
