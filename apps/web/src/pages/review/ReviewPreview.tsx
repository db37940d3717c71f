import type { Collection, Country, PublicRecordViews } from '@vitrina/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewPreview } from '../../api/review';
import { describeFailure } from '../../api/client';
import { ExhibitionView } from '../../components/content/ExhibitionView';
import { ItemView } from '../../components/content/ItemView';
import { MemorialView } from '../../components/content/MemorialView';
import { PersonView } from '../../components/content/PersonView';

/** The visitor's component for each kind's public view. */
function VisitorView({ collection, view }: { collection: Collection; view: PublicRecordViews[keyof PublicRecordViews] }) {
  switch (collection) {
    case 'items':
      return <ItemView item={view as PublicRecordViews['item']} />;
    case 'memorials':
      return <MemorialView memorial={view as PublicRecordViews['memorial']} />;
    case 'exhibitions':
      return <ExhibitionView exhibition={view as PublicRecordViews['exhibition']} />;
    case 'people':
      return <PersonView person={view as PublicRecordViews['person']} />;
  }
}

/**
 * The revision under review rendered with the visitor's own components, in
 * any of the country's languages: first the UI language when the museum
 * has it, else the museum's own.
 */
export function ReviewPreview({ country, collection, id }: { country: Country; collection: Collection; id: string }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<string>(country.languages.includes(i18n.language as never) ? i18n.language : country.defaultLanguage);
  const preview = useReviewPreview(country.id, collection, id, lang);
  return (
    <section aria-labelledby="preview-heading" className="review-preview">
      <div className="preview-bar">
        <h3 id="preview-heading">{t('review.preview.heading')}</h3>
        <div role="group" aria-label={t('review.preview.language')} className="preview-languages">
          {country.languages.map((language) => (
            <button key={language} type="button" className={language === lang ? undefined : 'secondary'} aria-pressed={language === lang} onClick={() => setLang(language)}>
              {t(`languages.${language}`)}
            </button>
          ))}
        </div>
      </div>
      {preview.error && (
        <p role="alert" className="error">
          {describeFailure(preview.error, t).message}
        </p>
      )}
      {!preview.data && !preview.error && <p role="status">{t('home.loading')}</p>}
      {preview.data && (
        <div className="preview-frame" lang={lang}>
          <VisitorView collection={collection} view={preview.data} />
        </div>
      )}
    </section>
  );
}
