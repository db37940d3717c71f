import type { ApiErrorCode } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { ApiRequestError, describeFailure } from '../../api/client';
import type { FieldErrors } from '../../components/forms/validation';

/** Refusals the API names by a stable code: the field of the form each concerns, and its sentence. */
const REFUSALS: Record<ApiErrorCode, { field: string; key: string }> = {
  'email-taken': { field: 'email', key: 'admin.errors.emailTaken' },
  'country-slug-taken': { field: 'slug', key: 'admin.errors.slugTaken' },
};

/** The form's field a server issue's path (`names.ru`, `languages.2`) lands on. */
function fieldOf(path: string): string {
  const [first, second] = path.split('.');
  return first === 'names' && second ? `names.${second}` : first;
}

export interface AdminFailure {
  /** Messages beside the fields at fault. */
  fields: FieldErrors;
  /** The sentence for the form's notice. */
  message: string;
}

/**
 * A failed request of the admin pages in the UI language, never in the
 * server's English: a refusal with a code beside its field, fields the
 * server named beside each, anything else by its status.
 */
export function adminFailure(error: unknown, t: TFunction): AdminFailure {
  if (error instanceof ApiRequestError && error.body) {
    const refusal = error.body.code ? REFUSALS[error.body.code] : undefined;
    if (refusal) return { fields: { [refusal.field]: t(refusal.key) }, message: t('validation.fix') };
    const issues = error.body.issues ?? [];
    if (issues.length > 0) {
      return { fields: Object.fromEntries(issues.map((issue) => [fieldOf(issue.path), t('validation.invalid')])), message: t('validation.fix') };
    }
  }
  return { fields: {}, message: describeFailure(error, t).message };
}
