import { type DateRange, type LocalizedLabel, type LocalizedText, approvedTexts } from '@vitrina/contracts';
import { plainTextOf } from '../../infra/html/rich-text';
import type { DescribedRecord } from '../site/described-records';

/** A text in one language, or in none (`lang` undefined: a number, a proper name). */
export interface LangText {
  lang?: string;
  text: string;
}

/** Every language of a visitor-facing text but machine drafts. */
export function approved(text: LocalizedText | undefined | null, html = false): LangText[] {
  return approvedTexts(text).map(({ lang, text: value }) => ({ lang, text: html ? plainTextOf(value) : value }));
}

export function labels(label: LocalizedLabel | undefined): LangText[] {
  return Object.entries(label ?? {}).map(([lang, text]) => ({ lang, text: text! }));
}

export const plain = (text: string | undefined | null): LangText[] => (text ? [{ text }] : []);

/** A date range as W3CDTF years: `1941`, or `1941/1945` (as Europeana reads dc:date). */
export function years(range: DateRange | undefined): string | undefined {
  if (!range || (range.earliest === undefined && range.latest === undefined)) return undefined;
  const { earliest, latest } = range;
  return earliest === undefined || latest === undefined || earliest === latest ? String(earliest ?? latest) : `${earliest}/${latest}`;
}

/** DCMI Type of each kind of record (http://purl.org/dc/dcmitype/). */
export function dcmiType(described: DescribedRecord): string | undefined {
  switch (described.collection) {
    case 'items':
      return { photograph: 'StillImage', artwork: 'StillImage', document: 'Text', story: 'Text' }[described.record.kind] ?? 'PhysicalObject';
    case 'memorials':
      return 'PhysicalObject';
    case 'exhibitions':
      return 'Collection';
    case 'people':
      return undefined;
  }
}
