import type { Country, MemorialDocument } from '@vitrina/contracts';
import { MEMORIAL_KINDS } from '@vitrina/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/staff/Notice';
import { WorkflowPanel } from './WorkflowPanel';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { HeritageFields, LocationFields } from './RecordFields';
import { MemorialEvents } from './MemorialEvents';
import { MemorialInscriptions } from './MemorialInscriptions';
import { MemorialPeople } from './MemorialPeople';
import { MemorialSurveys } from './MemorialSurveys';
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
        <HeritageFields doc={doc} languages={country.languages} defaultLanguage={country.defaultLanguage} onChange={editor.setDocument} />
        <LocationFields required value={doc.location} onChange={(location) => set({ location: location! })} />
        <MediaManager country={country} value={doc.media} onChange={(media) => set({ media })} />
        <LocalizedField label={t('fields.address')} value={doc.address} languages={country.languages} onChange={(v) => set({ address: orUndefined(v) })} />
        <label>
          <span>{t('fields.unveilingDate')}</span>
          <input placeholder="1967-05-09" value={doc.unveilingDate ?? ''} onChange={(e) => set({ unveilingDate: e.target.value || undefined })} />
        </label>
        <MemorialInscriptions rows={doc.inscriptions} onChange={(inscriptions) => set({ inscriptions })} country={country} />
        <MemorialPeople rows={doc.people} onChange={(people) => set({ people })} language={country.defaultLanguage} />
        <MemorialSurveys rows={doc.conditionSurveys} onChange={(conditionSurveys) => set({ conditionSurveys })} country={country} />
        <MemorialEvents rows={doc.events} onChange={(events) => set({ events })} country={country} />
        <Notice notice={editor.notice} />
        <button type="submit" disabled={editor.saving}>
          {t('studio.save')}
        </button>
      </form>
      {id && editor.state && <WorkflowPanel countryId={country.id} collection="memorials" id={id} state={editor.state} onChanged={editor.reload} />}
    </>
  );
}
