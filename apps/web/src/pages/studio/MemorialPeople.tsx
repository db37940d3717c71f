import { type ContentLanguage, type MemorialDocument, namedPersonSchema } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldMessage, useFieldIssue } from '../../components/forms/field-issues';
import { TextField, YearField } from '../../components/forms/TextField';
import { LocalizedLabelField } from '../../components/forms/LocalizedTags';
import { TokenInput } from '../../components/forms/TokenInput';
import { RecordRows } from './RecordRows';

type Person = MemorialDocument['people'][number];
const PEOPLE = z.array(namedPersonSchema);

function Variants({ path, label, value, onChange }: { path: string; label: string; value: string[]; onChange: (variants: string[]) => void }) {
  const issue = useFieldIssue(path);
  return (
    <div className="wide" {...issue.fieldProps}>
      <TokenInput label={label} value={value} maxLength={300} maxTokens={20} invalid={!!issue.message} describedBy={issue.inputProps['aria-describedby']} onChange={onChange} />
      <FieldMessage issue={issue} />
    </div>
  );
}

function Rank({ path, label, value, languages, onChange }: { path: string; label: string; value: Person['rank']; languages: ContentLanguage[]; onChange: (rank: Person['rank']) => void }) {
  const issue = useFieldIssue(path);
  return (
    <div className="wide" {...issue.fieldProps}>
      <LocalizedLabelField label={label} value={value} languages={languages} maxLength={200} invalid={!!issue.message} describedBy={issue.inputProps['aria-describedby']} onChange={onChange} />
      <FieldMessage issue={issue} />
    </div>
  );
}

/** The people a memorial names; a rank, shown to visitors, in each of the country's `languages`. */
export function MemorialPeople({ rows, onChange, languages }: { rows: MemorialDocument['people']; onChange: (rows: MemorialDocument['people']) => void; languages: ContentLanguage[] }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<Person>
      legend={t('memorial.people', { total: rows.length })}
      rows={rows}
      onChange={onChange}
      blank={{ name: '', variants: [] }}
      addLabel={t('studio.addPerson')}
      schema={PEOPLE}
      path="people"
      render={(person, update, index) => (
        <>
          <TextField label={`${t('memorial.name')}${n(index)}`} path={`people.${index}.name`} required maxLength={300} value={person.name} onChange={(name) => update({ ...person, name: name ?? '' })} />
          <Variants path={`people.${index}.variants`} label={`${t('inputs.variants')}${n(index)}`} value={person.variants} onChange={(variants) => update({ ...person, variants })} />
          <YearField label={`${t('studio.birthYear')}${n(index)}`} path={`people.${index}.birthYear`} value={person.birthYear} onChange={(birthYear) => update({ ...person, birthYear })} />
          <YearField label={`${t('studio.deathYear')}${n(index)}`} path={`people.${index}.deathYear`} value={person.deathYear} onChange={(deathYear) => update({ ...person, deathYear })} />
          <Rank label={`${t('memorial.rank')}${n(index)}`} path={`people.${index}.rank`} languages={languages} value={person.rank} onChange={(rank) => update({ ...person, rank })} />
          <TextField label={`${t('memorial.unit')}${n(index)}`} path={`people.${index}.unit`} maxLength={300} value={person.unit} onChange={(unit) => update({ ...person, unit })} />
        </>
      )}
    />
  );
}
