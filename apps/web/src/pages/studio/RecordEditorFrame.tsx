import type { Collection } from '@vitrina/contracts';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../components/staff/FailureAlert';
import { ConflictView } from './ConflictView';
import { DraftOffer, OtherTabNotice } from './DraftOffer';
import { EditorBar } from './EditorBar';
import { LeaveGuard } from './LeaveGuard';
import { MediaTextEditsContext } from './media-text-edits';
import { type EditorSection, SectionNav } from './EditorSections';
import type { RecordEditor } from './use-record-editor';
import { WorkflowPanel } from './WorkflowPanel';
import './editor.css';

/** Ctrl+S / Cmd+S saves while the editor is open (instead of the browser saving the page). */
function useSaveShortcut(save: () => void) {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** An editor whose record is still loading, or failed to load. */
export function EditorLoading({ error }: { error: unknown }) {
  return error === undefined ? null : <FailureAlert error={error} />;
}

/** Why the last save or submission failed, in full: the fields at fault, or the server's words. */
function FailureDetails<T extends object>({ editor }: { editor: RecordEditor<T> }) {
  const { outcome } = editor;
  if (outcome.kind !== 'failed') return null;
  if (outcome.issues) {
    return (
      <p className="error" role="alert">
        {outcome.issues}
      </p>
    );
  }
  // The conflict view says it better than the generic sentence.
  return editor.conflict ? null : <FailureAlert error={outcome.error} />;
}

/**
 * The frame every record editor shares: the sticky bar (save state, Save,
 * Submit for review, status), the moderator's latest comment, a kept draft
 * offered back, a conflicting save's choice, the parts of a long form, the
 * question before unsaved input is left, and the review panel below.
 */
export function RecordEditorFrame<T extends object>({
  editor,
  countryId,
  collection,
  id,
  heading,
  sections,
  children,
  extraActions,
  className,
}: {
  editor: RecordEditor<T>;
  countryId: string;
  collection: Collection;
  id: string | undefined;
  heading: string;
  /** The parts of the form, for the navigation at its top (none: a short form). */
  sections?: EditorSection[];
  children: ReactNode;
  /** More links or buttons beside the form's end (a preview). */
  extraActions?: ReactNode;
  /** A class of the kind's own form styles, beside the shared ones. */
  className?: string;
}) {
  const { t } = useTranslation();
  useSaveShortcut(() => void editor.save());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void editor.save();
  };
  const comment = editor.state?.reviewComment;
  return (
    <MediaTextEditsContext.Provider value={editor.mediaTextEdits}>
      <form className={`form editor${className ? ` ${className}` : ''}`} onSubmit={submit} aria-labelledby="editor-heading" noValidate>
        <EditorBar editor={editor} />
        <h2 id="editor-heading">{heading}</h2>
        {comment && (
          <blockquote className="review-comment">
            <p className="eyebrow">{t('workflow.moderatorSays')}</p>
            <p>{comment}</p>
          </blockquote>
        )}
        <OtherTabNotice editor={editor} />
        <DraftOffer editor={editor} />
        <ConflictView editor={editor} />
        <FailureDetails editor={editor} />
        {sections && <SectionNav sections={sections} />}
        {children}
        {extraActions && <div className="actions">{extraActions}</div>}
      </form>
      <LeaveGuard dirty={editor.dirty} navigatingAway={editor.navigatingAway} />
      {id && editor.state && <WorkflowPanel countryId={countryId} collection={collection} id={id} state={editor.state} onChanged={editor.reload} />}
    </MediaTextEditsContext.Provider>
  );
}
