import type { ExhibitionBlock, ItemInput, LocalizedText, MemorialInput } from '@vitrina/contracts';

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

export interface DemoCountryContent {
  countrySlug: string;
  intro: LocalizedText;
  items: ItemInput[];
  memorials: MemorialInput[];
  exhibitions: DemoExhibition[];
}

/** A Russian original with its English translation. */
export function ruEn(ru: string, en: string): LocalizedText {
  return { ru: { text: ru, status: 'original' }, en: { text: en, status: 'translated' } };
}

/** Titles of demo records say that they are demo. */
export function demoTitle(ru: string, en: string): LocalizedText {
  return ruEn(`Демо: ${ru}`, `Demo: ${en}`);
}

export const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
export const PUBLIC_DOMAIN = 'https://creativecommons.org/publicdomain/mark/1.0/';
export const IN_COPYRIGHT = 'https://rightsstatements.org/vocab/InC/1.0/';
