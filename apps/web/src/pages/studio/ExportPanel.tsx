import { COLLECTION_NAMES, type Country, EXPORT_FORMATS } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { exportLink } from '../../api/exchange';
import './export-panel.css';

/**
 * The studio's exports: each collection of the country as CSV or XLSX, every
 * record as the studio has it (drafts included), a column per language.
 * Plain links, so a keyboard reaches each and the browser saves the file.
 */
export function ExportPanel({ country }: { country: Country }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="export-heading" className="export-panel">
      <h2 id="export-heading">{t('exchange.export.heading')}</h2>
      <p>{t('exchange.export.intro', { languages: country.languages.join(', ') })}</p>
      <ul className="export-list">
        {COLLECTION_NAMES.map((collection) => (
          <li key={collection}>
            <h3 id={`export-${collection}`}>{t(`studio.collections.${collection}`)}</h3>
            <p className="muted">{t(`exchange.export.contents.${collection}`)}</p>
            <p className="export-links">
              {EXPORT_FORMATS.map((format) => (
                <a key={format} className="button" href={exportLink(country.id, collection, format)} download>
                  <span className="visually-hidden">{t(`studio.collections.${collection}`)}: </span>
                  {t(`exchange.export.formats.${format}`)}
                </a>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted">{t('exchange.export.audited')}</p>
    </section>
  );
}
