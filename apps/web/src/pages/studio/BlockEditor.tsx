import type { Country, ExhibitionBlock, StudioListEntry } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { LocalizedField } from './LocalizedField';
import { LocalizedRichTextField } from './LocalizedRichTextField';
import { MediaManager } from './MediaManager';
import { orUndefined } from './localized';

export interface Choices {
  items: StudioListEntry[];
  memorials: StudioListEntry[];
}

function label(entry: StudioListEntry): string {
  return entry.title?.text ?? entry.slug;
}

function Picker({ legend, options, selected, onChange }: { legend: string; options: StudioListEntry[]; selected: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.id} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, option.id] : selected.filter((id) => id !== option.id))}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The fields of one exhibition block, by its type. */
export function BlockEditor({ block, onChange, country, choices }: { block: ExhibitionBlock; onChange: (b: ExhibitionBlock) => void; country: Country; choices: Choices }) {
  const { t } = useTranslation();
  const languages = country.languages;
  switch (block.type) {
    case 'text':
      return <LocalizedRichTextField label={t('studio.blocks.text')} value={block.body} languages={languages} onChange={(body) => onChange({ ...block, body })} />;
    case 'quote':
      return (
        <>
          <LocalizedField label={t('studio.blocks.quote')} multiline value={block.text} languages={languages} onChange={(text) => onChange({ ...block, text })} />
          <LocalizedField label={t('studio.attribution')} value={block.attribution} languages={languages} onChange={(v) => onChange({ ...block, attribution: orUndefined(v) })} />
        </>
      );
    case 'item':
      return (
        <>
          <label>
            <span>{t('studio.blocks.item')}</span>
            <select value={block.itemId} onChange={(e) => onChange({ ...block, itemId: e.target.value })}>
              {choices.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {label(item)}
                </option>
              ))}
            </select>
          </label>
          <LocalizedField label={t('studio.caption')} value={block.caption} languages={languages} onChange={(v) => onChange({ ...block, caption: orUndefined(v) })} />
        </>
      );
    case 'gallery':
      return (
        <>
          <Picker legend={t('studio.blocks.gallery')} options={choices.items} selected={block.itemIds} onChange={(itemIds) => onChange({ ...block, itemIds })} />
          <LocalizedField label={t('studio.caption')} value={block.caption} languages={languages} onChange={(v) => onChange({ ...block, caption: orUndefined(v) })} />
        </>
      );
    case 'map':
      return (
        <>
          <Picker legend={t('studio.blocks.map')} options={choices.memorials} selected={block.memorialIds} onChange={(memorialIds) => onChange({ ...block, memorialIds })} />
          <LocalizedField label={t('studio.caption')} value={block.caption} languages={languages} onChange={(v) => onChange({ ...block, caption: orUndefined(v) })} />
        </>
      );
    case 'media':
      return (
        <>
          <MediaManager
            country={country}
            legend={t('studio.blocks.media')}
            value={block.assetIds.map((assetId) => ({ assetId }))}
            onChange={(refs) => onChange({ ...block, assetIds: refs.map((ref) => ref.assetId) })}
          />
          <LocalizedField label={t('studio.caption')} value={block.caption} languages={languages} onChange={(v) => onChange({ ...block, caption: orUndefined(v) })} />
        </>
      );
  }
}

export function newBlock(type: ExhibitionBlock['type'], choices: Choices): ExhibitionBlock {
  const id = crypto.randomUUID();
  switch (type) {
    case 'text':
      return { id, type, body: {} };
    case 'quote':
      return { id, type, text: {} };
    case 'item':
      return { id, type, itemId: choices.items[0]?.id ?? '' };
    case 'gallery':
      return { id, type, itemIds: [] };
    case 'map':
      return { id, type, itemIds: [], memorialIds: [] };
    case 'media':
      return { id, type, assetIds: [] };
  }
}
