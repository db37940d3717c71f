import { useTranslation } from 'react-i18next';
import { describeFailure } from '../../api/client';

/** Statuses whose meaning is about the uploaded file itself. */
export const UPLOAD_FAILURE_KEYS: Record<number, string> = {
  400: 'studio.media.errors.invalid',
  413: 'studio.media.errors.tooLarge',
  415: 'studio.media.errors.unsupported',
  422: 'studio.media.errors.tooManyPixels',
};

/**
 * A failed action, announced: the translated sentence first, then the server's
 * own words (which are English) as a smaller detail for whoever needs them.
 */
export function FailureAlert({ error, overrides, as: Tag = 'p' }: { error: unknown; overrides?: Record<number, string>; as?: 'p' | 'span' }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const { message, detail } = describeFailure(error, t, overrides);
  return (
    <Tag className="error" role="alert">
      {message}
      {detail && (
        <>
          {' '}
          <span className="muted small" lang="en">
            {detail}
          </span>
        </>
      )}
    </Tag>
  );
}
