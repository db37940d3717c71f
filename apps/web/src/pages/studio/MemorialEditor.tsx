import type { Country, MemorialDocument } from '@vitrina/contracts';
import { CONDITIONS, MEMORIAL_EVENT_TYPES, MEMORIAL_KINDS } from '@vitrina/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/staff/Notice';
import { WorkflowPanel } from './WorkflowPanel';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { HeritageFields, LocationFields } from './RecordFields';
import { orUndefined } from './localized';
import { editable, useRecordEditor } from './use-record-editor';

const BLANK = {
  slug: '',
  kind: 'monument',
  title: {},
  tags: [],
  media: [],
  location: undefined,
  inscriptions: [],
  people: [],
  conditionSurveys: [],
  events: [],
} as unknown as MemorialDocument;

type Person = MemorialDocument['people'][number];
const optionalYear = (raw: string) => (raw.trim() === '' ? undefined : Number(raw));

function Rows<T>({ legend, rows, onChange, blank, render, addLabel }: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  render: (row: T, update: (row: T) => void, index: number) => React.ReactNode;
  addLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rows">
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        <div key={index} className="row">
          {render(row, (next) => onChange(rows.map((r, i) => (i === index ? next : r))), index)}
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('studio.remove')}
            <span className="visually-hidden"> {legend} {index + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, blank])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

export function MemorialEditor({ country, id }: { country: Country; id?: string }) {
  const { t } = useTranslation();
  const editor = useRecordEditor<MemorialDocument>(country.id, 'memorials', id, BLANK);
  const doc = editor.document;
  if (!doc) return <Notice notice={editor.notice} />;
  const set = (patch: Partial<MemorialDocument>) => editor.setDocument({ ...doc, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void editor.save(editable(doc));
  };
  const n = (index: number) => ` ${index + 1}`;
  return (
    <>
      <form className="form editor" onSubmit={submit} aria-labelledby="editor-heading">
        <h2 id="editor-heading">{id ? t('studio.edit.memorials') : t('studio.new.memorials')}</h2>
        <label>
          <span>{t('studio.kind')}</span>
          <select value={doc.kind} onChange={(e) => set({ kind: e.target.value as MemorialDocument['kind'] })}>
            {MEMORIAL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`memorialKinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <HeritageFields doc={doc} languages={country.languages} onChange={editor.setDocument} />
        <LocationFields required value={doc.location} onChange={(location) => set({ location: location! })} />
        <MediaManager country={country} value={doc.media} onChange={(media) => set({ media })} />
        <LocalizedField label={t('fields.address')} value={doc.address} languages={country.languages} onChange={(v) => set({ address: orUndefined(v) })} />
        <label>
          <span>{t('fields.unveilingDate')}</span>
          <input placeholder="1967-05-09" value={doc.unveilingDate ?? ''} onChange={(e) => set({ unveilingDate: e.target.value || undefined })} />
        </label>
        <Rows
          legend={t('memorial.inscriptions')}
          rows={doc.inscriptions}
          onChange={(inscriptions) => set({ inscriptions })}
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
        <Rows<Person>
          legend={t('memorial.people', { total: doc.people.length })}
          rows={doc.people}
          onChange={(people) => set({ people })}
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
                <input value={person.rank ?? ''} onChange={(e) => update({ ...person, rank: e.target.value || undefined })} />
              </label>
              <label>
                <span>{t('memorial.unit')}{n(index)}</span>
                <input value={person.unit ?? ''} onChange={(e) => update({ ...person, unit: e.target.value || undefined })} />
              </label>
            </>
          )}
        />
        <Rows
          legend={t('memorial.conditionHistory')}
          rows={doc.conditionSurveys}
          onChange={(conditionSurveys) => set({ conditionSurveys })}
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
        <Rows
          legend={t('memorial.events')}
          rows={doc.events}
          onChange={(events) => set({ events })}
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
        <Notice notice={editor.notice} />
        <button type="submit" disabled={editor.saving}>
          {t('studio.save')}
        </button>
      </form>
      {id && editor.state && <WorkflowPanel countryId={country.id} collection="memorials" id={id} state={editor.state} onChanged={editor.reload} />}
    </>
  );
}
