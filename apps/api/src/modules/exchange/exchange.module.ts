import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ExchangeController } from './exchange.controller';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';
import { NamesImportService } from './names-import.service';

/**
 * Collections in and out of a country's studio: exports of every collection
 * as CSV and XLSX, and the import of the names on a memorial from a CSV file
 * (drafts, with their revisions, written as the studio writes people).
 */
@Module({
  imports: [CountriesModule],
  controllers: [ExchangeController],
  providers: [ExportService, ExportRepository, NamesImportService],
})
export class ExchangeModule {}
