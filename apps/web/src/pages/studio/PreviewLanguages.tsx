import type { ContentLanguage } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';

/** One button per language of the country; the pressed one is the language previewed. */
export function PreviewLanguages({ languages, lang, onPick }: { languages: ContentLanguage[]; lang: ContentLanguage; onPick: (lang: ContentLanguage) => void }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('studio.previewLanguage')} className="preview-languages">
      {languages.map((language) => (
        <button key={language} type="button" className={language === lang ? undefined : 'secondary'} aria-pressed={language === lang} onClick={() => onPick(language)}>
          {t(`languages.${language}`)}
        </button>
      ))}
    </div>
  );
}
