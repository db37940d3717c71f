/**
 * Each record type's collection: its segment in every URL (studio, review,
 * public pages and API) and its table's name. Kept in a file of its own,
 * free of zod, so the visitor pages can read it without loading the schemas
 * that the full registry (record-kinds.ts) carries.
 */
export const RECORD_COLLECTIONS = { item: 'items', memorial: 'memorials', exhibition: 'exhibitions', person: 'people' } as const;
