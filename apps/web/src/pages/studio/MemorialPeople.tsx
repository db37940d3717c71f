import type { ContentLanguage, MemorialDocument } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { RecordRows } from './RecordRows';

type Person = MemorialDocument['people'][number];
const optionalYear = (raw: string) => (raw.trim() === '' ? undefined : Number(raw));

/** One language of a rank; an empty text removes that language, and the rank when none is left. */
function withRank(rank: Person['rank'], lang: ContentLanguage, text: string): Person['rank'] {
  const next = { ...rank, [lang]: text.trim() === '' ? undefined : text };
  if (next[lang] === undefined) delete next[lang];
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The people a memorial names; the rank is edited in `language` (the country's default). */
export function MemorialPeople({
  rows,
  onChange,
  language,
}: {
  rows: MemorialDocument['people'];
  onChange: (rows: MemorialDocument['people']) => void;
  language: ContentLanguage;
}) {
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
          <label>
            <span>{t('studio.variants')}{n(index)}</span>
            <input value={person.variants.join(', ')} onChange={(e) => update({ ...person, variants: e.target.value.split(',').map((v) => v.trim()).filter(Boolean) })} />
          </label>
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
            <input value={person.rank?.[language] ?? ''} onChange={(e) => update({ ...person, rank: withRank(person.rank, language, e.target.value) })} />
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
