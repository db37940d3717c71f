import { DRAFT_PREFIX as PREFIX, signedOutHere } from '../../auth/drafts-on-this-device';
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
  /** The browser tab that wrote it (absent in drafts kept before tabs were told apart). */
  tab?: string;
}

/** What became of a draft to keep. */
export type KeepOutcome =
  /** Kept. */
  | 'kept'
  /** The slot holds another tab's draft of the same record, which is never written over unasked. */
  | 'held-elsewhere'
  /** The browser refused (storage full or off), or the person signed out on this device. */
  | 'refused';

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

/**
 * Keeps the draft. Another tab's draft of the same record is not written over unless `replacing` (the
 * person restored or discarded it here, or it held nothing the record lacks).
 */
export function keepDraft<T>(key: DraftKey, draft: KeptDraft<T>, store = storage(), replacing = false): KeepOutcome {
  if (!store) return 'refused';
  try {
    if (signedOutHere(key.userId, store)) return 'refused';
    const kept = replacing ? undefined : readDraft(key, store);
    if (kept?.tab !== undefined && kept.tab !== draft.tab) return 'held-elsewhere';
    store.setItem(draftStorageKey(key), JSON.stringify(draft));
    return 'kept';
  } catch {
    return 'refused';
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
    draft.mediaTexts !== null &&
    (draft.tab === undefined || typeof draft.tab === 'string')
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
