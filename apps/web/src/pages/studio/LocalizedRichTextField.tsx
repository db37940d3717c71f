import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, useFieldIssue } from '../../components/forms/field-issues';
import { type LocalizedFieldProps, TranslationStatusSelect } from './LocalizedField';
import { withText } from './localized';

// Tiptap is some 130 kB: it loads when a rich text is first edited, in a chunk of its own, never on a visitor's page.
const RichTextEditor = lazy(() => import('../../components/forms/RichTextEditor'));

/**
 * A rich text (HTML the server sanitises) in every language the country has enabled, each with its
 * translation status: `LocalizedField`'s props, so either takes the other's place.
 */
export function LocalizedRichTextField({ label, value, languages, onChange, required = false, path }: LocalizedFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const issue = useFieldIssue(path);
  return (
    <fieldset className="localized-field rich" {...issue.fieldProps}>
      <legend>
        {label}
        {required && <span className="muted"> ({t('studio.required')})</span>}
      </legend>
      <FieldMessage issue={issue} />
      {languages.map((lang) => {
        const entry = value?.[lang];
        const fieldLabel = `${label} — ${t(`languages.${lang}`)}`;
        return (
          <div key={lang} className="localized-rich-row">
            <span aria-hidden="true" className="lang-label">
              {lang.toUpperCase()}
            </span>
            <TranslationStatusSelect value={value} lang={lang} fieldLabel={fieldLabel} onChange={onChange} />
            <div className="rich-text-slot" id={`${id}-${lang}`}>
              <Suspense fallback={<p className="muted rich-text-loading">{t('inputs.rich.loading')}</p>}>
                <RichTextEditor
                  label={fieldLabel}
                  lang={lang}
                  value={entry?.text ?? ''}
                  invalid={!!issue.message}
                  describedBy={issue.inputProps['aria-describedby']}
                  onChange={(html) => onChange(withText(value, lang, html))}
                />
              </Suspense>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
