import { SUBMITTABLE_STATUSES } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeFailure } from '../../api/client';
import type { EditorOutcome, RecordEditor } from './use-record-editor';

/** The reason a save or submission failed, short enough for the bar; the details are shown below it. */
function reasonOf(outcome: Extract<EditorOutcome, { kind: 'failed' }>, t: TFunction): string {
  if (outcome.issues) return t('editor.state.invalid');
  return describeFailure(outcome.error, t).message;
}

/** One line saying where the curator's work stands: saved, unsaved (and kept on this device), saving, or why not. */
export function saveStateText(editor: { outcome: EditorOutcome; dirty: boolean; isNew: boolean; keptAt?: Date }, t: TFunction, language: string): string {
  const { outcome } = editor;
  if (outcome.kind === 'busy') return t(outcome.action === 'save' ? 'editor.state.saving' : 'editor.state.submitting');
  if (outcome.kind === 'failed') return t(outcome.action === 'save' ? 'editor.state.notSaved' : 'editor.state.notSubmitted', { reason: reasonOf(outcome, t) });
  if (editor.dirty) {
    return editor.keptAt ? t('editor.state.keptHere', { time: editor.keptAt.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) }) : t('editor.state.unsaved');
  }
  if (editor.isNew) return t('editor.state.new');
  return t(outcome.kind === 'submitted' ? 'editor.state.submitted' : 'editor.state.saved');
}

/**
 * The editor's sticky bar: where the work stands, Save (also Ctrl+S / Cmd+S)
 * and Submit for review (saving first), and the record's review status.
 */
export function EditorBar<T extends object>({ editor }: { editor: RecordEditor<T> }) {
  const { t, i18n } = useTranslation();
  const status = editor.state?.status;
  const canSubmit = editor.isNew || (status !== undefined && SUBMITTABLE_STATUSES.includes(status));
  const failed = editor.outcome.kind === 'failed';
  return (
    <div className="editor-bar" role="region" aria-label={t('editor.bar')}>
      <p role="status" aria-live="polite" className={`save-state${failed ? ' error' : editor.dirty ? ' unsaved' : ''}`}>
        {saveStateText(editor, t, i18n.language)}
      </p>
      {status && <span className="record-status">{t('editor.status', { status: t(`studio.states.${status}`) })}</span>}
      <div className="editor-actions">
        <button type="submit" disabled={editor.saving} aria-keyshortcuts="Control+S Meta+S" title={t('editor.shortcut')}>
          {t('studio.save')}
        </button>
        {canSubmit && (
          <button type="button" className="secondary" disabled={editor.saving} onClick={() => void editor.submit()}>
            {t('workflow.submit')}
          </button>
        )}
      </div>
    </div>
  );
}
