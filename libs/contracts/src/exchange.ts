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
