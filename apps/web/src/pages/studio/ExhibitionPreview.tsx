import type { Country } from '@vitrina/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useExhibitionPreview } from '../../api/studio';
import { ExhibitionView } from '../../components/content/ExhibitionView';
import { PreviewLanguages } from './PreviewLanguages';

/** The saved exhibition rendered exactly as visitors will see it, in each enabled language. */
export function ExhibitionPreview({ country, id }: { country: Country; id: string }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState(country.defaultLanguage);
  const preview = useExhibitionPreview(country.id, id, lang);
  return (
    <div className="preview">
      <div className="preview-bar">
        <Link to={`/studio/${country.id}/exhibitions/${id}`}>← {t('studio.backToEditor')}</Link>
        <PreviewLanguages languages={country.languages} lang={lang} onPick={setLang} />
      </div>
      {preview.data && <ExhibitionView exhibition={preview.data} />}
    </div>
  );
}
