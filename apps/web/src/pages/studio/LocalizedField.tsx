import { type ContentLanguage, type LocalizedText, TRANSLATION_STATUSES, type TranslationStatus } from '@vitrina/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, useFieldIssue } from '../../components/forms/field-issues';
import { withStatus, withText } from './localized';

export interface LocalizedFieldProps {
  label: string;
  value: LocalizedText | undefined;
  languages: ContentLanguage[];
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
  required?: boolean;
  /** The document path of the text (`title`, `events.0.description`), for its message from a `FieldIssuesProvider`. */
  path?: string;
}

/** How one language's text came to be (original, translated, machine); disabled until the text exists. */
export function TranslationStatusSelect({ value, lang, fieldLabel, onChange }: { value: LocalizedText | undefined; lang: ContentLanguage; fieldLabel: string; onChange: (value: LocalizedText) => void }) {
  const { t } = useTranslation();
  const entry = value?.[lang];
  return (
    <select
      aria-label={`${t('studio.translationStatus')} — ${fieldLabel}`}
      value={entry?.status ?? 'original'}
      disabled={!entry}
      onChange={(e) => onChange(withStatus(value, lang, e.target.value as TranslationStatus))}
    >
      {TRANSLATION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`studio.statuses.${status}`)}
        </option>
      ))}
    </select>
  );
}

/** One text in every language the country has enabled, each with its translation status. */
export function LocalizedField({ label, value, languages, onChange, multiline = false, required = false, path }: LocalizedFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const issue = useFieldIssue(path);
  return (
    <fieldset className="localized-field" {...issue.fieldProps}>
      <legend>
        {label}
        {required && <span className="muted"> ({t('studio.required')})</span>}
      </legend>
      <FieldMessage issue={issue} />
      {languages.map((lang) => {
        const entry = value?.[lang];
        const fieldLabel = `${label} — ${t(`languages.${lang}`)}`;
        return (
          <div key={lang} className="localized-row">
            <span aria-hidden="true" className="lang-label">
              {lang.toUpperCase()}
            </span>
            {multiline ? (
              <textarea id={`${id}-${lang}`} aria-label={fieldLabel} {...issue.inputProps} lang={lang} rows={4} value={entry?.text ?? ''} onChange={(e) => onChange(withText(value, lang, e.target.value))} />
            ) : (
              <input id={`${id}-${lang}`} aria-label={fieldLabel} {...issue.inputProps} lang={lang} value={entry?.text ?? ''} onChange={(e) => onChange(withText(value, lang, e.target.value))} />
            )}
            <TranslationStatusSelect value={value} lang={lang} fieldLabel={fieldLabel} onChange={onChange} />
          </div>
        );
      })}
    </fieldset>
  );
}
