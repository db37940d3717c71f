import { type Country, type LocalizedText, type PersonDocument, type StudioPerson, personInputSchema, slugify } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecord } from '../../api/studio';
import { FieldIssuesProvider } from '../../components/forms/field-issues';
import { TextField } from '../../components/forms/TextField';
import { type EditorSection, FormSection } from './EditorSections';
import { LocalizedField } from './LocalizedField';
import { LocalizedRichTextField } from './LocalizedRichTextField';
import { MediaManager } from './MediaManager';
import { PersonDuplicates } from './PersonDuplicates';
import { FateField, MemorialLinks, PersonDateField, PersonSources, RankField, TokensField } from './PersonFields';
import { EditorLoading, RecordEditorFrame } from './RecordEditorFrame';
import { RecordLookupProvider } from './record-lookup';
import { orUndefined } from './localized';
import { useRecordEditor } from './use-record-editor';

const BLANK = { slug: '', name: '', title: {}, variants: [], fate: 'unknown', memorials: [], awards: [], sources: [], media: [], livingConsent: false } as unknown as PersonDocument;

const SECTIONS = {
  name: { key: 'personName' },
  life: { key: 'personLife' },
  memorials: { key: 'personMemorials' },
  biography: { key: 'personBiography' },
  sources: { key: 'personSources' },
  files: { key: 'files' },
} satisfies Record<string, EditorSection>;

/** A person of the register: their name as written and per language, their life and service, their memorials and sources. */
export function PersonEditor({ country, id }: { country: Country; id?: string }) {
  const { t, i18n } = useTranslation();
  const editor = useRecordEditor<PersonDocument>(country.id, 'people', id, BLANK);
  // The editor's own query, read from its cache: whether this person was merged into another.
  const mergedInto = useRecord<StudioPerson>(country.id, 'people', id).data?.mergedInto;
  const doc = editor.document;
  if (!doc) return <EditorLoading error={editor.loadError} />;
  const set = (patch: Partial<PersonDocument>) => editor.setDocument({ ...doc, ...patch });
  // A new person's address follows their name until the curator writes one.
  const setName = (name: string) => {
    const follows = !id && (doc.slug === '' || doc.slug === slugify(doc.name));
    set(follows ? { name, slug: slugify(name) } : { name });
  };
  const text = (key: 'placeOfBirth' | 'placeOfConscription' | 'burialPlace') => (
    <LocalizedField label={t(`studio.person.${key}`)} path={key} value={doc[key]} languages={country.languages} onChange={(value: LocalizedText) => set({ [key]: orUndefined(value) })} />
  );
  return (
    <RecordLookupProvider countryId={country.id} lang={i18n.language} itemIds={[]} memorialIds={doc.memorials.map((link) => link.memorialId)}>
      <RecordEditorFrame editor={editor} countryId={country.id} collection="people" id={id} heading={id ? t('studio.edit.people') : t('studio.new.people')} sections={Object.values(SECTIONS)}>
        {mergedInto && (
          <p className="merged-into" role="note">
            {t('duplicates.mergedInto')} <Link to={`/studio/${country.id}/people/${mergedInto}`}>{t('duplicates.openSurvivor')}</Link>
          </p>
        )}
        {id && editor.state && !mergedInto && <PersonDuplicates country={country} id={id} version={editor.state.version} dirty={editor.dirty} onMerged={editor.reload} />}
        <FieldIssuesProvider schema={personInputSchema} value={doc}>
          <FormSection section={SECTIONS.name}>
            <TextField label={t('studio.person.name')} path="name" required maxLength={300} value={doc.name} onChange={(name) => setName(name ?? '')} />
            <LocalizedField label={t('studio.person.displayName')} path="title" required value={doc.title} languages={country.languages} onChange={(title) => set({ title })} />
            <div className="field-row">
              <TextField label={t('studio.person.surname')} path="surname" maxLength={150} value={doc.surname} onChange={(surname) => set({ surname })} />
              <TextField label={t('studio.person.givenName')} path="givenName" maxLength={150} value={doc.givenName} onChange={(givenName) => set({ givenName })} />
              <TextField label={t('studio.person.patronymic')} path="patronymic" maxLength={150} value={doc.patronymic} onChange={(patronymic) => set({ patronymic })} />
            </div>
            <TokensField path="variants" label={t('inputs.variants')} value={doc.variants} max={20} onChange={(variants) => set({ variants })} />
            <TextField label={t('studio.slug')} path="slug" required value={doc.slug} onChange={(slug) => set({ slug: slug ?? '' })} />
          </FormSection>
          <FormSection section={SECTIONS.life}>
            <PersonDateField path="birth" label={t('person.fields.born')} value={doc.birth} onChange={(birth) => set({ birth })} />
            {text('placeOfBirth')}
            <PersonDateField path="death" label={t('person.fields.died')} value={doc.death} onChange={(death) => set({ death })} />
            <FateField value={doc.fate} onChange={(fate) => set({ fate })} />
            {text('placeOfConscription')}
            <RankField value={doc.rank} languages={country.languages} onChange={(rank) => set({ rank })} />
            <TextField label={t('person.fields.unit')} path="unit" maxLength={300} value={doc.unit} onChange={(unit) => set({ unit })} />
            <TokensField path="awards" label={t('person.fields.awards')} value={doc.awards} max={50} onChange={(awards) => set({ awards })} />
            <label className="checkbox">
              <input type="checkbox" checked={doc.livingConsent} onChange={(e) => set({ livingConsent: e.target.checked })} />
              <span>{t('studio.person.livingConsent')}</span>
            </label>
          </FormSection>
          <FormSection section={SECTIONS.memorials}>
            <MemorialLinks country={country} links={doc.memorials} onChange={(memorials) => set({ memorials })} />
            {text('burialPlace')}
          </FormSection>
          <FormSection section={SECTIONS.biography}>
            <LocalizedRichTextField label={t('person.biography')} path="biography" value={doc.biography} languages={country.languages} onChange={(biography) => set({ biography: orUndefined(biography) })} />
          </FormSection>
          <FormSection section={SECTIONS.sources}>
            <PersonSources rows={doc.sources} onChange={(sources) => set({ sources })} />
          </FormSection>
          <FormSection section={SECTIONS.files}>
            <MediaManager country={country} value={doc.media} onChange={(media) => set({ media })} />
          </FormSection>
        </FieldIssuesProvider>
      </RecordEditorFrame>
    </RecordLookupProvider>
  );
}
