import type { ExhibitionBlock, ItemInput, LocalizedLabel, LocalizedText, MemorialInput } from '@vitrina/contracts';

/** Demo exhibitions refer to items and memorials by slug; the seeder swaps in their ids. */
type WithSlugRefs<B> = B extends { type: 'item' }
  ? Omit<B, 'itemId'> & { itemSlug: string }
  : B extends { type: 'gallery' }
    ? Omit<B, 'itemIds'> & { itemSlugs: string[] }
    : B extends { type: 'map' }
      ? Omit<B, 'itemIds' | 'memorialIds'> & { itemSlugs?: string[]; memorialSlugs?: string[] }
      : B;

export type DemoBlock = WithSlugRefs<ExhibitionBlock>;

export interface DemoExhibition {
  slug: string;
  title: LocalizedText;
  summary?: LocalizedText;
  coverItemSlug?: string;
  sections: { id: string; title?: LocalizedText; blocks: DemoBlock[] }[];
}

/** A name carved on a demo memorial; the seeder makes it a person record linked to that memorial. */
export interface DemoPerson {
  name: string;
  variants?: string[];
  birthYear?: number;
  deathYear?: number;
  rank?: LocalizedLabel;
  unit?: string;
}

/** A demo memorial with the names on it. */
export type DemoMemorial = MemorialInput & { people?: DemoPerson[] };

export interface DemoCountryContent {
  countrySlug: string;
  intro: LocalizedText;
  items: ItemInput[];
  memorials: DemoMemorial[];
  exhibitions: DemoExhibition[];
}

/** A Russian original with its English translation. */
export function ruEn(ru: string, en: string): LocalizedText {
  return { ru: { text: ru, status: 'original' }, en: { text: en, status: 'translated' } };
}

/** A tag or a rank in Russian and, unless it reads the same (a year), in English. */
export function label(ru: string, en?: string): LocalizedLabel {
  return en === undefined ? { ru } : { ru, en };
}

/** Titles of demo records say that they are demo. */
export function demoTitle(ru: string, en: string): LocalizedText {
  return ruEn(`Демо: ${ru}`, `Demo: ${en}`);
}

/** Appended to every demo memorial's description: its people and logs are made up. */
export const ILLUSTRATIVE_NOTE = {
  ru: 'Имена людей, обследования состояния и журнал событий в этой записи — вымышленные иллюстративные демонстрационные данные, а не архивные сведения о погибших.',
  en: 'The names of people, the condition surveys and the event log in this record are invented, illustrative demo data, not archival records of the fallen.',
} as const;

/** A memorial description: the curator's text followed by the illustrative-data note. */
export function memorialDescription(ru: string, en: string): LocalizedText {
  return ruEn(`${ru} ${ILLUSTRATIVE_NOTE.ru}`, `${en} ${ILLUSTRATIVE_NOTE.en}`);
}

export const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
export const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';
export const PUBLIC_DOMAIN = 'https://creativecommons.org/publicdomain/mark/1.0/';
export const IN_COPYRIGHT = 'https://rightsstatements.org/vocab/InC/1.0/';
export const NO_KNOWN_COPYRIGHT = 'https://rightsstatements.org/vocab/NKC/1.0/';
