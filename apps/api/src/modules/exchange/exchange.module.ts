import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ExchangeController } from './exchange.controller';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';

/**
 * Collections in and out of a country's studio: exports of every collection
 * as CSV and XLSX (an import will join them). Reads the record tables itself,
 * as the studio has them; writes nothing but its audit entries.
 */
@Module({
  imports: [CountriesModule],
  controllers: [ExchangeController],
  providers: [ExportService, ExportRepository],
})
export class ExchangeModule {}
