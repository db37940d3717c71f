import { type DateRange, type ItemKind, type LocalizedLabel, type LocalizedText, type MemorialKind, type PersonDate, approvedTexts } from '@vitrina/contracts';
import type { ItemEntity } from '../../content/kinds/item.entity';
import type { MemorialEntity } from '../../content/kinds/memorial.entity';
import type { PersonEntity } from '../../content/kinds/person.entity';
import { conditionOf } from '../../content/person-views';
import { CONDITION_LABELS, FATE_LABELS, FIELD_LABELS, type IiifLabel, ITEM_KIND_LABELS, MEMORIAL_KIND_LABELS } from './labels';

/** A IIIF language map: `{ "ru": ["…"], "none": ["…"] }`. */
export type LanguageMap = Record<string, string[]>;
export interface MetadataEntry {
  label: LanguageMap;
  value: LanguageMap;
}

/** A IIIF language map of a visitor-facing text: every language but machine drafts. */
export function iiifLanguageMap(text: LocalizedText | undefined | null): LanguageMap | undefined {
  const texts = approvedTexts(text);
  return texts.length ? Object.fromEntries(texts.map(({ lang, text: value }) => [lang, [value]])) : undefined;
}

function labelMap(label: LocalizedLabel | undefined): LanguageMap | undefined {
  const entries = Object.entries(label ?? {});
  return entries.length ? Object.fromEntries(entries.map(([lang, text]) => [lang, [text!]])) : undefined;
}

/** A value in no particular language (a number, a date, a proper name). */
const plain = (value: string | undefined): LanguageMap | undefined => (value ? { none: [value] } : undefined);

function circa(text: string, isCirca: boolean | undefined): LanguageMap {
  return isCirca ? { en: [`c. ${text}`], ru: [`ок. ${text}`] } : { none: [text] };
}

/** A date range as the curator wrote it, or its years: `1941–1945`, `c. 1920`. */
export function dateRangeValue(range: DateRange | undefined): LanguageMap | undefined {
  if (!range) return undefined;
  const written = iiifLanguageMap(range.display);
  if (written) return written;
  const { earliest, latest } = range;
  if (earliest === undefined && latest === undefined) return undefined;
  const years = earliest === undefined || latest === undefined || earliest === latest ? String(earliest ?? latest) : `${earliest}–${latest}`;
  return circa(years, range.circa);
}

const personDateValue = (date: PersonDate | undefined) => (date ? circa(date.date, date.circa) : undefined);

type Pair = [IiifLabel, LanguageMap | undefined];

function entries(pairs: Pair[]): MetadataEntry[] {
  return pairs.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

function subjects(tags: LocalizedLabel[] | undefined): LanguageMap | undefined {
  const byLanguage: LanguageMap = {};
  for (const tag of tags ?? []) for (const [lang, text] of Object.entries(tag)) (byLanguage[lang] ??= []).push(text!);
  return Object.keys(byLanguage).length ? byLanguage : undefined;
}

/** What a IIIF viewer shows beside an item's images: the fields of its page that describe it. */
export function itemMetadata(item: ItemEntity): MetadataEntry[] {
  const content = item.content;
  return entries([
    [FIELD_LABELS.kind, ITEM_KIND_LABELS[item.kind as ItemKind]],
    [FIELD_LABELS.creator, iiifLanguageMap(content.creator)],
    [FIELD_LABELS.date, dateRangeValue(content.date)],
    [FIELD_LABELS.place, iiifLanguageMap(content.place)],
    [FIELD_LABELS.materials, iiifLanguageMap(content.materials)],
    [FIELD_LABELS.dimensions, plain(content.dimensions)],
    [FIELD_LABELS.inventoryNumber, plain(content.inventoryNumber)],
    [FIELD_LABELS.subjects, subjects(content.tags)],
  ]);
}

export function memorialMetadata(memorial: MemorialEntity): MetadataEntry[] {
  const content = memorial.content;
  const condition = conditionOf(memorial);
  return entries([
    [FIELD_LABELS.kind, MEMORIAL_KIND_LABELS[memorial.kind as MemorialKind]],
    [FIELD_LABELS.address, iiifLanguageMap(content.address)],
    [FIELD_LABELS.unveiled, plain(content.unveilingDate)],
    [FIELD_LABELS.date, dateRangeValue(content.date)],
    [FIELD_LABELS.creator, iiifLanguageMap(content.creator)],
    [FIELD_LABELS.materials, iiifLanguageMap(content.materials)],
    [FIELD_LABELS.condition, condition ? CONDITION_LABELS[condition] : undefined],
    [FIELD_LABELS.inventoryNumber, plain(content.inventoryNumber)],
    [FIELD_LABELS.subjects, subjects(content.tags)],
  ]);
}

export function personMetadata(person: PersonEntity): MetadataEntry[] {
  const content = person.content;
  return entries([
    [FIELD_LABELS.born, personDateValue(content.birth)],
    [FIELD_LABELS.died, personDateValue(content.death)],
    [FIELD_LABELS.rank, labelMap(content.rank)],
    [FIELD_LABELS.unit, plain(content.unit)],
    [FIELD_LABELS.fate, content.fate && content.fate !== 'unknown' ? FATE_LABELS[content.fate] : undefined],
  ]);
}
