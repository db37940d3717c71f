import { type ReactNode, createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Something just removed from a list, kept so it can be put back where it was. */
export interface Removal {
  /** The list it was removed from (that list's own id). */
  list: string;
  index: number;
  entry: unknown;
  /** How it is named in the notice: "Block 2: Text". */
  what: string;
}

interface RemovalSlot {
  removal: Removal | undefined;
  offer: (removal: Removal) => void;
  dismiss: () => void;
}

const RemovalContext = createContext<RemovalSlot | null>(null);

/**
 * One undo notice for every list inside (a whole editor): removing something
 * replaces the notice of the removal before, so "Undo" always means the last one.
 */
export function RemovalUndoScope({ children }: { children: ReactNode }) {
  const [removal, setRemoval] = useState<Removal>();
  const slot = useMemo<RemovalSlot>(() => ({ removal, offer: setRemoval, dismiss: () => setRemoval(undefined) }), [removal]);
  return <RemovalContext.Provider value={slot}>{children}</RemovalContext.Provider>;
}

/** The scope's slot, or the list's own when it is used outside any scope (the item editor's media). */
export function useRemovalSlot(): RemovalSlot {
  const shared = useContext(RemovalContext);
  const [own, setOwn] = useState<Removal>();
  return shared ?? { removal: own, offer: setOwn, dismiss: () => setOwn(undefined) };
}

/**
 * "Removed <what> — Undo", in the place of what was removed. It takes the
 * focus when it appears (the Remove button pressed is gone) and stays until
 * dismissed or replaced by the next removal.
 */
export function UndoNotice({ what, onUndo, onDismiss }: { what: string; onUndo: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), [what]);
  return (
    <div className="undo-notice">
      <p role="status">{t('reorder.removed', { what })}</p>
      <button ref={undo} type="button" className="secondary small" aria-label={`${t('reorder.undo')}: ${what}`} onClick={onUndo}>
        {t('reorder.undo')}
      </button>
      <button type="button" className="link-button small" aria-label={`${t('reorder.dismiss')}: ${t('reorder.removed', { what })}`} onClick={onDismiss}>
        {t('reorder.dismiss')}
      </button>
    </div>
  );
}
