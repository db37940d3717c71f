import type { Country, ExhibitionBlock, ExhibitionDocument, ExhibitionSection } from '@vitrina/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStudioList } from '../../api/studio';
import { EditorLoading, RecordEditorFrame } from './RecordEditorFrame';
import { BlockEditor, type Choices, newBlock } from './BlockEditor';
import { LocalizedField } from './LocalizedField';
import { MediaManager } from './MediaManager';
import { Reorderable } from './Reorderable';
import { orUndefined } from './localized';
import { useRecordEditor } from './use-record-editor';

const BLOCK_TYPES: ExhibitionBlock['type'][] = ['text', 'item', 'gallery', 'media', 'quote', 'map'];
const BLANK: ExhibitionDocument = { slug: '', title: {}, sections: [] };

function SectionEditor({ section, onChange, country, choices, index }: { section: ExhibitionSection; onChange: (s: ExhibitionSection) => void; country: Country; choices: Choices; index: number }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ExhibitionBlock['type']>('text');
  return (
    <div className="section-editor">
      <h3>{t('studio.sectionNumber', { number: index + 1 })}</h3>
      <LocalizedField label={t('studio.sectionTitle')} value={section.title} languages={country.languages} onChange={(v) => onChange({ ...section, title: orUndefined(v) })} />
      <Reorderable
        className="blocks"
        entries={section.blocks}
        onChange={(blocks) => onChange({ ...section, blocks })}
        describe={(block, i) => t('studio.blockLabel', { number: i + 1, type: t(`studio.blocks.${block.type}`) })}
        render={(block, i) => (
          <div className="block-editor">
            <p className="eyebrow">{t('studio.blockLabel', { number: i + 1, type: t(`studio.blocks.${block.type}`) })}</p>
            <BlockEditor
              block={block}
              country={country}
              choices={choices}
              onChange={(next) => onChange({ ...section, blocks: section.blocks.map((b) => (b.id === block.id ? next : b)) })}
            />
          </div>
        )}
      />
      <div className="add-block">
        <label>
          <span>{t('studio.blockType')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as ExhibitionBlock['type'])}>
            {BLOCK_TYPES.map((blockType) => (
              <option key={blockType} value={blockType}>
                {t(`studio.blocks.${blockType}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => onChange({ ...section, blocks: [...section.blocks, newBlock(type, choices)] })}>
          {t('studio.addBlock')}
          <span className="visually-hidden"> — {t('studio.sectionNumber', { number: index + 1 })}</span>
        </button>
      </div>
    </div>
  );
}

export function ExhibitionEditor({ country, id }: { country: Country; id?: string }) {
  const { t, i18n } = useTranslation();
  const editor = useRecordEditor<ExhibitionDocument>(country.id, 'exhibitions', id, BLANK);
  const items = useStudioList(country.id, 'items', { limit: 100, lang: i18n.language });
  const memorials = useStudioList(country.id, 'memorials', { limit: 100, lang: i18n.language });
  const doc = editor.document;
  if (!doc || !items.data || !memorials.data) return <EditorLoading error={editor.loadError} />;
  const choices: Choices = { items: items.data.items, memorials: memorials.data.items };
  const set = (patch: Partial<ExhibitionDocument>) => editor.setDocument({ ...doc, ...patch });
  return (
    <RecordEditorFrame
      editor={editor}
      countryId={country.id}
      collection="exhibitions"
      id={id}
      heading={id ? t('studio.edit.exhibitions') : t('studio.new.exhibitions')}
      extraActions={id && <Link to={`/studio/${country.id}/exhibitions/${id}/preview`}>{t('studio.preview')}</Link>}
    >
        <label>
          <span>{t('studio.slug')}</span>
          <input required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={doc.slug} onChange={(e) => set({ slug: e.target.value })} />
        </label>
        <LocalizedField label={t('studio.title')} required value={doc.title} languages={country.languages} onChange={(title) => set({ title })} />
        <LocalizedField label={t('studio.summary')} multiline value={doc.summary} languages={country.languages} onChange={(v) => set({ summary: orUndefined(v) })} />
        <label>
          <span>{t('studio.cover')}</span>
          <select value={doc.coverItemId ?? ''} onChange={(e) => set({ coverItemId: e.target.value || undefined })}>
            <option value="">{t('studio.notSet')}</option>
            {choices.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title?.text ?? item.slug}
              </option>
            ))}
          </select>
        </label>
        <MediaManager
          country={country}
          single
          accept="image/*"
          legend={t('studio.coverImage')}
          value={doc.coverMediaId ? [{ assetId: doc.coverMediaId }] : []}
          onChange={(refs) => set({ coverMediaId: refs[0]?.assetId })}
        />
        <fieldset className="sections">
          <legend>{t('studio.sections')}</legend>
          <Reorderable
            entries={doc.sections}
            onChange={(sections) => set({ sections })}
            describe={(_, i) => t('studio.sectionNumber', { number: i + 1 })}
            render={(section, index) => (
              <SectionEditor
                section={section}
                index={index}
                country={country}
                choices={choices}
                onChange={(next) => set({ sections: doc.sections.map((s) => (s.id === section.id ? next : s)) })}
              />
            )}
          />
          <button type="button" className="secondary" onClick={() => set({ sections: [...doc.sections, { id: crypto.randomUUID(), blocks: [] }] })}>
            {t('studio.addSection')}
          </button>
        </fieldset>
    </RecordEditorFrame>
  );
}
