import type { MemorialDocument } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { TokenInput } from '../../components/forms/TokenInput';
import { RecordRows } from './RecordRows';

type Person = MemorialDocument['people'][number];
const optionalYear = (raw: string) => (raw.trim() === '' ? undefined : Number(raw));

/** The people a memorial names. */
export function MemorialPeople({ rows, onChange }: { rows: MemorialDocument['people']; onChange: (rows: MemorialDocument['people']) => void }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<Person>
      legend={t('memorial.people', { total: rows.length })}
      rows={rows}
      onChange={onChange}
      blank={{ name: '', variants: [] }}
      addLabel={t('studio.addPerson')}
      render={(person, update, index) => (
        <>
          <label>
            <span>{t('memorial.name')}{n(index)}</span>
            <input required value={person.name} onChange={(e) => update({ ...person, name: e.target.value })} />
          </label>
          <div className="wide">
            <TokenInput label={`${t('inputs.variants')}${n(index)}`} value={person.variants} maxLength={300} maxTokens={20} onChange={(variants) => update({ ...person, variants })} />
          </div>
          <label>
            <span>{t('studio.birthYear')}{n(index)}</span>
            <input type="number" value={person.birthYear ?? ''} onChange={(e) => update({ ...person, birthYear: optionalYear(e.target.value) })} />
          </label>
          <label>
            <span>{t('studio.deathYear')}{n(index)}</span>
            <input type="number" value={person.deathYear ?? ''} onChange={(e) => update({ ...person, deathYear: optionalYear(e.target.value) })} />
          </label>
          <label>
            <span>{t('memorial.rank')}{n(index)}</span>
            <input value={person.rank ?? ''} onChange={(e) => update({ ...person, rank: e.target.value || undefined })} />
          </label>
          <label>
            <span>{t('memorial.unit')}{n(index)}</span>
            <input value={person.unit ?? ''} onChange={(e) => update({ ...person, unit: e.target.value || undefined })} />
          </label>
        </>
      )}
    />
  );
}
