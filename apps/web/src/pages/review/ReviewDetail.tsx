import type { Collection, Country, ReviewDetail as Submission } from '@vitrina/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReviewDetail } from '../../api/review';
import { Text } from '../../components/content/Text';
import { Notice, errorNotice } from '../../components/staff/Notice';
import { DecisionForm } from './DecisionForm';
import { DiffTable } from './DiffTable';
import { ReviewPreview } from './ReviewPreview';
import { blockerLabel } from './labels';

function Summary({ record }: { record: Submission }) {
  const { t, i18n } = useTranslation();
  return (
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
  );
}

function Blockers({ record }: { record: Submission }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="blockers-heading" className="blockers-section">
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
  );
}

/** Who did what to the record, with the comments; folded away once it grows long, so the changes stay in reach. */
function History({ record }: { record: Submission }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="history" open={record.history.length <= HISTORY_SHOWN_OPEN}>
      <summary>
        <h3 id="history-heading">{t('review.historyCount', { count: record.history.length })}</h3>
      </summary>
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
    </details>
  );
}

const HISTORY_SHOWN_OPEN = 6;

type Pane = 'changes' | 'preview';

/**
 * One submission: what blocks it, the decision and the history first, so
 * no long diff stands between the moderator and their buttons; then the
 * changes beside the page as visitors will see it (one of the two at a time
 * on a narrow screen), last, as the preview's own headings start at h1.
 */
export function ReviewDetail({ country }: { country: Country }) {
  const { t, i18n } = useTranslation();
  const { collection = '', id = '' } = useParams();
  // An unknown collection in the address is the API's to refuse (404), as any unknown record.
  const detail = useReviewDetail(country.id, collection as Collection, id, i18n.language);
  const [pane, setPane] = useState<Pane>('changes');
  const record = detail.data;
  if (!record) return <Notice notice={detail.error ? errorNotice(detail.error) : undefined} />;
  return (
    <article className="review-detail">
      <p>
        <Link to={`/review/${country.id}`}>← {t('review.queue')}</Link>
      </p>
      <h2>{record.title ? <Text value={record.title} /> : record.slug}</h2>
      <Summary record={record} />
      <div className="review-top">
        <Blockers record={record} />
        <DecisionForm record={record} />
      </div>
      <History record={record} />
      <div role="group" aria-label={t('review.panes.label')} className="pane-switch">
        {(['changes', 'preview'] as const).map((name) => (
          <button key={name} type="button" className={pane === name ? undefined : 'secondary'} aria-pressed={pane === name} onClick={() => setPane(name)}>
            {t(`review.panes.${name}`)}
          </button>
        ))}
      </div>
      <div className="review-panes" data-pane={pane}>
        <div className="pane-changes">
          <DiffTable changes={record.changes} />
        </div>
        <div className="pane-preview">
          <ReviewPreview country={country} collection={record.collection} id={record.id} />
        </div>
      </div>
    </article>
  );
}
