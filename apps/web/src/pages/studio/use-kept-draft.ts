import { useCallback, useEffect, useRef, useState } from 'react';
import { type DraftKey, type KeptDraft, draftStorageKey, dropDraft, keepDraft, readDraft } from './draft-store';
import { useOtherTabs } from './use-other-tabs';

/** How long after a change the draft is written: typing a word writes once, not once a letter. */
export const DRAFT_DELAY_MS = 400;

/** This page's own name among the browser's tabs, written into the drafts it keeps. */
export const THIS_TAB = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Keeps `draft` on this device a short moment after it last changed, and
 * removes the kept one once there is nothing unsaved (`draft` undefined).
 * Paused while an older kept draft waits for the curator's decision, so it is
 * never overwritten unseen. A write still pending when the editor goes away
 * (a navigation, the tab being hidden or closed) is done at once.
 *
 * Two tabs on one record share one slot: the draft another tab kept is never
 * written over (`heldElsewhere` says so, and the write is tried again once
 * that tab's draft is gone), and `otherTabs` says the record is open in
 * another tab of this browser right now.
 *
 * Only a draft this editor wrote, or one it adopted (the curator restored or
 * discarded it, or it held nothing new), is ever removed or replaced.
 *
 * Returns when the draft was last kept; `adopt`, to make the kept draft this
 * editor's; and `forget`, which drops it for good, pending write included
 * (the record was created and opens under its own key).
 */
export function useKeptDraft<T>(
  key: DraftKey | undefined,
  draft: Omit<KeptDraft<T>, 'keptAt' | 'tab'> | undefined,
  paused: boolean,
): { keptAt: Date | undefined; heldElsewhere: boolean; otherTabs: boolean; adopt: () => void; forget: () => void } {
  const [keptAt, setKeptAt] = useState<Date>();
  const [heldElsewhere, setHeldElsewhere] = useState(false);
  const pending = useRef<(() => void) | null>(null);
  /** The `keptAt` of the draft this editor last wrote, or `adopted` for one it took over. */
  const own = useRef<string | null>(null);
  /** The last write tried, to try again when another tab's draft leaves the slot. */
  const lastWrite = useRef<(() => void) | null>(null);
  const otherTabs = useOtherTabs(key && draftStorageKey(key));

  useEffect(() => {
    // Signed out (no key): nothing pending may be written under the key that was.
    if (!key) pending.current = null;
    if (!key || paused) return;
    const write = () => {
      pending.current = null;
      if (!draft) {
        const kept = readDraft(key);
        if (kept !== undefined && (own.current === 'adopted' || kept.keptAt === own.current)) dropDraft(key);
        setKeptAt(undefined);
        setHeldElsewhere(false);
        return;
      }
      const now = new Date();
      const outcome = keepDraft(key, { ...draft, keptAt: now.toISOString(), tab: THIS_TAB }, undefined, own.current === 'adopted');
      setHeldElsewhere(outcome === 'held-elsewhere');
      if (outcome === 'kept') {
        own.current = now.toISOString();
        setKeptAt(now);
      }
    };
    pending.current = write;
    lastWrite.current = write;
    const timer = setTimeout(write, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, draft, paused]);

  useEffect(() => {
    const flush = () => pending.current?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  // The other tab saved (or discarded) and its draft left the slot: what is unsaved here is kept now.
  useEffect(() => {
    if (!key || !heldElsewhere) return;
    const slot = draftStorageKey(key);
    const freed = (event: StorageEvent) => {
      if (event.key === slot && event.newValue === null) lastWrite.current?.();
    };
    window.addEventListener('storage', freed);
    return () => window.removeEventListener('storage', freed);
  }, [key, heldElsewhere]);

  const adopt = useCallback(() => {
    own.current = 'adopted';
  }, []);
  const forget = useCallback(() => {
    pending.current = null;
    if (!key) return;
    // Another tab's draft in the slot stays: that tab's words are not this editor's to drop.
    const kept = readDraft(key);
    if (kept && (own.current === 'adopted' || kept.tab === undefined || kept.tab === THIS_TAB)) dropDraft(key);
  }, [key]);
  return { keptAt, heldElsewhere, otherTabs, adopt, forget };
}
