import type { Country, MemorialDocument } from '@vitrina/contracts';
import { CONDITIONS } from '@vitrina/contracts';
import { LocalizedField } from './LocalizedField';
import { orUndefined } from './localized';
import { useTranslation } from 'react-i18next';
import { RecordRows } from './RecordRows';

/** The memorial's condition, survey by survey. */
export function MemorialSurveys({ rows, onChange, country }: { rows: MemorialDocument['conditionSurveys']; onChange: (rows: MemorialDocument['conditionSurveys']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows
      legend={t('memorial.conditionHistory')}
      rows={rows}
      onChange={onChange}
      blank={{ date: '', condition: 'good' as const }}
      addLabel={t('studio.addSurvey')}
      render={(survey, update, index) => (
        <>
          <label>
            <span>{t('studio.date')}{n(index)}</span>
            <input required placeholder="2024-05-01" value={survey.date} onChange={(e) => update({ ...survey, date: e.target.value })} />
          </label>
          <label>
            <span>{t('studio.condition')}{n(index)}</span>
            <select value={survey.condition} onChange={(e) => update({ ...survey, condition: e.target.value as typeof survey.condition })}>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`conditions.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('studio.surveyor')}{n(index)}</span>
            <input value={survey.surveyor ?? ''} onChange={(e) => update({ ...survey, surveyor: e.target.value || undefined })} />
          </label>
          <LocalizedField
            label={`${t('studio.note')}${n(index)}`}
            value={survey.note}
            languages={country.languages}
            onChange={(note) => update({ ...survey, note: orUndefined(note) })}
          />
        </>
      )}
    />
  );
}
