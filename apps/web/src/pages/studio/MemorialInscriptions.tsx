import type { Country, MemorialDocument } from '@vitrina/contracts';
import { LocalizedField } from './LocalizedField';
import { useTranslation } from 'react-i18next';
import { RecordRows } from './RecordRows';

/** The inscriptions as carved, each with its translations. */
export function MemorialInscriptions({ rows, onChange, country }: { rows: MemorialDocument['inscriptions']; onChange: (rows: MemorialDocument['inscriptions']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows
      legend={t('memorial.inscriptions')}
      rows={rows}
      onChange={onChange}
      blank={{ original: '', translations: {} }}
      addLabel={t('studio.addInscription')}
      render={(inscription, update, index) => (
        <>
          <label className="wide">
            <span>{t('studio.inscriptionOriginal')}{n(index)}</span>
            <textarea required rows={2} value={inscription.original} onChange={(e) => update({ ...inscription, original: e.target.value })} />
          </label>
          <label>
            <span>{t('studio.inscriptionLanguage')}{n(index)}</span>
            <input value={inscription.originalLanguage ?? ''} onChange={(e) => update({ ...inscription, originalLanguage: e.target.value || undefined })} />
          </label>
          <LocalizedField
            label={`${t('studio.inscriptionTranslation')}${n(index)}`}
            value={inscription.translations}
            languages={country.languages}
            onChange={(translations) => update({ ...inscription, translations })}
          />
        </>
      )}
    />
  );
}
