import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies the page's address for a family to send on; where the clipboard is
 * refused (an insecure origin, a denied permission) the address is shown,
 * selected, to copy by hand. The outcome is announced (role=status).
 */
export function ShareLink() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const address = typeof window === 'undefined' ? '' : window.location.href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="page share-link no-print">
      <button type="button" className="secondary" onClick={() => void copy()}>
        {t('person.share.copy')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => window.print()}>
        {t('person.share.print')}
      </button>
      <p role="status" className="small">
        {state === 'copied' && t('person.share.copied')}
        {state === 'failed' && t('person.share.failed')}
      </p>
      {state === 'failed' && (
        <input readOnly aria-label={t('person.share.address')} value={address} onFocus={(event) => event.currentTarget.select()} />
      )}
    </div>
  );
}
