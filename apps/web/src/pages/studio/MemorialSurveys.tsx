import { type Country, CONDITIONS, conditionSurveySchema, type MemorialDocument } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PartialDateInput } from '../../components/forms/DateInput';
import { TextField } from '../../components/forms/TextField';
import { LocalizedField } from './LocalizedField';
import { orUndefined } from './localized';
import { RecordRows } from './RecordRows';

type Survey = MemorialDocument['conditionSurveys'][number];
const SURVEYS = z.array(conditionSurveySchema);

/** The memorial's condition, survey by survey. */
export function MemorialSurveys({ rows, onChange, country }: { rows: MemorialDocument['conditionSurveys']; onChange: (rows: MemorialDocument['conditionSurveys']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<Survey>
      legend={t('memorial.conditionHistory')}
      rows={rows}
      onChange={onChange}
      blank={{ date: '', condition: 'good' }}
      addLabel={t('studio.addSurvey')}
      schema={SURVEYS}
      path="conditionSurveys"
      render={(survey, update, index) => (
        <>
          <PartialDateInput label={`${t('studio.date')}${n(index)}`} path={`conditionSurveys.${index}.date`} required value={survey.date || undefined} onChange={(date) => update({ ...survey, date: date ?? '' })} />
          <label>
            <span>{t('studio.condition')}{n(index)}</span>
            <select value={survey.condition} onChange={(e) => update({ ...survey, condition: e.target.value as Survey['condition'] })}>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`conditions.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <TextField label={`${t('studio.surveyor')}${n(index)}`} path={`conditionSurveys.${index}.surveyor`} maxLength={200} value={survey.surveyor} onChange={(surveyor) => update({ ...survey, surveyor })} />
          <LocalizedField
            label={`${t('studio.note')}${n(index)}`}
            path={`conditionSurveys.${index}.note`}
            value={survey.note}
            languages={country.languages}
            onChange={(note) => update({ ...survey, note: orUndefined(note) })}
          />
        </>
      )}
    />
  );
}
