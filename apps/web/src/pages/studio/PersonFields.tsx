import {
  type ContentLanguage,
  type Country,
  FATES,
  identifierExample,
  PERSON_IDENTIFIER_SCHEMES,
  PERSON_MEMORIAL_ROLES,
  type PersonDate,
  type PersonDocument,
  type PersonMemorialLink,
  type PersonSource,
  personSourceSchema,
} from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PartialDateInput } from '../../components/forms/DateInput';
import { FieldMessage, useFieldIssue } from '../../components/forms/field-issues';
import { LocalizedLabelField } from '../../components/forms/LocalizedTags';
import { TextField } from '../../components/forms/TextField';
import { TokenInput } from '../../components/forms/TokenInput';
import { RecordPicker } from './RecordPicker';
import { RecordRows } from './RecordRows';

/** A list of short strings as chips (variants, awards), with its message beside it. */
export function TokensField({ path, label, value, max, onChange }: { path: string; label: string; value: string[]; max: number; onChange: (value: string[]) => void }) {
  const issue = useFieldIssue(path);
  return (
    <div className="field wide" {...issue.fieldProps}>
      <TokenInput label={label} value={value} maxLength={300} maxTokens={max} invalid={!!issue.message} describedBy={issue.inputProps['aria-describedby']} onChange={onChange} />
      <FieldMessage issue={issue} />
    </div>
  );
}

export function RankField({ value, languages, onChange }: { value: PersonDocument['rank']; languages: ContentLanguage[]; onChange: (rank: PersonDocument['rank']) => void }) {
  const { t } = useTranslation();
  const issue = useFieldIssue('rank');
  return (
    <div className="field wide" {...issue.fieldProps}>
      <LocalizedLabelField label={t('person.fields.rank')} value={value} languages={languages} maxLength={200} invalid={!!issue.message} describedBy={issue.inputProps['aria-describedby']} onChange={onChange} />
      <FieldMessage issue={issue} />
    </div>
  );
}

/** A birth or death: a date as people write it (`9 мая 1945`, `March 1915`, `1915`) and whether it is approximate. */
export function PersonDateField({ path, label, value, onChange }: { path: 'birth' | 'death'; label: string; value: PersonDate | undefined; onChange: (value: PersonDate | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <PartialDateInput label={label} path={`${path}.date`} value={value?.date} onChange={(date) => onChange(date ? { ...value, date } : undefined)} />
      <label className="checkbox">
        <input type="checkbox" checked={value?.circa ?? false} disabled={!value} onChange={(e) => value && onChange(e.target.checked ? { ...value, circa: true } : { date: value.date })} />
        <span>{t('studio.person.circa', { field: label })}</span>
      </label>
    </div>
  );
}

export function FateField({ value, onChange }: { value: PersonDocument['fate']; onChange: (fate: PersonDocument['fate']) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('person.fields.fate')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as PersonDocument['fate'])}>
        {FATES.map((fate) => (
          <option key={fate} value={fate}>
            {t(`person.fates.${fate}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The memorials a person is linked to: chosen by typing in a search over the
 * country's memorials, each with how (buried there, or named there) and a plot.
 */
export function MemorialLinks({ country, links, onChange }: { country: Country; links: PersonMemorialLink[]; onChange: (links: PersonMemorialLink[]) => void }) {
  const { t } = useTranslation();
  const issue = useFieldIssue('memorials');
  const choose = (ids: string[]) => onChange(ids.map((memorialId) => links.find((link) => link.memorialId === memorialId) ?? { memorialId, role: 'commemorated' }));
  const update = (index: number, link: PersonMemorialLink) => onChange(links.map((was, i) => (i === index ? link : was)));
  return (
    <div className="field wide" {...issue.fieldProps}>
      <RecordPicker country={country} collection="memorials" legend={t('studio.person.memorials')} selected={links.map((link) => link.memorialId)} onChange={choose} max={50} />
      <FieldMessage issue={issue} />
      {links.map((link, index) => (
        <div key={link.memorialId} className="field-row">
          <label className="field">
            <span>{t('studio.person.role', { n: index + 1 })}</span>
            <select value={link.role} onChange={(e) => update(index, { ...link, role: e.target.value as PersonMemorialLink['role'] })}>
              {PERSON_MEMORIAL_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`person.roles.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('studio.person.plot', { n: index + 1 })}
            path={`memorials.${index}.plot`}
            maxLength={200}
            value={link.plot}
            onChange={(plot) => update(index, plot ? { ...link, plot } : { memorialId: link.memorialId, role: link.role })}
          />
        </div>
      ))}
    </div>
  );
}

const SOURCES = z.array(personSourceSchema);
const ARCHIVE_PARTS = ['archive', 'fond', 'opis', 'delo', 'sheet'] as const;

/** Archival sources: a title, an archive reference, an address, and record numbers in the databases of the fallen. */
export function PersonSources({ rows, onChange }: { rows: PersonSource[]; onChange: (rows: PersonSource[]) => void }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<PersonSource>
      legend={t('person.sources')}
      rows={rows}
      onChange={onChange}
      blank={{ title: '', identifiers: [] }}
      addLabel={t('studio.person.addSource')}
      schema={SOURCES}
      path="sources"
      render={(source, update, index) => {
        const set = (key: keyof PersonSource, value: string | undefined) => {
          const next = { ...source, [key]: value };
          if (value === undefined) delete next[key];
          update(next);
        };
        return (
          <>
            <TextField label={`${t('studio.person.sourceTitle')}${n(index)}`} path={`sources.${index}.title`} required maxLength={500} value={source.title} onChange={(title) => update({ ...source, title: title ?? '' })} />
            <div className="field-row">
              {ARCHIVE_PARTS.map((key) => (
                <TextField key={key} label={`${t(`studio.person.${key}`)}${n(index)}`} path={`sources.${index}.${key}`} maxLength={key === 'archive' ? 200 : 40} value={source[key]} onChange={(value) => set(key, value)} />
              ))}
            </div>
            <TextField label={`${t('studio.person.url')}${n(index)}`} path={`sources.${index}.url`} maxLength={2000} value={source.url} onChange={(url) => set('url', url)} />
            {PERSON_IDENTIFIER_SCHEMES.map((scheme) => {
              const identifiers = source.identifiers ?? [];
              const position = identifiers.findIndex((identifier) => identifier.scheme === scheme);
              const others = identifiers.filter((identifier) => identifier.scheme !== scheme);
              const hintId = `source-${index}-${scheme}-hint`;
              return (
                <div key={scheme} className="field">
                  <TextField
                    label={`${t(`person.identifiers.${scheme}`)}${n(index)}`}
                    path={`sources.${index}.identifiers.${position === -1 ? identifiers.length : position}`}
                    maxLength={60}
                    hintId={hintId}
                    value={identifiers[position]?.id}
                    onChange={(id) => update({ ...source, identifiers: id ? [...others, { scheme, id }] : others })}
                  />
                  <small id={hintId} className="muted">
                    {t('studio.person.identifierHint', { example: identifierExample(scheme) })}
                  </small>
                </div>
              );
            })}
          </>
        );
      }}
    />
  );
}
