import { describedBy, FieldMessage, useFieldIssue } from './field-issues';

export interface TextFieldProps {
  label: string;
  /** The document path of the field (`dimensions`, `people.0.name`), for its message. */
  path: string;
  value: string | undefined;
  /** An emptied box gives `undefined`: optional texts are left out of the document. */
  onChange: (value: string | undefined) => void;
  maxLength?: number;
  required?: boolean;
  multiline?: boolean;
  /** Id of a hint read with the box. */
  hintId?: string;
  className?: string;
  lang?: string;
}

/** A plain text of the document in one box, with its message beside it. */
export function TextField({ label, path, value, onChange, maxLength, required, multiline, hintId, className = 'field', lang }: TextFieldProps) {
  const issue = useFieldIssue(path);
  const props = {
    value: value ?? '',
    maxLength,
    lang,
    'aria-required': required || undefined,
    'aria-invalid': issue.inputProps['aria-invalid'],
    'aria-describedby': describedBy(issue.inputProps['aria-describedby'], hintId),
    onChange: (e: { target: { value: string } }) => onChange(e.target.value === '' ? undefined : e.target.value),
  };
  return (
    <div className={className} {...issue.fieldProps}>
      <label>
        <span>{label}</span>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
      </label>
      <FieldMessage issue={issue} />
    </div>
  );
}

/** A year (born, died) in a number box, with its message beside it; an empty box gives `undefined`. */
export function YearField({ label, path, value, onChange }: { label: string; path: string; value: number | undefined; onChange: (value: number | undefined) => void }) {
  const issue = useFieldIssue(path);
  return (
    <div className="field" {...issue.fieldProps}>
      <label>
        <span>{label}</span>
        <input
          type="number"
          inputMode="numeric"
          value={value === undefined || Number.isNaN(value) ? '' : value}
          {...issue.inputProps}
          onChange={(e) => onChange(e.target.value.trim() === '' ? undefined : Number(e.target.value))}
        />
      </label>
      <FieldMessage issue={issue} />
    </div>
  );
}
