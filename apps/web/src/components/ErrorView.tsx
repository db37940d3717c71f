import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { PageTitle } from './PageTitle';

export type FailureKind = 'notFound' | 'forbidden' | 'offline' | 'server' | 'chunk' | 'unexpected';

/** A script of the site (a lazy page) that did not arrive: browsers word it differently. */
function isChunkFailure(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|module script failed|Loading chunk|error loading dynamically/i.test(error.message);
}

/** What kind of failure a person is looking at: the answer's status first, then the browser's state. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof ApiRequestError) {
    if (error.status === 404) return 'notFound';
    if (error.status === 401 || error.status === 403) return 'forbidden';
    if (error.status === 0) return 'offline';
    if (error.status >= 500) return 'server';
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  if (isChunkFailure(error)) return 'chunk';
  if (error instanceof ApiRequestError) return 'server';
  return 'unexpected';
}

/** What an unknown address, or a record that is not (or no longer) published, shows. */
export function NotFoundView() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageTitle title={t('errors.notFound')} />
      <h1>{t('errors.notFound')}</h1>
      <p>{t('errors.notFoundText')}</p>
    </section>
  );
}

/**
 * The one way a page says it cannot be shown: not found, not allowed, no
 * connection, a server failure, a page whose script did not arrive, or a bug.
 * `onRetry` offers to try again (a failed script always offers a reload).
 */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const kind = failureKind(error);
  if (kind === 'notFound') return <NotFoundView />;
  const title = t(`errors.page.${kind}.title`);
  const retry = kind === 'chunk' ? () => window.location.reload() : kind === 'forbidden' ? undefined : onRetry;
  return (
    <section className="page" data-failure={kind}>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p role="alert">{t(`errors.page.${kind}.text`)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {kind === 'chunk' ? t('errors.page.reload') : t('errors.page.retry')}
        </button>
      )}
    </section>
  );
}
