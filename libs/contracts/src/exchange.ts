import { z } from './zod';
import { uuidSchema } from './common';
import { collectionSchema } from './record-kinds';

/**
 * Collections in and out of a country's studio. An export is a spreadsheet of
 * every record of one collection as the studio has it (latest revisions,
 * drafts included): one row per record, one column per field, a column per
 * language for texts.
 */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** `…/countries/:countryId/export/:collection.:format` */
export const exportParamsSchema = z.strictObject({ countryId: uuidSchema, collection: collectionSchema, format: exportFormatSchema });
export type ExportParams = z.infer<typeof exportParamsSchema>;

/**
 * Import of the names on one memorial from a CSV file (issue 15, first slice):
 * `POST …/countries/:countryId/memorials/:memorialId/names?dryRun=true|false`,
 * a `text/csv` body (UTF-8 with or without BOM, or Windows-1251).
 */
export const IMPORT_NAMES_MAX_BYTES = 50 * 1024 * 1024;
/** Data rows one file may hold (beyond: 413 `import.too_many_rows`). */
export const IMPORT_NAMES_MAX_ROWS = 100_000;
/** Problems one answer lists at most (`issueCount` counts them all). */
export const IMPORT_NAMES_MAX_ISSUES = 1_000;

export const importNamesParamsSchema = z.strictObject({ countryId: uuidSchema, memorialId: uuidSchema });
export type ImportNamesParams = z.infer<typeof importNamesParamsSchema>;

export const importNamesQuerySchema = z.strictObject({
  /** Check only (the default): the report and counts, nothing written. */
  dryRun: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

/**
 * Message keys of the per-row report, in English, for the UI to word in its
 * language: `import.required`, `import.formula`, `import.invalid_date`,
 * `import.unknown_value`, `import.invalid_format`, `import.too_long`,
 * `import.birth_after_death`, `import.duplicate_in_file`, `import.slug_taken`,
 * `import.merged_person`, `import.invalid`.
 */
export interface ImportIssue {
  /** The line of the file (the header is line 1). */
  row: number;
  /** The column's header, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface ImportNamesReport {
  dryRun: boolean;
  /** `utf-8` or `windows-1251`: how the file was read. */
  encoding: 'utf-8' | 'windows-1251';
  rows: number;
  validRows: number;
  invalidRows: number;
  /** People made (or that a real run would make) and updated by `external_id`. */
  created: number;
  updated: number;
  issueCount: number;
  issues: ImportIssue[];
}
