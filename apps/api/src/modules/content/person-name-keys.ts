import type { LocalizedText } from '@vitrina/contracts';
import { nameKeys } from '@vitrina/names';

/** What a person's names are read from: the original name, its variants and the display titles. */
export interface PersonNames {
  name?: string;
  variants?: string[];
  title?: LocalizedText;
}

/** Every spelling of a person's name: the name, its variants, each language's title; distinct. */
export function personSpellings(person: PersonNames): string[] {
  const titles = Object.values(person.title ?? {}).flatMap((entry) => (entry?.text ? [entry.text] : []));
  return [...new Set([person.name ?? '', ...(person.variants ?? []), ...titles].filter((spelling) => spelling.trim() !== ''))];
}

/**
 * The `name_keys` column of a person (drafts included, for duplicate
 * suggestions): the keys of every spelling with their deletion neighbours
 * (`nameKeys(…, { fuzzy: true })`), so one GIN overlap finds a name written
 * in another script or with a letter misspelt.
 */
export function personNameKeys(person: PersonNames): string[] {
  return [...new Set(personSpellings(person).flatMap((spelling) => nameKeys(spelling, { fuzzy: true })))];
}
