import { useCallback, useEffect, useRef, useState } from 'react';
import { type DraftKey, type KeptDraft, dropDraft, keepDraft, readDraft } from './draft-store';

/** How long after a change the draft is written: typing a word writes once, not once a letter. */
export const DRAFT_DELAY_MS = 400;

/**
 * Keeps `draft` on this device a short moment after it last changed, and
 * removes the kept one once there is nothing unsaved (`draft` undefined).
 * Paused while an older kept draft waits for the curator's decision, so it is
 * never overwritten unseen. A write still pending when the editor goes away
 * (a navigation, the tab being hidden or closed) is done at once.
 *
 * Only a draft this editor wrote, or one it adopted (the curator restored or
 * discarded it, or it held nothing new), is ever removed: a second tab on the
 * same record saving its own work leaves this one's draft alone.
 *
 * Returns when the draft was last kept; `adopt`, to make the kept draft this
 * editor's; and `forget`, which drops it for good, pending write included
 * (the record was created and opens under its own key).
 */
export function useKeptDraft<T>(
  key: DraftKey | undefined,
  draft: Omit<KeptDraft<T>, 'keptAt'> | undefined,
  paused: boolean,
): { keptAt: Date | undefined; adopt: () => void; forget: () => void } {
  const [keptAt, setKeptAt] = useState<Date>();
  const pending = useRef<(() => void) | null>(null);
  /** The `keptAt` of the draft this editor last wrote, or `adopted` for one it took over. */
  const own = useRef<string | null>(null);

  useEffect(() => {
    if (!key || paused) return;
    const write = () => {
      pending.current = null;
      if (!draft) {
        const kept = readDraft(key)?.keptAt;
        if (kept !== undefined && (own.current === 'adopted' || kept === own.current)) dropDraft(key);
        setKeptAt(undefined);
        return;
      }
      const now = new Date();
      if (keepDraft(key, { ...draft, keptAt: now.toISOString() })) {
        own.current = now.toISOString();
        setKeptAt(now);
      }
    };
    pending.current = write;
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

  const adopt = useCallback(() => {
    own.current = 'adopted';
  }, []);
  const forget = useCallback(() => {
    pending.current = null;
    if (key) dropDraft(key);
  }, [key]);
  return { keptAt, adopt, forget };
}
