import type { Country } from '@vitrina/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useExhibitionPreview } from '../../api/studio';
import { ExhibitionView } from '../../components/content/ExhibitionView';

/** The saved exhibition rendered exactly as visitors will see it, in each enabled language. */
export function ExhibitionPreview({ country, id }: { country: Country; id: string }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState(country.defaultLanguage);
  const preview = useExhibitionPreview(country.id, id, lang);
  return (
    <div className="preview">
      <div className="preview-bar">
        <Link to={`/studio/${country.id}/exhibitions/${id}`}>← {t('studio.backToEditor')}</Link>
        <div role="group" aria-label={t('studio.previewLanguage')} className="preview-languages">
          {country.languages.map((language) => (
            <button key={language} type="button" className={language === lang ? undefined : 'secondary'} aria-pressed={language === lang} onClick={() => setLang(language)}>
              {t(`languages.${language}`)}
            </button>
          ))}
        </div>
      </div>
      {preview.data && <ExhibitionView exhibition={preview.data} />}
    </div>
  );
}
