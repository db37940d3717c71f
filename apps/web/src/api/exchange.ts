import { type Collection, type ExportFormat, apiRoutes } from '@vitrina/contracts';

/**
 * The address of a collection's export (every record of the country as a
 * spreadsheet): a plain link the browser downloads, its session cookie
 * going with it, so no query or cache is involved.
 */
export function exportLink(countryId: string, collection: Collection, format: ExportFormat): string {
  return apiRoutes.studio.export(countryId, collection, format);
}
