import type { Collection, ExportFormat } from '@vitrina/contracts';

/**
 * The address of a collection's export (every record of the country as a
 * spreadsheet, drafts included): a plain link the browser downloads, its
 * session cookie going with it, so no query or cache is involved. Built here
 * rather than in the shared route table (apiRoutes), which every visitor
 * page loads whole: the visitor pages' JavaScript budget has no room for
 * staff-only links.
 */
export function exportLink(countryId: string, collection: Collection, format: ExportFormat): string {
  return `/api/studio/countries/${encodeURIComponent(countryId)}/export/${collection}.${format}`;
}
