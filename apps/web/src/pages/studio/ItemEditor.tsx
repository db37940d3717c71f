import type { Country, ItemDocument } from '@vitrina/contracts';
import { ITEM_KINDS } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { type EditorSection, FormSection } from './EditorSections';
import { EditorLoading, RecordEditorFrame } from './RecordEditorFrame';
import { MediaManager } from './MediaManager';
import { HeritageFields, type HeritagePart, LocationFields } from './RecordFields';
import { useRecordEditor } from './use-record-editor';

const BLANK: ItemDocument = { slug: '', kind: 'artefact', title: {}, tags: [], media: [] };

const SECTIONS = {
  basics: { key: 'basics' },
  texts: { key: 'texts' },
  dates: { key: 'datesPlace' },
  files: { key: 'files' },
  rights: { key: 'rightsTags' },
} satisfies Record<string, EditorSection>;

export function ItemEditor({ country, id }: { country: Country; id?: string }) {
  const { t } = useTranslation();
  const editor = useRecordEditor<ItemDocument>(country.id, 'items', id, BLANK);
  const doc = editor.document;
  if (!doc) return <EditorLoading error={editor.loadError} />;
  const heritage = (part: HeritagePart) => <HeritageFields part={part} derivesSlug={!id} doc={doc} languages={country.languages} defaultLanguage={country.defaultLanguage} onChange={editor.setDocument} />;
  return (
    <RecordEditorFrame
      editor={editor}
      countryId={country.id}
      collection="items"
      id={id}
      heading={id ? t('studio.edit.items') : t('studio.new.items')}
      sections={Object.values(SECTIONS)}
    >
      <FormSection section={SECTIONS.basics}>
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
        {heritage('basics')}
      </FormSection>
      <FormSection section={SECTIONS.texts}>{heritage('texts')}</FormSection>
      <FormSection section={SECTIONS.dates}>
        {heritage('dates')}
        <LocationFields value={doc.location} onChange={(location) => editor.setDocument({ ...doc, location })} />
      </FormSection>
      <FormSection section={SECTIONS.files}>
        <MediaManager country={country} value={doc.media} onChange={(media) => editor.setDocument({ ...doc, media })} />
      </FormSection>
      <FormSection section={SECTIONS.rights}>{heritage('rights')}</FormSection>
    </RecordEditorFrame>
  );
}
