import { type ChangedAsset, type ContentLanguage, type LocalizedText, resolveText } from '@vitrina/contracts';
import { LIST_RULES } from './entry-lists';
import type { NameEntry } from './revision-diff';

/** How many words of a text name the block it opens. */
const LABEL_WORDS = 8;
const LABEL_CHARACTERS = 80;

/** The keys under which documents refer to items and memorials (as LIST_RULES reads them). */
const RECORD_REFERENCE_KEYS = new Set(Object.entries(LIST_RULES).flatMap(([key, rule]) => (rule.of === 'item' || rule.of === 'memorial' ? [key] : [])));

/** Every item and memorial the documents refer to, wherever they sit. */
export function referencedRecordIds(documents: unknown[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (!RECORD_REFERENCE_KEYS.has(key)) visit(child);
      else for (const id of Array.isArray(child) ? child : [child]) if (typeof id === 'string') ids.add(id);
    }
  };
  documents.forEach(visit);
  return [...ids];
}

/** A text's opening words, without markup: enough to recognise a paragraph by. */
function openingWords(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const words = plain.split(' ');
  const opening = words.slice(0, LABEL_WORDS).join(' ');
  const cut = opening.length > LABEL_CHARACTERS ? opening.slice(0, LABEL_CHARACTERS).trimEnd() : opening;
  return cut.length < plain.length ? `${cut}…` : cut;
}

interface Sources {
  reading: ContentLanguage;
  countryDefault: ContentLanguage;
  /** Titles of the items and memorials the revisions refer to, by id (one query: ReviewRepository.titles). */
  titles: Map<string, LocalizedText>;
  files: Map<string, ChangedAsset>;
}

type Block = Record<string, unknown> & { type?: string };

/**
 * Names entries as the moderator knows them, in the language they read: a
 * section by its title, a block by its opening words or the title of what it
 * shows, a file by its name, a record by its title. An entry with nothing to
 * name it by gets a null text, never its id.
 */
export function entryNames({ reading, countryDefault, titles, files }: Sources): NameEntry {
  const text = (map: unknown): string | null => {
    const resolved = resolveText(map as LocalizedText | undefined, reading, countryDefault);
    // A machine draft is no text for visitors, but it still tells the moderator which entry this is.
    const words = resolved?.text ?? Object.values((map as LocalizedText | undefined) ?? {})[0]?.text;
    return words ? openingWords(words) || null : null;
  };
  const title = (id: unknown) => (typeof id === 'string' && titles.has(id) ? text(titles.get(id)) : null);
  const fileName = (id: unknown) => (typeof id === 'string' ? (files.get(id)?.name ?? null) : null);
  const first = (list: unknown) => (Array.isArray(list) ? list[0] : undefined);

  const blockText = (block: Block): string | null => {
    switch (block.type) {
      case 'text':
        return text(block.body);
      case 'quote':
        return text(block.text);
      case 'item':
        return title(block.itemId);
      case 'gallery':
        return text(block.caption) ?? title(first(block.itemIds));
      case 'map':
        return text(block.caption) ?? title(first(block.memorialIds) ?? first(block.itemIds));
      case 'media':
        return text(block.caption) ?? fileName(first(block.assetIds));
      default:
        return null;
    }
  };

  return (of, entry) => {
    switch (of) {
      case 'section':
        return { of, text: text((entry as { title?: unknown }).title) };
      case 'block':
        return { of, blockType: String((entry as Block).type), text: blockText(entry as Block) };
      case 'file':
        return { of, text: fileName(typeof entry === 'string' ? entry : (entry as { assetId?: unknown }).assetId) };
      default:
        return { of, text: title(entry) };
    }
  };
}
