import { createContext, type FocusEvent, type ReactNode, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldErrors, fieldIssues } from './validation';
import './forms.css';

/**
 * The messages fields show beside themselves, keyed by the document path of the field they belong to
 * (`slug`, `title`, `people.0.name`): what `fieldIssues` returns. An editor's shell may provide it (the
 * issues of a save it refused); `FieldIssuesProvider` provides the live check of a part of the form.
 */
export const FieldIssuesContext = createContext<FieldErrors>({});

/** The attribute a field's outermost element carries, so a provider knows which field was left. */
export const FIELD_PATH_ATTRIBUTE = 'data-field';

/** The message for `path`: its own, else the first of a field inside it (`title` shows `title.ru.text`'s). */
export function issueAt(issues: FieldErrors, path: string): string | undefined {
  if (issues[path]) return issues[path];
  const inside = Object.keys(issues).find((key) => key.startsWith(`${path}.`));
  return inside && issues[inside];
}

export interface FieldIssue {
  /** The message to show, if any. */
  message: string | undefined;
  /** The id of the message's element (`FieldMessage` renders it). */
  messageId: string;
  /** For the input: `aria-invalid` and `aria-describedby` (the message) when there is a message. */
  inputProps: { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** For the field's outermost element: names its path for the provider. */
  fieldProps: { [FIELD_PATH_ATTRIBUTE]?: string };
}

/** A field's message from the nearest provider; nothing when `path` is undefined (a field outside a checked form). */
export function useFieldIssue(path: string | undefined): FieldIssue {
  const issues = useContext(FieldIssuesContext);
  const messageId = `${useId()}-issue`;
  const message = path === undefined ? undefined : issueAt(issues, path);
  return {
    message,
    messageId,
    inputProps: message ? { 'aria-invalid': true, 'aria-describedby': messageId } : {},
    fieldProps: path === undefined ? {} : { [FIELD_PATH_ATTRIBUTE]: path },
  };
}

/** Ids for `aria-describedby`, skipping missing ones; undefined when there are none. */
export const describedBy = (...ids: (string | undefined | false)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

/** The message of a field, beside it, in the UI language (nothing when the field is fine). */
export function FieldMessage({ issue }: { issue: FieldIssue }) {
  if (!issue.message) return null;
  return (
    <small id={issue.messageId} className="error field-error">
      {issue.message}
    </small>
  );
}

/**
 * Checks `value` against `schema` (a contract schema, the one the API applies) as it changes, and
 * gives each field inside its message once the person has left that field, or tried to submit the
 * form (a message before anything was typed would scold). Issues an outer provider gives (a shell's,
 * after a refused save) are shown too. `prefix` places the paths of a part of the document
 * (`people` for a schema of the list of people).
 */
export function FieldIssuesProvider({ schema, value, prefix, children }: { schema: z.ZodType; value: unknown; prefix?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const outer = useContext(FieldIssuesContext);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const form = anchor.current?.closest('form');
    if (!form) return;
    const onSubmit = () => setSubmitted(true);
    form.addEventListener('submit', onSubmit, true);
    return () => form.removeEventListener('submit', onSubmit, true);
  }, []);

  const all = useMemo(() => {
    const found = fieldIssues(schema, value, t);
    return prefix ? Object.fromEntries(Object.entries(found).map(([path, message]) => [path ? `${prefix}.${path}` : prefix, message])) : found;
  }, [schema, value, prefix, t]);

  const shown = useMemo(() => {
    const visible = (path: string) => submitted || [...left].some((field) => path === field || path.startsWith(`${field}.`));
    return { ...Object.fromEntries(Object.entries(all).filter(([path]) => visible(path))), ...outer };
  }, [all, left, submitted, outer]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const field = (event.target as Element).closest(`[${FIELD_PATH_ATTRIBUTE}]`)?.getAttribute(FIELD_PATH_ATTRIBUTE);
    // Moving within one field (between a text's languages, to a chip's button) is not leaving it.
    const next = event.relatedTarget instanceof Element ? event.relatedTarget.closest(`[${FIELD_PATH_ATTRIBUTE}]`)?.getAttribute(FIELD_PATH_ATTRIBUTE) : undefined;
    if (field && field !== next && !left.has(field)) setLeft(new Set([...left, field]));
  };

  return (
    <FieldIssuesContext value={shown}>
      <div ref={anchor} className="field-issues" onBlur={onBlur}>
        {children}
      </div>
    </FieldIssuesContext>
  );
}
