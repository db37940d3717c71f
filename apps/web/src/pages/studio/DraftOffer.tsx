import { useTranslation } from 'react-i18next';
import type { RecordEditor } from './use-record-editor';

/**
 * A draft kept on this device from an earlier visit, offered back: restore it
 * or discard it (nothing is restored without the curator's word). When the
 * record was saved by someone since, restoring leads to the choice between
 * the two versions.
 */
export function DraftOffer<T extends object>({ editor }: { editor: RecordEditor<T> }) {
  const { t, i18n } = useTranslation();
  if (!editor.offer) return null;
  const { draft, moved } = editor.offer;
  const when = new Date(draft.keptAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section className="draft-offer" role="alert" aria-labelledby="draft-offer-heading">
      <h3 id="draft-offer-heading">{t('editor.draft.title')}</h3>
      <p>{t('editor.draft.offer', { when })}</p>
      {moved && editor.state && <p>{t('editor.draft.moved', { version: editor.state.version })}</p>}
      <div className="actions">
        <button type="button" onClick={editor.restoreDraft}>
          {t('editor.draft.restore')}
        </button>
        <button type="button" className="secondary" onClick={editor.discardDraft}>
          {t('editor.draft.discard')}
        </button>
      </div>
    </section>
  );
}

/**
 * The record is open in another tab of this browser too, or that tab's unsaved draft holds the slot the
 * drafts of this record are kept in: said, so neither tab's words are lost unseen.
 */
export function OtherTabNotice<T extends object>({ editor }: { editor: RecordEditor<T> }) {
  const { t } = useTranslation();
  if (!editor.otherTabs && !editor.heldElsewhere) return null;
  return (
    <section className="other-tab-notice" role="status" aria-labelledby="other-tab-heading">
      <h3 id="other-tab-heading">{t('editor.otherTab.title')}</h3>
      {editor.otherTabs && <p>{t('editor.otherTab.open')}</p>}
      {editor.heldElsewhere && <p>{t('editor.otherTab.notKept')}</p>}
    </section>
  );
}
