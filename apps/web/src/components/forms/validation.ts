import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A message per field, keyed by the issue's path (`email`, `names.ru`, `languages`). */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** The sentence for one issue of a contract schema, in the UI language (zod's own words are English). */
export function issueMessage(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) > 1 ? t('validation.tooShort', { min: Number(issue.minimum) }) : t('validation.required');
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'custom':
      if (issue.path[0] === 'defaultLanguage') return t('validation.defaultLanguage');
      if (/reserved/.test(issue.message)) return t('validation.reserved');
      // A text required in some language (a record's title) is missing in all of them.
      if (/at least one language/.test(issue.message)) return t('validation.required');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** The key of an issue's field: `names.ru` for a name, the first segment otherwise (`languages.2` is `languages`). */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  return first === 'names' && second ? `names.${second}` : (first ?? '');
}

/**
 * Checks `value` against the same zod schema the API applies, before it is
 * sent: the parsed value, or one translated message per field at fault.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, t: TFunction): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= issueMessage(issue, t);
  }
  return { ok: false, errors };
}

/**
 * Checks a whole document (a record an editor saves) against the schema the
 * API applies to it: undefined when it passes, else every issue in one
 * sentence in the UI language, worded as the API words a refusal
 * (`Invalid input: path: message. path: message.`), for a notice.
 */
export function documentIssues(schema: z.ZodType, value: unknown, t: TFunction): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issueMessage(issue, t)}` : issueMessage(issue, t);
  });
  return t('validation.document', { issues: issues.join(' ') });
}

/** The attributes tying an input to its message (`id` is the message's element id). */
export function invalidProps(errors: FieldErrors, field: string, id: string) {
  return errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
