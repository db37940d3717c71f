import type { AssetKeys } from './live-media';

/** A live record's key as read: what makes it what visitors see. */
export interface RecordKey {
  id: string;
  revision: number;
  approved: string | null;
}

/** The records and media a page expects to show, by id (an exhibition page: those its last page showed). */
export interface ShownIds {
  items: string[];
  memorials: string[];
  assets: string[];
}

/** The keys of what a page expects to show, as read with its record. */
export interface ShownKeys {
  /** All of them as read, in one text: the same text means the same keys. */
  fingerprint: string;
  /** Each of them (parsed only when the fingerprint is not one a page was made from). */
  parsed(): { items: RecordKey[]; memorials: RecordKey[]; assets: AssetKeys };
}

export interface ShownKeysRow {
  itemKeys: string | null;
  memorialKeys: string | null;
  assetKeys: string | null;
}

/** A record's key as one text: `id revision approved` (the approval may hold spaces, so it comes last). */
const KEY_TEXT = `id || ' ' || live_revision || ' ' || coalesce(published_at::text, '')`;

/**
 * The keys of a country's live items ($3) and memorials ($4) and of its shown media ($5), each list as one
 * text, in the order the database reads them (as shownWith reads them: a later record's approved media texts win).
 */
export const SHOWN_KEYS_COLUMNS = [
  `(SELECT string_agg(${KEY_TEXT}, ',') FROM items WHERE live_revision IS NOT NULL AND country_id = "countries".id AND id = ANY($3::uuid[])) AS "itemKeys"`,
  `(SELECT string_agg(${KEY_TEXT}, ',') FROM memorials WHERE live_revision IS NOT NULL AND country_id = "countries".id AND id = ANY($4::uuid[])) AS "memorialKeys"`,
  `(SELECT string_agg(id || ' ' || xmin, ',') FROM media_assets WHERE country_id = "countries".id AND id = ANY($5::uuid[]) AND withdrawn_at IS NULL) AS "assetKeys"`,
].join(', ');

function recordKeysOf(text: string | null): RecordKey[] {
  if (!text) return [];
  return text.split(',').map((key) => {
    // A uuid is 36 characters; then the revision, then the approval ('' when none).
    const space = key.indexOf(' ', 37);
    const approved = key.slice(space + 1);
    return { id: key.slice(0, 36), revision: Number(key.slice(37, space)), approved: approved === '' ? null : approved };
  });
}

export function shownKeys(askedAssets: string[], row: ShownKeysRow): ShownKeys {
  return {
    fingerprint: `${row.itemKeys ?? ''}\n${row.memorialKeys ?? ''}\n${row.assetKeys ?? ''}`,
    parsed: () => {
      const tuples = new Map<string, string>();
      for (const key of row.assetKeys ? row.assetKeys.split(',') : []) tuples.set(key.slice(0, 36), key.slice(37));
      return { items: recordKeysOf(row.itemKeys), memorials: recordKeysOf(row.memorialKeys), assets: { asked: new Set(askedAssets), tuples } };
    },
  };
}

const arrayParams = new WeakMap<string[], string>();

/**
 * Ids as a PostgreSQL array literal ('{…}', cast to uuid[] by the query),
 * each once: made once per list a plan keeps, instead of pg escaping every
 * id of it on every page.
 */
export function idsParam(ids: string[]): string {
  let param = arrayParams.get(ids);
  if (param === undefined) {
    // Uuids need no quoting; anything else is refused by the cast, as it would be as an array.
    param = `{${[...new Set(ids)].map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    arrayParams.set(ids, param);
  }
  return param;
}
