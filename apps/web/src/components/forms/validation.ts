import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A message per field, keyed by the issue's path (`email`, `names.ru`, `languages`). */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** The sentence for one issue of a contract schema, in the UI language (zod's own words are English). */
export function issueMessage(issue: Issue, t: TFunction): string {
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('inputs.validation.atLeast', { min: Number(issue.minimum) });
      return issue.origin === 'string' && Number(issue.minimum) > 1 ? t('validation.tooShort', { min: Number(issue.minimum) }) : t('validation.required');
    case 'too_big':
      if (issue.origin === 'number') return t('inputs.validation.atMost', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('inputs.validation.tooMany', { max: Number(issue.maximum) });
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (last === 'slug') return t('inputs.validation.slug');
      if (/YYYY-MM/.test(issue.message)) return t('inputs.dates.unknownCalendar');
      if (last === 'rights' || last === 'href') return t('inputs.validation.url');
      return t('validation.format');
    case 'invalid_type':
      // A required field left out ("received undefined"); NaN is a number field with no number in it.
      if (/received undefined/.test(issue.message)) return t('validation.required');
      if (/received NaN/.test(issue.message)) return t('inputs.validation.number');
      return t('validation.invalid');
    case 'custom':
      if (issue.path[0] === 'defaultLanguage') return t('validation.defaultLanguage');
      if (/reserved/.test(issue.message)) return t('validation.reserved');
      // A text required in some language (a record's title) is missing in all of them.
      if (/at least one language/.test(issue.message)) return t('validation.required');
      if (/must not be after/.test(issue.message)) return last === 'deathYear' || last === 'death' ? t('inputs.validation.deathBeforeBirth') : t('inputs.validation.endBeforeStart');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** The value at `path` inside `value` (`people.0.name`), if there is one. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/**
 * Every field at fault in `value` by the schema the API applies, keyed by the issue's whole path
 * (`slug`, `title`, `people.0.name`, `tags.3.ru`), one message per field in the UI language. A field
 * left empty is "Fill this in." whatever rule its emptiness breaks (an empty date breaks a pattern).
 */
export function fieldIssues(schema: z.ZodType, value: unknown, t: TFunction): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const at = valueAt(value, issue.path);
    const empty = typeof at === 'string' && at.trim() === '';
    errors[issue.path.map(String).join('.')] ??= empty ? t('validation.required') : issueMessage(issue, t);
  }
  return errors;
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
