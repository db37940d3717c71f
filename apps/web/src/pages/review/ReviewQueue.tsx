import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReviewQueue } from '../../api/review';
import { Text } from '../../components/content/Text';
import { Notice, errorNotice } from '../../components/staff/Notice';

/** What awaits review in one country, oldest submission first. */
export function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const { countryId = '' } = useParams();
  const location = useLocation();
  const queue = useReviewQueue(countryId, i18n.language);
  const decided = (location.state as { decided?: string } | null)?.decided;
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('review.queue')}</h2>
      <Notice notice={decided ? { kind: 'ok', key: `review.done.${decided}` } : queue.error ? errorNotice(queue.error) : undefined} />
      {queue.data && queue.data.length === 0 && <p className="muted">{t('review.empty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <table className="stacked queue">
          <thead>
            <tr>
              <th scope="col">{t('studio.title')}</th>
              <th scope="col">{t('review.type')}</th>
              <th scope="col">{t('review.submitted')}</th>
              <th scope="col">{t('review.by')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <Link to={`/review/${countryId}/${entry.collection}/${entry.id}`}>{entry.title ? <Text value={entry.title} /> : entry.slug}</Link>
                  {entry.isLive && <span className="badge">{t('review.editOfLive')}</span>}
                </td>
                <td data-label={t('review.type')}>{t(`review.types.${entry.type}`)}</td>
                <td data-label={t('review.submitted')}>{entry.submittedAt && <time dateTime={entry.submittedAt}>{new Date(entry.submittedAt).toLocaleString(i18n.language)}</time>}</td>
                <td data-label={t('review.by')}>{entry.submittedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
