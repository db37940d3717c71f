import type { Country, ExhibitionBlock, ExhibitionSection } from '@vitrina/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockEditor, BlockSummary, newBlock } from './BlockEditor';
import { LocalizedField } from './LocalizedField';
import { Reorderable } from './Reorderable';
import { orUndefined } from './localized';

const BLOCK_TYPES: ExhibitionBlock['type'][] = ['text', 'item', 'gallery', 'media', 'quote', 'map'];

/** Open and closed things by id (blocks being edited, sections folded). */
export function toggled(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * A section's title and its blocks. Each block is one line (its type and a
 * summary) until "Edit" opens its fields; a block just added opens at once.
 */
export function SectionEditor({ section, onChange, country, index }: { section: ExhibitionSection; onChange: (s: ExhibitionSection) => void; country: Country; index: number }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ExhibitionBlock['type']>('text');
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  const sectionName = t('studio.sectionNumber', { number: index + 1 });
  const blockName = (block: ExhibitionBlock, i: number) => `${t('studio.blockLabel', { number: i + 1, type: t(`studio.blocks.${block.type}`) })} (${sectionName})`;
  const add = () => {
    const block = newBlock(type);
    onChange({ ...section, blocks: [...section.blocks, block] });
    setEditing((was) => toggled(was, block.id, true));
  };
  return (
    <div className="section-editor">
      <LocalizedField label={t('studio.sectionTitle')} value={section.title} languages={country.languages} onChange={(v) => onChange({ ...section, title: orUndefined(v) })} />
      <Reorderable
        className="blocks"
        entries={section.blocks}
        onChange={(blocks) => onChange({ ...section, blocks })}
        describe={blockName}
        header={(block, i) => {
          const open = editing.has(block.id);
          return (
            <>
              <span className="block-line">
                <span className="block-type">{t('exhibitionEditor.blockShort', { number: i + 1, type: t(`studio.blocks.${block.type}`) })}</span>
                {!open && <BlockSummary block={block} />}
              </span>
              <button
                type="button"
                className="secondary small"
                aria-expanded={open}
                aria-label={`${open ? t('exhibitionEditor.done') : t('exhibitionEditor.edit')}: ${blockName(block, i)}`}
                onClick={() => setEditing((was) => toggled(was, block.id, !open))}
              >
                {open ? t('exhibitionEditor.done') : t('exhibitionEditor.edit')}
              </button>
            </>
          );
        }}
        render={(block) =>
          editing.has(block.id) && (
            <div className="block-editor">
              <BlockEditor
                block={block}
                country={country}
                onChange={(next) => onChange({ ...section, blocks: section.blocks.map((b) => (b.id === block.id ? next : b)) })}
              />
            </div>
          )
        }
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
        <button type="button" className="secondary" onClick={add}>
          {t('studio.addBlock')}
          <span className="visually-hidden"> — {sectionName}</span>
        </button>
      </div>
    </div>
  );
}
