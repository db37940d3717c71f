import { type Collection, apiRoutes } from '@vitrina/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRevisions, useWorkflowAction } from '../../api/studio';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';
import type { RecordState } from './use-record-editor';

/**
 * Where the record stands in review, and what a curator can do about it
 * besides submitting (the editor's bar does that, saving first): withdraw a
 * submission, look back at revisions and bring an earlier one back as a new
 * draft. The moderator's comment is shown at the top of the editor.
 */
export function WorkflowPanel({ countryId, collection, id, state, onChanged }: {
  countryId: string;
  collection: Collection;
  id: string;
  state: RecordState;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<NoticeState>();
  // Every save and step invalidates the record's keys, its revisions among them (see api/studio.ts).
  const revisions = useRevisions(countryId, collection, id);
  const workflow = useWorkflowAction(countryId, collection);
  const act = async (path: string, body: object | undefined, done: string) => {
    try {
      await workflow.mutateAsync({ path, body });
      setNotice({ kind: 'ok', key: done });
      onChanged();
    } catch (error) {
      setNotice(errorNotice(error));
    }
  };
  return (
    <section className="workflow-panel" aria-labelledby="workflow-heading">
      <h3 id="workflow-heading">{t('workflow.heading')}</h3>
      <p>
        <strong>{t(`studio.states.${state.status}`)}</strong>
        {' · '}
        {state.liveRevision ? t('workflow.liveRevision', { number: state.liveRevision }) : t('workflow.notLive')}
        {' · '}
        {t('workflow.latestRevision', { number: state.version })}
      </p>
      <div className="actions">
        {state.status === 'in_review' && (
          <button type="button" className="secondary" onClick={() => act(apiRoutes.studio.workflow(countryId, collection, id, 'withdraw').path, undefined, 'workflow.withdrawn')}>
            {t('workflow.withdraw')}
          </button>
        )}
      </div>
      <Notice notice={notice} />
      <details className="revisions">
        <summary>{t('workflow.revisions')}</summary>
        <ol reversed>
          {revisions.data?.map((revision) => (
            <li key={`${revision.mergedFrom?.id ?? ''} ${revision.number}`}>
              {t('workflow.revisionLine', {
                number: revision.number,
                author: revision.authorName ?? '—',
                date: new Date(revision.createdAt).toLocaleString(i18n.language),
              })}
              {revision.mergedFrom && (
                // A revision of a person merged into this one: read in their own (kept) record, never restored here.
                <span className="muted">
                  {' '}
                  {t('duplicates.from', { name: revision.mergedFrom.name })} <Link to={`/studio/${countryId}/people/${revision.mergedFrom.id}`}>{t('duplicates.open')}</Link>
                </span>
              )}
              {revision.isLive && <span className="badge">{t('workflow.live')}</span>}
              {revision.restoredFrom && <span className="muted"> {t('workflow.restoredFrom', { number: revision.restoredFrom })}</span>}
              {!revision.isLatest && !revision.mergedFrom && (
                <button type="button" className="secondary" onClick={() => act(apiRoutes.studio.restore(countryId, collection, id, revision.number).path, undefined, 'workflow.restored')}>
                  {t('workflow.restore')}
                  <span className="visually-hidden"> {t('workflow.revisionNumber', { number: revision.number })}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
