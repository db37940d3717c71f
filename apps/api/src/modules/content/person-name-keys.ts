import type { LocalizedText } from '@vitrina/contracts';
import { cleanText, nameKeys, tokenize } from '@vitrina/names';

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
  const spellings = personSpellings(person);
  const keys = new Set(spellings.flatMap((spelling) => nameKeys(spelling, { fuzzy: true })));
  if (spellings.some((spelling) => tokenize(cleanText(spelling)).length === 1)) keys.add(ONE_WORD_NAME_KEY);
  return [...keys];
}

/**
 * Carried by a person known by one word only ("Семёнов" on an obelisk): a
 * fuller record ("Semenov Ivan Petrovich") cannot find them by requiring all
 * its words, so it also looks for one of its words among those people. No
 * name key starts with `#`.
 */
export const ONE_WORD_NAME_KEY = '#one-word';
