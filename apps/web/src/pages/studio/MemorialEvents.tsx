import { type Country, MEMORIAL_EVENT_TYPES, type MemorialDocument, memorialEventSchema } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PartialDateInput } from '../../components/forms/DateInput';
import { TextField } from '../../components/forms/TextField';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { orUndefined } from './localized';
import { RecordRows } from './RecordRows';

type MemorialEvent = MemorialDocument['events'][number];
const EVENTS = z.array(memorialEventSchema);

/** What happened to the memorial: unveiling, restorations, relocations… */
export function MemorialEvents({ rows, onChange, country }: { rows: MemorialDocument['events']; onChange: (rows: MemorialDocument['events']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows<MemorialEvent>
      legend={t('memorial.events')}
      rows={rows}
      onChange={onChange}
      blank={{ date: '', type: 'restoration', media: [] }}
      addLabel={t('studio.addEvent')}
      schema={EVENTS}
      path="events"
      render={(event, update, index) => (
        <>
          <PartialDateInput label={`${t('studio.date')}${n(index)}`} path={`events.${index}.date`} required value={event.date || undefined} onChange={(date) => update({ ...event, date: date ?? '' })} />
          <label>
            <span>{t('studio.eventType')}{n(index)}</span>
            <select value={event.type} onChange={(e) => update({ ...event, type: e.target.value as MemorialEvent['type'] })}>
              {MEMORIAL_EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`eventTypes.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <TextField label={`${t('studio.actor')}${n(index)}`} path={`events.${index}.actor`} maxLength={300} value={event.actor} onChange={(actor) => update({ ...event, actor })} />
          <LocalizedField
            label={`${t('studio.eventDescription')}${n(index)}`}
            path={`events.${index}.description`}
            value={event.description}
            languages={country.languages}
            onChange={(description) => update({ ...event, description: orUndefined(description) })}
          />
          <MediaManager
            country={country}
            legend={`${t('studio.eventMedia')}${n(index)}`}
            value={event.media ?? []}
            onChange={(media) => update({ ...event, media })}
          />
        </>
      )}
    />
  );
}
