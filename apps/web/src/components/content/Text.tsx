import type { ResolvedText } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';

/**
 * A resolved text with its real language on the element, marked when it is
 * shown in another language than the one the reader asked for.
 */
export function Text({ value, as: Tag = 'span', className }: { value: ResolvedText | null | undefined; as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'blockquote' | 'figcaption'; className?: string }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <Tag lang={value.lang} className={className}>
      {value.text}
      {value.fallback && <FallbackMark lang={value.lang} label={t('content.shownIn', { language: t(`languages.${value.lang}`) })} />}
    </Tag>
  );
}

function FallbackMark({ lang, label }: { lang: string; label: string }) {
  return (
    <span className="fallback-mark" lang={undefined} title={label}>
      {' '}
      <abbr aria-label={label}>{lang.toUpperCase()}</abbr>
    </span>
  );
}

/** Curators' rich text: HTML the server already sanitised against an allowlist. */
export function RichText({ value }: { value: ResolvedText | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <div className="rich-text" lang={value.lang}>
      {value.fallback && <p className="fallback-note">{t('content.shownIn', { language: t(`languages.${value.lang}`) })}</p>}
      <div dangerouslySetInnerHTML={{ __html: value.text }} />
    </div>
  );
}
