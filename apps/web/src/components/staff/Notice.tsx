import { useTranslation } from 'react-i18next';

export type NoticeState = { kind: 'ok'; key: string } | { kind: 'error'; message: string } | undefined;

/** A polite live region announcing the outcome of the last action. */
export function Notice({ notice }: { notice: NoticeState }) {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite" className={notice?.kind === 'error' ? 'error' : 'success'}>
      {notice?.kind === 'ok' && t(notice.key)}
      {notice?.kind === 'error' && t('errors.generic', { message: notice.message })}
    </p>
  );
}

export function errorNotice(error: unknown): NoticeState {
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
