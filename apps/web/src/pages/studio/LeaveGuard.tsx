import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved input is left behind: in-app navigation (links, tabs,
 * the country picker, the browser's back button) through the router's
 * blocker and an accessible dialog in the UI language; closing or reloading
 * the tab through the browser's own question (`beforeunload`).
 * `navigatingAway` is set by the editor when it navigates on its own (a new
 * record opening at its address), which is no leaving.
 */
export function LeaveGuard({ dirty, navigatingAway }: { dirty: boolean; navigatingAway: RefObject<boolean> }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !navigatingAway.current && currentLocation.pathname !== nextLocation.pathname);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a return value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const blocked = blocker.state === 'blocked';
  // Signing out deletes the drafts kept on this device, so the usual promise to keep them would be false.
  const signingOut = blocked && (blocker.location.state as { signOut?: unknown } | null)?.signOut === true;
  useEffect(() => {
    const element = dialog.current;
    if (blocked && element && !element.open) element.showModal();
    if (!blocked && element?.open) element.close();
  }, [blocked]);

  return (
    <dialog
      ref={dialog}
      className="leave-dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-body"
      // Escape closes a modal dialog: that is staying.
      onCancel={() => blocker.reset?.()}
    >
      <h2 id="leave-title">{t('editor.leave.title')}</h2>
      <p id="leave-body">{t(signingOut ? 'editor.leave.signOutBody' : 'editor.leave.body')}</p>
      <div className="actions">
        <button type="button" autoFocus onClick={() => blocker.reset?.()}>
          {t('editor.leave.stay')}
        </button>
        <button type="button" className="secondary" onClick={() => blocker.proceed?.()}>
          {t('editor.leave.leave')}
        </button>
      </div>
    </dialog>
  );
}
