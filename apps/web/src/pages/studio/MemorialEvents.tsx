import type { Country, MemorialDocument } from '@vitrina/contracts';
import { MEMORIAL_EVENT_TYPES } from '@vitrina/contracts';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { orUndefined } from './localized';
import { useTranslation } from 'react-i18next';
import { RecordRows } from './RecordRows';

/** What happened to the memorial: unveiling, restorations, relocations… */
export function MemorialEvents({ rows, onChange, country }: { rows: MemorialDocument['events']; onChange: (rows: MemorialDocument['events']) => void; country: Country }) {
  const { t } = useTranslation();
  const n = (index: number) => ` ${index + 1}`;
  return (
    <RecordRows
      legend={t('memorial.events')}
      rows={rows}
      onChange={onChange}
      blank={{ date: '', type: 'restoration' as const, media: [] }}
      addLabel={t('studio.addEvent')}
      render={(event, update, index) => (
        <>
          <label>
            <span>{t('studio.date')}{n(index)}</span>
            <input required placeholder="2021-09" value={event.date} onChange={(e) => update({ ...event, date: e.target.value })} />
          </label>
          <label>
            <span>{t('studio.eventType')}{n(index)}</span>
            <select value={event.type} onChange={(e) => update({ ...event, type: e.target.value as typeof event.type })}>
              {MEMORIAL_EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`eventTypes.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('studio.actor')}{n(index)}</span>
            <input value={event.actor ?? ''} onChange={(e) => update({ ...event, actor: e.target.value || undefined })} />
          </label>
          <LocalizedField
            label={`${t('studio.eventDescription')}${n(index)}`}
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
