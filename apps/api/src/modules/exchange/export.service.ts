import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { Collection, ExportFormat, ExportParams } from '@vitrina/contracts';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { CountriesService } from '../countries/countries.service';
import { type AnySheet, type Cell, EXPORT_SHEETS, type ExportRecord, type References } from './export-columns';
import { ExportRepository } from './export.repository';
import { csvStream, xlsxStream } from './spreadsheet-streams';

/** Records read per query of an export. */
export const EXPORT_PAGE = 1_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download: its name, its type and its bytes as they are made. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Readable;
}

/**
 * A country's collection as a spreadsheet: every record as the studio has it
 * (its latest revision, drafts included), read a page at a time and written
 * as it is read, so a register of a hundred thousand names streams in flat
 * memory. Each export is recorded in the audit log: who took which
 * collection, in which format.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);

  constructor(
    private readonly records: ExportRepository,
    private readonly countries: CountriesService,
    private readonly audit: AuditLog,
  ) {}

  async export(actor: Actor, { countryId, collection, format }: ExportParams, today = new Date()): Promise<ExportFile> {
    const country = await this.countries.findEntity(countryId);
    const sheet = EXPORT_SHEETS[collection];
    const columns = sheet.columns(country.languages);
    const pages = this.pages(sheet, collection, countryId);
    // The first page is read before answering, so a database that is down still gets a clean error status.
    const first = await pages.next();
    await this.audit.record({ action: 'export', actor, countryId, entityType: 'country', entityId: countryId, details: { collection, format } });

    async function* rows(): AsyncGenerator<Cell[]> {
      yield columns.map((column) => column.header);
      for (let page = first; !page.done; page = await pages.next()) {
        for (const record of page.value) yield columns.map((column) => column.cell(record));
      }
    }
    // Past the status line an error can only cut the download short, which the client sees as a failed transfer.
    const cutShort = (error: Error) => this.logger.error(`export of ${country.slug} ${collection}.${format} cut short: ${error.message}`);
    return {
      filename: `${country.slug}-${collection}-${today.toISOString().slice(0, 10)}.${format}`,
      contentType: CONTENT_TYPES[format],
      body: format === 'csv' ? csvStream(rows(), cutShort) : xlsxStream(collection, rows(), cutShort),
    };
  }

  /** The country's records of a collection a page at a time, by slug, with the items and memorials they name resolved to slugs. */
  private async *pages(sheet: AnySheet, collection: Collection, countryId: string): AsyncGenerator<ExportRecord<Record<string, unknown>>[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.records.page(collection, countryId, after, EXPORT_PAGE);
      const named = rows.map((row) => sheet.references(row.content));
      const refs: References = {
        items: await this.records.slugs('items', countryId, [...new Set(named.flatMap((ids) => ids.items))]),
        memorials: await this.records.slugs('memorials', countryId, [...new Set(named.flatMap((ids) => ids.memorials))]),
      };
      yield rows.map((row) => ({ row, doc: row.content, refs }));
      if (rows.length < EXPORT_PAGE) return;
      after = rows[rows.length - 1].slug;
    }
  }
}
