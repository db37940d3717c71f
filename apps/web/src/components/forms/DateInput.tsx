import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateProblem, type Parsed, type YearRange, dateLanguage, formatPartialDate, formatYearRange, parsePartialDate, parseYearRange } from '../content/dates';
import { describedBy, FieldMessage, useFieldIssue } from './field-issues';
import './forms.css';

/** What the document holds while the text typed is not a date: a range the schema refuses, so it is never saved as another date. */
export const UNREADABLE_YEARS: YearRange = { earliest: Number.NaN, latest: Number.NaN };

interface Flavour<T> {
  parse: (text: string) => Parsed<T | undefined>;
  format: (value: T | undefined, lang: 'ru' | 'en') => string;
  same: (a: T | undefined, b: T | undefined) => boolean;
  /** What the document holds while the text is not understood. */
  unreadable: (text: string) => T;
  hintKey: string;
  unknownKey: string;
}

const sameRange = (a: YearRange | undefined, b: YearRange | undefined) =>
  a === b || (!!a && !!b && Object.is(a.earliest, b.earliest) && Object.is(a.latest, b.latest) && !!a.circa === !!b.circa);

const YEARS: Flavour<YearRange> = {
  parse: parseYearRange,
  format: formatYearRange,
  same: sameRange,
  unreadable: () => UNREADABLE_YEARS,
  hintKey: 'inputs.dates.hintYears',
  unknownKey: 'inputs.dates.unknownYears',
};

const CALENDAR: Flavour<string> = {
  parse: parsePartialDate,
  format: formatPartialDate,
  same: (a, b) => a === b,
  // The text itself: the content model's pattern refuses it.
  unreadable: (text) => text.trim(),
  hintKey: 'inputs.dates.hintCalendar',
  unknownKey: 'inputs.dates.unknownCalendar',
};

export interface DateInputProps<T> {
  label: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** The document path of the field, for its message from a `FieldIssuesProvider` (`date`, `events.0.date`). */
  path?: string;
  required?: boolean;
}

function DateInput<T>({ flavour, label, value, onChange, path, required }: DateInputProps<T> & { flavour: Flavour<T> }) {
  const { t, i18n } = useTranslation();
  const lang = dateLanguage(i18n.language);
  const id = useId();
  const issue = useFieldIssue(path);
  // The text as typed, and the value it last gave: a value from elsewhere (a record loaded, a draft
  // restored) replaces the text, the value of the text itself never rewrites it.
  const [typed, setTyped] = useState(() => ({ text: flavour.format(value, lang), gave: value }));
  const [left, setLeft] = useState(false);
  if (!flavour.same(value, typed.gave)) setTyped({ text: flavour.format(value, lang), gave: value });

  const parsed = flavour.parse(typed.text);
  const change = (text: string) => {
    const next = flavour.parse(text);
    const gave = next.ok ? next.value : flavour.unreadable(text);
    setTyped({ text, gave });
    if (!flavour.same(gave, value)) onChange(gave);
  };

  const problem: DateProblem | undefined = parsed.ok ? undefined : parsed.problem;
  const problemText = problem && (problem === 'unknown' ? t(flavour.unknownKey) : t(`inputs.dates.${problem}`));
  // A text being typed is not judged until the person leaves the field; a message already shown follows the text.
  const showProblem = problemText && (left || issue.message);
  const preview = parsed.ok && parsed.value !== undefined ? flavour.format(parsed.value, lang) : '';
  const noteId = `${id}-note`;
  const message = showProblem ? problemText : issue.message;
  return (
    <div className="field date-input" {...issue.fieldProps}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={typed.text}
        autoComplete="off"
        aria-required={required || undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(message ? issue.messageId : undefined, noteId)}
        onChange={(event) => change(event.target.value)}
        onBlur={() => setLeft(true)}
      />
      {message && <FieldMessage issue={{ ...issue, message }} />}
      <small id={noteId} className={preview ? 'date-preview' : 'muted'}>
        {preview ? t('inputs.dates.preview', { date: preview }) : t(flavour.hintKey)}
      </small>
    </div>
  );
}

/** A record's dating in years, typed as people write it (`1943`, `c. 1943`, `1941–1945`, `1940s`), with how visitors will see it. */
export function YearRangeInput(props: DateInputProps<YearRange>) {
  return <DateInput flavour={YEARS} {...props} />;
}

/** A calendar date, possibly partial, typed as people write it (`9 May 1945`, `май 1945`, `09.05.1945`), stored as `YYYY[-MM[-DD]]`. */
export function PartialDateInput(props: DateInputProps<string>) {
  return <DateInput flavour={CALENDAR} {...props} />;
}
