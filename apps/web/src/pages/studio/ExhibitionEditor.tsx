import type { ContentLanguage, Country, ExhibitionDocument, ExhibitionSection } from '@vitrina/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EditorLoading, RecordEditorFrame } from './RecordEditorFrame';
import { ExhibitionLivePreview } from './ExhibitionLivePreview';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { RecordPicker } from './RecordPicker';
import { Reorderable } from './Reorderable';
import { SectionEditor, toggled } from './SectionEditor';
import { plainLine } from './BlockEditor';
import { RecordLookupProvider } from './record-lookup';
import { RemovalUndoScope } from './removal-undo';
import { orUndefined } from './localized';
import { useMediaQuery } from './use-media-query';
import { useRecordEditor } from './use-record-editor';
import './exhibition-editor.css';

const BLANK: ExhibitionDocument = { slug: '', title: {}, sections: [] };
/** From this width the preview stands beside the form; below it, a button shows it above. */
const SIDE_BY_SIDE = '(min-width: 75rem)';

/** Every item and memorial the exhibition points to: the editor fetches their titles and pictures at once. */
function referencedIds(doc: ExhibitionDocument): { itemIds: string[]; memorialIds: string[] } {
  const blocks = doc.sections.flatMap((section) => section.blocks);
  const itemIds = blocks.flatMap((block) => (block.type === 'item' ? [block.itemId] : block.type === 'gallery' ? block.itemIds : []));
  const memorialIds = blocks.flatMap((block) => (block.type === 'map' ? (block.memorialIds ?? []) : []));
  return { itemIds: doc.coverItemId ? [doc.coverItemId, ...itemIds] : itemIds, memorialIds };
}

/** The line a section shows above its fields (or alone, folded): its number and title, and the fold button. */
function SectionLine({ section, index, folded, onFold }: { section: ExhibitionSection; index: number; folded: boolean; onFold: (folded: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const title = plainLine(section.title, i18n.language);
  const name = t('studio.sectionNumber', { number: index + 1 });
  const action = folded ? t('exhibitionEditor.unfold') : t('exhibitionEditor.fold');
  return (
    <>
      <h3 className="block-line">
        <span className="block-type">{name}</span>
        <span className="block-summary" lang={title.lang}>
          {title.text || t('exhibitionEditor.untitled')}
        </span>
        {folded && <span className="muted small">{t('exhibitionEditor.count.blocks', { count: section.blocks.length })}</span>}
      </h3>
      <button type="button" className="secondary small" aria-expanded={!folded} aria-label={`${action}: ${name}`} onClick={() => onFold(!folded)}>
        {action}
      </button>
    </>
  );
}

export function ExhibitionEditor({ country, id }: { country: Country; id?: string }) {
  const { t, i18n } = useTranslation();
  const editor = useRecordEditor<ExhibitionDocument>(country.id, 'exhibitions', id, BLANK);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  const [previewShown, setPreviewShown] = useState(false);
  const [previewLang, setPreviewLang] = useState<ContentLanguage>(() =>
    country.languages.includes(i18n.language as ContentLanguage) ? (i18n.language as ContentLanguage) : country.defaultLanguage,
  );
  const doc = editor.document;
  // An exhibition of several sections opens as their list, one line each; the curator unfolds the one to edit.
  const [foldedOnLoad, setFoldedOnLoad] = useState(false);
  if (doc && !foldedOnLoad) {
    setFoldedOnLoad(true);
    if (doc.sections.length > 1) setFolded(new Set(doc.sections.map((section) => section.id)));
  }
  if (!doc) return <EditorLoading error={editor.loadError} />;
  const set = (patch: Partial<ExhibitionDocument>) => editor.setDocument({ ...doc, ...patch });
  const { itemIds, memorialIds } = referencedIds(doc);
  return (
    <RecordLookupProvider countryId={country.id} lang={i18n.language} itemIds={itemIds} memorialIds={memorialIds}>
      <RemovalUndoScope>
        <div className={`exhibition-workspace${sideBySide ? ' side-by-side' : ''}`}>
          <div className="exhibition-main">
            {!sideBySide && (
              <button type="button" className="secondary preview-toggle" aria-expanded={previewShown} aria-controls="live-preview" onClick={() => setPreviewShown(!previewShown)}>
                {previewShown ? t('exhibitionEditor.hidePreview') : t('exhibitionEditor.showPreview')}
              </button>
            )}
            {!sideBySide && previewShown && <ExhibitionLivePreview country={country} document={doc} lang={previewLang} onLang={setPreviewLang} />}
            <RecordEditorFrame
              editor={editor}
              countryId={country.id}
              collection="exhibitions"
              id={id}
              className="exhibition-editor"
              heading={id ? t('studio.edit.exhibitions') : t('studio.new.exhibitions')}
              extraActions={id && <Link to={`/studio/${country.id}/exhibitions/${id}/preview`}>{t('exhibitionEditor.fullPagePreview')}</Link>}
            >
              <label>
                <span>{t('studio.slug')}</span>
                <input required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={doc.slug} onChange={(e) => set({ slug: e.target.value })} />
              </label>
              <LocalizedField label={t('studio.title')} required value={doc.title} languages={country.languages} onChange={(title) => set({ title })} />
              <LocalizedField label={t('studio.summary')} multiline value={doc.summary} languages={country.languages} onChange={(v) => set({ summary: orUndefined(v) })} />
              <div className="cover-fields">
                <RecordPicker
                  country={country}
                  collection="items"
                  legend={t('studio.cover')}
                  single
                  selected={doc.coverItemId ? [doc.coverItemId] : []}
                  onChange={(ids) => set({ coverItemId: ids[0] })}
                />
                <MediaManager
                  country={country}
                  single
                  accept="image/*"
                  legend={t('studio.coverImage')}
                  value={doc.coverMediaId ? [{ assetId: doc.coverMediaId }] : []}
                  onChange={(refs) => set({ coverMediaId: refs[0]?.assetId })}
                />
              </div>
              <fieldset className="sections">
                <legend>{t('studio.sections')}</legend>
                <Reorderable
                  entries={doc.sections}
                  onChange={(sections) => set({ sections })}
                  describe={(_, i) => t('studio.sectionNumber', { number: i + 1 })}
                  header={(section, index) => (
                    <SectionLine section={section} index={index} folded={folded.has(section.id)} onFold={(fold) => setFolded(toggled(folded, section.id, fold))} />
                  )}
                  render={(section, index) =>
                    !folded.has(section.id) && (
                      <SectionEditor
                        section={section}
                        index={index}
                        country={country}
                        onChange={(next) => set({ sections: doc.sections.map((s) => (s.id === section.id ? next : s)) })}
                      />
                    )
                  }
                />
                <button type="button" className="secondary" onClick={() => set({ sections: [...doc.sections, { id: crypto.randomUUID(), blocks: [] }] })}>
                  {t('studio.addSection')}
                </button>
              </fieldset>
            </RecordEditorFrame>
          </div>
          {sideBySide && <ExhibitionLivePreview country={country} document={doc} lang={previewLang} onLang={setPreviewLang} />}
        </div>
      </RemovalUndoScope>
    </RecordLookupProvider>
  );
}
