import type { ContentLanguage, Country, ExhibitionBlock, LocalizedText } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { LocalizedField } from './LocalizedField';
import { LocalizedRichTextField } from './LocalizedRichTextField';
import { MediaManager } from './MediaManager';
import { RecordPicker } from './RecordPicker';
import { type PickedCollection, useRecordLookup } from './record-lookup';
import { orUndefined } from './localized';

/** The schema's limits of a gallery and a map (exhibitions.ts). */
const MAX_GALLERY_ITEMS = 60;
const MAX_MAP_MEMORIALS = 500;

/** The fields of one exhibition block, by its type. */
export function BlockEditor({ block, onChange, country }: { block: ExhibitionBlock; onChange: (b: ExhibitionBlock) => void; country: Country }) {
  const { t } = useTranslation();
  const languages = country.languages;
  const caption = 'caption' in block && (
    <LocalizedField label={t('studio.caption')} value={block.caption} languages={languages} onChange={(v) => onChange({ ...block, caption: orUndefined(v) })} />
  );
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
          <RecordPicker
            country={country}
            collection="items"
            legend={t('studio.blocks.item')}
            single
            required
            selected={block.itemId ? [block.itemId] : []}
            onChange={(ids) => onChange({ ...block, itemId: ids[0] ?? '' })}
          />
          {caption}
        </>
      );
    case 'gallery':
      return (
        <>
          <RecordPicker
            country={country}
            collection="items"
            legend={t('studio.blocks.gallery')}
            max={MAX_GALLERY_ITEMS}
            selected={block.itemIds}
            onChange={(itemIds) => onChange({ ...block, itemIds })}
          />
          {caption}
        </>
      );
    case 'map':
      return (
        <>
          <RecordPicker
            country={country}
            collection="memorials"
            legend={t('studio.blocks.map')}
            max={MAX_MAP_MEMORIALS}
            selected={block.memorialIds}
            onChange={(memorialIds) => onChange({ ...block, memorialIds })}
          />
          {caption}
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
          {caption}
        </>
      );
  }
}

/** A text as one plain line, with its language: the UI language's, else the first one written; tags left out. */
export function plainLine(text: LocalizedText | undefined, uiLanguage: string): { text: string; lang?: ContentLanguage } {
  const entries = Object.entries(text ?? {}) as [ContentLanguage, { text: string }][];
  const chosen = entries.find(([lang]) => lang === uiLanguage) ?? entries[0];
  return chosen ? { text: chosen[1].text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(), lang: chosen[0] } : { text: '' };
}

/** What a collapsed block shows of itself on its one line. */
export function BlockSummary({ block }: { block: ExhibitionBlock }) {
  const { t, i18n } = useTranslation();
  const lookup = useRecordLookup();
  const titles = (collection: PickedCollection, ids: string[]) =>
    ids.map((id) => lookup.get(collection, id)).map((entry) => entry?.title?.text ?? entry?.slug ?? '…').join(', ');
  let line: string;
  switch (block.type) {
    case 'text':
    case 'quote': {
      const written = plainLine(block.type === 'text' ? block.body : block.text, i18n.language);
      return (
        <span className="block-summary" lang={written.lang}>
          {written.text || t('exhibitionEditor.empty')}
        </span>
      );
    }
    case 'item':
      line = block.itemId ? titles('items', [block.itemId]) : t('recordPicker.none');
      break;
    case 'gallery':
      line = `${t('exhibitionEditor.count.items', { count: block.itemIds.length })}: ${titles('items', block.itemIds)}`;
      break;
    case 'map':
      line = t('exhibitionEditor.count.memorials', { count: (block.memorialIds ?? []).length });
      break;
    case 'media':
      line = t('exhibitionEditor.count.files', { count: block.assetIds.length });
      break;
  }
  return <span className="block-summary">{line || t('exhibitionEditor.empty')}</span>;
}

export function newBlock(type: ExhibitionBlock['type']): ExhibitionBlock {
  const id = crypto.randomUUID();
  switch (type) {
    case 'text':
      return { id, type, body: {} };
    case 'quote':
      return { id, type, text: {} };
    case 'item':
      return { id, type, itemId: '' };
    case 'gallery':
      return { id, type, itemIds: [] };
    case 'map':
      return { id, type, itemIds: [], memorialIds: [] };
    case 'media':
      return { id, type, assetIds: [] };
  }
}
