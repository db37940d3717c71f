import type { ContentLanguage, LocalizedLabel } from '@vitrina/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TokenInput } from './TokenInput';
import { tokenKey } from './tokens';
import './forms.css';

/** What a tag shows as in `lang`: its own text there, else its first other one (marked with that language). */
function shownIn(tag: LocalizedLabel, lang: ContentLanguage): { text: string; lang: ContentLanguage } {
  const own = tag[lang];
  if (own) return { text: own, lang };
  const [other, text] = (Object.entries(tag) as [ContentLanguage, string][]).find(([, value]) => value)!;
  return { text, lang: other };
}

/** The label with `lang` set to `text`; an emptied language is left out. */
export function withLabel(label: LocalizedLabel | undefined, lang: ContentLanguage, text: string): LocalizedLabel {
  const next = { ...label };
  if (text.trim() === '') delete next[lang];
  else next[lang] = text;
  return next;
}

export interface LocalizedTagsProps {
  label: string;
  value: LocalizedLabel[];
  /** The country's languages; tags are typed in `defaultLanguage` unless the curator picks another. */
  languages: ContentLanguage[];
  defaultLanguage: ContentLanguage;
  onChange: (tags: LocalizedLabel[]) => void;
  maxLength?: number;
  maxTags?: number;
  /** Id of a message about the field, read with the chips' text box. */
  describedBy?: string;
  invalid?: boolean;
}

/**
 * Tags as chips in one language (the country's default, or the one the curator writes in), each tag
 * with a row below for its words in the country's other languages: a tag is one `{ lang: text }`.
 */
export function LocalizedTags({ label, value, languages, defaultLanguage, onChange, maxLength = 60, maxTags = 50, describedBy, invalid }: LocalizedTagsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [typing, setTyping] = useState<ContentLanguage>(languages.includes(defaultLanguage) ? defaultLanguage : languages[0]);
  const others = languages.filter((lang) => lang !== typing);
  const language = (lang: ContentLanguage) => t(`languages.${lang}`);
  const chips = value.map((tag) => shownIn(tag, typing).text);

  // Chips are added at the end or removed: each chip left keeps its tag (translations and all), each new one is a new tag.
  const onChips = (next: string[]) => {
    const byChip = new Map(value.map((tag, index) => [tokenKey(chips[index]), tag]));
    onChange(next.map((chip) => byChip.get(tokenKey(chip)) ?? { [typing]: chip }));
  };
  const setTranslation = (index: number, lang: ContentLanguage, text: string) => {
    const tag = withLabel(value[index], lang, text);
    // A tag keeps at least one language: emptying its last one is done by removing its chip.
    if (Object.keys(tag).length > 0) onChange(value.map((old, i) => (i === index ? tag : old)));
  };

  return (
    <div className="localized-tags">
      {languages.length > 1 && (
        <label className="tag-language">
          <span>{t('inputs.tags.typingLanguage')}</span>
          <select value={typing} onChange={(e) => setTyping(e.target.value as ContentLanguage)}>
            {languages.map((lang) => (
              <option key={lang} value={lang}>
                {language(lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <TokenInput
        label={languages.length > 1 ? `${label} — ${language(typing)}` : label}
        value={chips}
        lang={typing}
        maxLength={maxLength}
        maxTokens={maxTags}
        onChange={onChips}
        describedBy={describedBy}
        invalid={invalid}
      />
      {others.length > 0 && value.length > 0 && (
        <fieldset className="tag-translations">
          <legend>{t('inputs.tags.translations')}</legend>
          {value.map((tag, index) => {
            const shown = shownIn(tag, typing);
            return (
              <div key={`${index}-${chips[index]}`} className="tag-translation-row" role="group" aria-labelledby={`${id}-${index}`}>
                <span id={`${id}-${index}`} className="tag-name" lang={shown.lang}>
                  {shown.text}
                </span>
                {others.map((lang) => (
                  <label key={lang} className="tag-translation">
                    <span aria-hidden="true">{lang.toUpperCase()}</span>
                    <input
                      lang={lang}
                      maxLength={maxLength}
                      aria-label={t('inputs.tags.translation', { tag: shown.text, language: language(lang) })}
                      value={tag[lang] ?? ''}
                      onChange={(e) => setTranslation(index, lang, e.target.value)}
                    />
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}

/** A short label (a rank) per language, without translation statuses: `{ ru: 'рядовой', kk: 'қатардағы' }`. */
export function LocalizedLabelField({ label, value, languages, onChange, maxLength = 200, describedBy, invalid }: {
  label: string;
  value: LocalizedLabel | undefined;
  languages: ContentLanguage[];
  /** Every language emptied gives `undefined`. */
  onChange: (value: LocalizedLabel | undefined) => void;
  maxLength?: number;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const set = (lang: ContentLanguage, text: string) => {
    const next = withLabel(value, lang, text);
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="localized-label">
      <legend>{label}</legend>
      {languages.map((lang) => (
        <label key={lang} className="localized-label-row">
          <span aria-hidden="true" className="lang-label">
            {lang.toUpperCase()}
          </span>
          <input
            lang={lang}
            maxLength={maxLength}
            aria-label={`${label} — ${t(`languages.${lang}`)}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={value?.[lang] ?? ''}
            onChange={(e) => set(lang, e.target.value)}
          />
        </label>
      ))}
    </fieldset>
  );
}
