import { type Collection, FOUR_EYES_BLOCKER } from '@vitrina/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { type Decision, useDecide, useReviewDetail } from '../../api/review';
import { Text } from '../../components/content/Text';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';
import { DiffTable } from './DiffTable';
import { blockerLabel } from './labels';

/** One submission: what changed against the live version, what blocks it, and the decision. */
export function ReviewDetail() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { countryId = '', collection = '', id = '' } = useParams();
  // An unknown collection in the address is the API's to refuse (404), as any unknown record.
  const detail = useReviewDetail(countryId, collection as Collection, id, i18n.language);
  const decideOn = useDecide(countryId, collection as Collection, id);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<NoticeState>();
  const record = detail.data;
  if (!record) return <Notice notice={detail.error ? errorNotice(detail.error) : undefined} />;

  const decide = async (decision: Decision) => {
    const body = ['unpublish', 'archive'].includes(decision)
      ? { ...(comment ? { comment } : {}) }
      : { revision: record.revision, ...(comment ? { comment } : {}) };
    try {
      await decideOn.mutateAsync({ decision, body });
      navigate(`/review/${countryId}`, { state: { decided: decision } });
    } catch (error) {
      // Another session may have submitted or written the revision meanwhile: say why in the reader's language.
      const fourEyes = error instanceof ApiRequestError && error.body?.blockers?.some((blocker) => blocker.code === FOUR_EYES_BLOCKER);
      // The submission is read again (the mutation invalidates it).
      setNotice(fourEyes ? { kind: 'error', message: t('review.needsAnotherModerator') } : errorNotice(error));
    }
  };
  const inReview = record.status === 'in_review';
  return (
    <article className="review-detail">
      <p>
        <Link to={`/review/${countryId}`}>← {t('review.queue')}</Link>
      </p>
      <h2>{record.title ? <Text value={record.title} /> : record.slug}</h2>
      <p className="muted">
        {t(`review.types.${record.type}`)} · {t(`studio.states.${record.status}`)} · {t('workflow.latestRevision', { number: record.revision })}
        {' · '}
        {record.liveRevision ? t('workflow.liveRevision', { number: record.liveRevision }) : t('workflow.notLive')}
        {record.submittedBy && (
          <>
            {' · '}
            {record.submittedAt
              ? t('review.submittedBy', { name: record.submittedBy, date: new Date(record.submittedAt).toLocaleString(i18n.language) })
              : t('review.submittedByNoDate', { name: record.submittedBy })}
          </>
        )}
      </p>
      <DiffTable changes={record.changes} />
      <section aria-labelledby="blockers-heading">
        <h3 id="blockers-heading">{t('review.gates')}</h3>
        {record.blockers.length === 0 ? (
          <p className="success">{t('review.noBlockers')}</p>
        ) : (
          <ul className="blockers">
            {record.blockers.map((blocker) => (
              <li key={`${blocker.code}-${blocker.assetId ?? ''}-${blocker.lang ?? ''}`}>{blockerLabel(t, blocker)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="decision-heading" className="decision">
        <h3 id="decision-heading">{t('review.decision')}</h3>
        <label>
          <span>{t('review.comment')}</span>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
        </label>
        <div className="actions">
          {inReview && (
            <>
              <button
                type="button"
                disabled={record.blockers.length > 0 || record.needsAnotherModerator}
                aria-describedby={record.needsAnotherModerator ? 'four-eyes-note' : undefined}
                onClick={() => decide('approve')}
              >
                {t('review.approve')}
              </button>
              <button type="button" className="secondary" disabled={!comment.trim()} onClick={() => decide('request-changes')}>
                {t('review.requestChanges')}
              </button>
              <button type="button" className="secondary" disabled={!comment.trim()} onClick={() => decide('reject')}>
                {t('review.reject')}
              </button>
            </>
          )}
          {record.isLive && (
            <button type="button" className="secondary" onClick={() => decide('unpublish')}>
              {t('review.unpublish')}
            </button>
          )}
          {record.status !== 'archived' && (
            <button type="button" className="secondary" onClick={() => decide('archive')}>
              {t('review.archive')}
            </button>
          )}
        </div>
        {inReview && record.needsAnotherModerator && (
          <p id="four-eyes-note" className="four-eyes">
            {t('review.needsAnotherModerator')}
          </p>
        )}
        {inReview && <p className="muted small">{t('review.commentHint')}</p>}
        <Notice notice={notice} />
      </section>
      <section aria-labelledby="history-heading">
        <h3 id="history-heading">{t('review.history')}</h3>
        <ol className="timeline">
          {record.history.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleString(i18n.language)}</time>{' '}
              <strong>{t(`review.actions.${event.action}`, { defaultValue: event.action })}</strong>
              {event.actorName && <> — {event.actorName}</>}
              {event.revision && <span className="muted"> ({t('workflow.revisionNumber', { number: event.revision })})</span>}
              {event.comment && <blockquote>{event.comment}</blockquote>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
