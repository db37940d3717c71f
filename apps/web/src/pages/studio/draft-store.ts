import type { AssetTexts } from './media-text-edits';

/**
 * Unsaved editor work kept on this device (localStorage), so a reload, a
 * crashed tab or a closed laptop loses nothing: one draft per person, country,
 * kind of record and record ('new' for a record not created yet).
 */

/** Whose draft of which record. */
export interface DraftKey {
  userId: string;
  countryId: string;
  collection: string;
  /** The record's id, or 'new'. */
  recordId: string;
}

/** What an editor keeps: its document, the files' texts it holds, and the server copy they were based on. */
export interface KeptDraft<T = unknown> {
  /** When it was written (ISO 8601). */
  keptAt: string;
  /** The record's version the edits started from (null: a new record). */
  basedOn: number | null;
  /** That version's document, to show what changed on the server since. */
  base: T;
  document: T;
  mediaTexts: Record<string, AssetTexts>;
  /** A captions file was uploaded or removed since the last save (the record's next save snapshots it). */
  captionsChanged: boolean;
}

const PREFIX = 'vitrina.draft';
/** Bumped when the stored shape changes: an older draft is then ignored rather than misread. */
const SHAPE = 1;

export function draftStorageKey(key: DraftKey): string {
  return [PREFIX, SHAPE, key.userId, key.countryId, key.collection, key.recordId].join(':');
}

/** The storage to use: none when the browser refuses it (a locked-down profile), and drafts then simply are not kept. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the draft; false when the browser refused (storage full or off). */
export function keepDraft<T>(key: DraftKey, draft: KeptDraft<T>, store = storage()): boolean {
  try {
    store?.setItem(draftStorageKey(key), JSON.stringify(draft));
    return store !== undefined;
  } catch {
    return false;
  }
}

function isDraft(value: unknown): value is KeptDraft {
  if (!value || typeof value !== 'object') return false;
  const draft = value as Partial<KeptDraft>;
  return (
    typeof draft.keptAt === 'string' &&
    (draft.basedOn === null || typeof draft.basedOn === 'number') &&
    typeof draft.document === 'object' &&
    draft.document !== null &&
    typeof draft.mediaTexts === 'object' &&
    draft.mediaTexts !== null
  );
}

/** The kept draft, if there is one that can be read (an unreadable one is removed). */
export function readDraft<T>(key: DraftKey, store = storage()): KeptDraft<T> | undefined {
  const raw = store?.getItem(draftStorageKey(key));
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isDraft(parsed)) return { ...parsed, captionsChanged: parsed.captionsChanged === true } as KeptDraft<T>;
  } catch {
    // Not JSON: dropped below.
  }
  dropDraft(key, store);
  return undefined;
}

export function dropDraft(key: DraftKey, store = storage()): void {
  try {
    store?.removeItem(draftStorageKey(key));
  } catch {
    // Nothing kept, nothing to remove.
  }
}
