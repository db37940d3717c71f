import type { Country, ItemDocument } from '@vitrina/contracts';
import { ITEM_KINDS } from '@vitrina/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/staff/Notice';
import { WorkflowPanel } from './WorkflowPanel';
import { MediaManager } from './MediaManager';
import { HeritageFields, LocationFields } from './RecordFields';
import { editable, useRecordEditor } from './use-record-editor';

const BLANK: ItemDocument = { slug: '', kind: 'artefact', title: {}, tags: [], media: [] };

export function ItemEditor({ country, id }: { country: Country; id?: string }) {
  const { t } = useTranslation();
  const editor = useRecordEditor<ItemDocument>(country.id, 'items', id, BLANK);
  const doc = editor.document;
  if (!doc) return <Notice notice={editor.notice} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void editor.save(editable(doc));
  };
  return (
    <>
      <form className="form editor" onSubmit={submit} aria-labelledby="editor-heading">
        <h2 id="editor-heading">{id ? t('studio.edit.items') : t('studio.new.items')}</h2>
        <label>
          <span>{t('studio.kind')}</span>
          <select value={doc.kind} onChange={(e) => editor.setDocument({ ...doc, kind: e.target.value as ItemDocument['kind'] })}>
            {ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <HeritageFields doc={doc} languages={country.languages} defaultLanguage={country.defaultLanguage} onChange={editor.setDocument} />
        <LocationFields value={doc.location} onChange={(location) => editor.setDocument({ ...doc, location })} />
        <MediaManager country={country} value={doc.media} onChange={(media) => editor.setDocument({ ...doc, media })} />
        <Notice notice={editor.notice} />
        <button type="submit" disabled={editor.saving}>
          {t('studio.save')}
        </button>
      </form>
      {id && editor.state && <WorkflowPanel countryId={country.id} collection="items" id={id} state={editor.state} onChanged={editor.reload} />}
    </>
  );
}
