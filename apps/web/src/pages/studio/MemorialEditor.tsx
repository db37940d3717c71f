import type { Country, MemorialDocument } from '@vitrina/contracts';
import { MEMORIAL_KINDS } from '@vitrina/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type EditorSection, FormSection } from './EditorSections';
import { EditorLoading, RecordEditorFrame } from './RecordEditorFrame';
import { MediaManager } from './MediaManager';
import { HeritageFields, type HeritagePart, LocationFields, MemorialSiteFields } from './RecordFields';
import { MemorialEvents } from './MemorialEvents';
import { MemorialInscriptions } from './MemorialInscriptions';
import { MemorialSurveys } from './MemorialSurveys';
import { useRecordEditor } from './use-record-editor';

const BLANK = {
  slug: '',
  kind: 'monument',
  title: {},
  tags: [],
  media: [],
  location: undefined,
  inscriptions: [],
  conditionSurveys: [],
  events: [],
} as unknown as MemorialDocument;

const SECTIONS = {
  basics: { key: 'basics' },
  texts: { key: 'texts' },
  dates: { key: 'datesPlace' },
  files: { key: 'files' },
  inscriptions: { key: 'inscriptions' },
  people: { key: 'people' },
  condition: { key: 'condition' },
  events: { key: 'events' },
  rights: { key: 'rightsTags' },
} satisfies Record<string, EditorSection>;

export function MemorialEditor({ country, id }: { country: Country; id?: string }) {
  const { t } = useTranslation();
  const editor = useRecordEditor<MemorialDocument>(country.id, 'memorials', id, BLANK);
  const doc = editor.document;
  if (!doc) return <EditorLoading error={editor.loadError} />;
  const set = (patch: Partial<MemorialDocument>) => editor.setDocument({ ...doc, ...patch });
  const heritage = (part: HeritagePart) => <HeritageFields part={part} derivesSlug={!id} doc={doc} languages={country.languages} defaultLanguage={country.defaultLanguage} onChange={editor.setDocument} />;
  return (
    <RecordEditorFrame
      editor={editor}
      countryId={country.id}
      collection="memorials"
      id={id}
      heading={id ? t('studio.edit.memorials') : t('studio.new.memorials')}
      sections={Object.values(SECTIONS)}
    >
      <FormSection section={SECTIONS.basics}>
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
        {heritage('basics')}
      </FormSection>
      <FormSection section={SECTIONS.texts}>{heritage('texts')}</FormSection>
      <FormSection section={SECTIONS.dates}>
        {heritage('dates')}
        <LocationFields required value={doc.location} onChange={(location) => set({ location: location! })} />
        <MemorialSiteFields doc={doc} languages={country.languages} onChange={editor.setDocument} />
      </FormSection>
      <FormSection section={SECTIONS.files}>
        <MediaManager country={country} value={doc.media} onChange={(media) => set({ media })} />
      </FormSection>
      <FormSection section={SECTIONS.inscriptions}>
        <MemorialInscriptions rows={doc.inscriptions} onChange={(inscriptions) => set({ inscriptions })} country={country} />
      </FormSection>
      <FormSection section={SECTIONS.people}>
        {/* Names are person records linked to the memorial, edited in their own editor. */}
        <p className="muted">
          {t('studio.person.peopleHint')} <Link to={`/studio/${country.id}/people`}>{t('studio.person.peopleLink')}</Link>
        </p>
      </FormSection>
      <FormSection section={SECTIONS.condition}>
        <MemorialSurveys rows={doc.conditionSurveys} onChange={(conditionSurveys) => set({ conditionSurveys })} country={country} />
      </FormSection>
      <FormSection section={SECTIONS.events}>
        <MemorialEvents rows={doc.events} onChange={(events) => set({ events })} country={country} />
      </FormSection>
      <FormSection section={SECTIONS.rights}>{heritage('rights')}</FormSection>
    </RecordEditorFrame>
  );
}
