import { FOUR_EYES_BLOCKER, type ReviewDetail } from '@vitrina/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, describeFailure } from '../../api/client';
import { type Decision, useDecide } from '../../api/review';

/** The moderator's comment and decision on one submission; a refusal is said in the reader's language. */
export function DecisionForm({ record }: { record: ReviewDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const decideOn = useDecide(record.countryId, record.collection, record.id);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<string>();

  const decide = async (decision: Decision) => {
    const body = ['unpublish', 'archive'].includes(decision)
      ? { ...(comment ? { comment } : {}) }
      : { revision: record.revision, ...(comment ? { comment } : {}) };
    try {
      await decideOn.mutateAsync({ decision, body });
      navigate(`/review/${record.countryId}`, { state: { decided: decision } });
    } catch (error) {
      // Another session may have submitted or written the revision meanwhile; the submission is read again (the mutation invalidates it).
      const fourEyes = error instanceof ApiRequestError && error.body?.blockers?.some((blocker) => blocker.code === FOUR_EYES_BLOCKER);
      setFailure(fourEyes ? t('review.needsAnotherModerator') : describeFailure(error, t).message);
    }
  };
  const inReview = record.status === 'in_review';
  return (
    <section aria-labelledby="decision-heading" className="decision">
      <h3 id="decision-heading">{t('review.decision')}</h3>
      <label>
        <span>{t('review.comment')}</span>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} aria-describedby={inReview ? 'comment-hint' : undefined} />
      </label>
      {inReview && (
        <p id="comment-hint" className="muted small">
          {t('review.commentHint')}
        </p>
      )}
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
      <p role="status" aria-live="polite" className="error">
        {failure && t('errors.generic', { message: failure })}
      </p>
    </section>
  );
}
