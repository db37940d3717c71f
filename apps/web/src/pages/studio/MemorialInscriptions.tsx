import { type Country, inscriptionSchema, type MemorialDocument } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField } from '../../components/forms/TextField';
import { LocalizedField } from './LocalizedField';
import { RecordRows } from './RecordRows';

type Inscription = MemorialDocument['inscriptions'][number];
const INSCRIPTIONS = z.array(inscriptionSchema);

/** The inscriptions as carved, each with its translations. */
export function MemorialInscriptions({ rows, onChange, country }: { rows: MemorialDocument['inscriptions']; onChange: (rows: MemorialDocument['inscriptions']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<Inscription>
      legend={t('memorial.inscriptions')}
      rows={rows}
      onChange={onChange}
      blank={{ original: '', translations: {} }}
      addLabel={t('studio.addInscription')}
      schema={INSCRIPTIONS}
      path="inscriptions"
      render={(inscription, update, index) => (
        <>
          <TextField
            className="field wide"
            multiline
            required
            label={`${t('studio.inscriptionOriginal')}${n(index)}`}
            path={`inscriptions.${index}.original`}
            maxLength={5_000}
            value={inscription.original}
            onChange={(original) => update({ ...inscription, original: original ?? '' })}
          />
          <TextField
            label={`${t('studio.inscriptionLanguage')}${n(index)}`}
            path={`inscriptions.${index}.originalLanguage`}
            maxLength={12}
            value={inscription.originalLanguage}
            onChange={(originalLanguage) => update({ ...inscription, originalLanguage })}
          />
          <LocalizedField
            label={`${t('studio.inscriptionTranslation')}${n(index)}`}
            path={`inscriptions.${index}.translations`}
            value={inscription.translations}
            languages={country.languages}
            onChange={(translations) => update({ ...inscription, translations })}
          />
        </>
      )}
    />
  );
}
