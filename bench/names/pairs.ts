import { BGN_PCGN, GOST_779, GOST_779_ALT, ICAO_DOC_9303, MVD_310_FR, WIKIPEDIA, translate, type Schema } from 'iuliia';
import { PEOPLE, type Language } from './people';
import * as caucasus from './schemes-caucasus';
import * as slavic from './schemes-slavic';
import { transliterate, type Scheme } from './translit';
import * as turkic from './schemes-turkic';

/** One labelled pair: a spelling a family might type, and the person it must find. */
export interface LabelledPair {
  spelling: string;
  /** Index into `people()`. */
  person: number;
  language: Language;
  /** The scheme that wrote it, or `misspelt (…)` for a spelling with one letter wrong. */
  scheme: string;
  /** The spelling includes the patronymic (the record always has it when the language has one). */
  withPatronymic: boolean;
}

export interface Person {
  language: Language;
  /** As the register holds it: original script, surname first, patronymic when known. */
  name: string;
  surname: string;
  given: string;
  patronymic?: string;
}

type Speller = { name: string; spell: (text: string) => string };

const fromIuliia = (name: string, schema: Schema): Speller => ({ name, spell: (text) => translate(text, schema) });
const fromScheme = (scheme: Scheme): Speller => ({ name: scheme.name, spell: (text) => transliterate(text, scheme) });

/** The schemes of each language. Russian's standard ones are `iuliia`'s implementations. */
export const SCHEMES: Readonly<Record<Language, readonly Speller[]>> = {
  russian: [
    fromIuliia('ISO 9 / GOST 7.79 A', GOST_779),
    fromIuliia('GOST 7.79 B', GOST_779_ALT),
    fromIuliia('BGN/PCGN', BGN_PCGN),
    fromIuliia('ICAO 9303 (passport)', ICAO_DOC_9303),
    fromIuliia('English (Wikipedia)', WIKIPEDIA),
    fromIuliia('French (MVD 310)', MVD_310_FR),
    fromScheme(slavic.RUSSIAN_GERMAN),
    fromScheme(slavic.RUSSIAN_POLISH),
  ],
  ukrainian: [
    slavic.UKRAINIAN_NATIONAL, slavic.UKRAINIAN_BGN, slavic.UKRAINIAN_ISO9, slavic.UKRAINIAN_GOST_B,
    slavic.UKRAINIAN_GERMAN, slavic.UKRAINIAN_POLISH, slavic.UKRAINIAN_FRENCH,
  ].map(fromScheme),
  belarusian: [
    slavic.BELARUSIAN_NATIONAL, slavic.BELARUSIAN_BGN, slavic.BELARUSIAN_ISO9, slavic.BELARUSIAN_ICAO,
    slavic.BELARUSIAN_POLISH, slavic.BELARUSIAN_GERMAN,
  ].map(fromScheme),
  kazakh: [turkic.KAZAKH_LATIN, turkic.KAZAKH_BGN, turkic.KAZAKH_ISO9, turkic.KAZAKH_PASSPORT, turkic.KAZAKH_RUSSIAN].map(fromScheme),
  kyrgyz: [turkic.KYRGYZ_BGN, turkic.KYRGYZ_ISO9, turkic.KYRGYZ_PASSPORT, turkic.KYRGYZ_RUSSIAN].map(fromScheme),
  uzbek: [turkic.UZBEK_LATIN, turkic.UZBEK_BGN, turkic.UZBEK_ISO9, turkic.UZBEK_PASSPORT, turkic.UZBEK_RUSSIAN].map(fromScheme),
  armenian: [
    caucasus.ARMENIAN_ISO, caucasus.ARMENIAN_BGN, caucasus.ARMENIAN_PASSPORT, caucasus.ARMENIAN_RUSSIAN,
    caucasus.ARMENIAN_GERMAN, caucasus.ARMENIAN_FRENCH,
  ].map(fromScheme),
  georgian: [
    caucasus.GEORGIAN_NATIONAL, caucasus.GEORGIAN_ISO, caucasus.GEORGIAN_RUSSIAN, caucasus.GEORGIAN_GERMAN, caucasus.GEORGIAN_FRENCH,
  ].map(fromScheme),
};

export function people(): Person[] {
  return (Object.keys(PEOPLE) as Language[]).flatMap((language) =>
    PEOPLE[language].map(([surname, given, patronymic]) => ({
      language,
      surname,
      given,
      patronymic,
      name: [surname, given, patronymic].filter(Boolean).join(' '),
    })),
  );
}

/** The three misspellings a family makes most, at a position fixed by the word (not random). */
export function misspellings(word: string): Array<{ kind: string; text: string }> {
  const letters = [...word];
  if (letters.length < 5) return [];
  const at = 2 + (letters.length % 3); // inside the word, never its first letter
  const dropped = [...letters.slice(0, at), ...letters.slice(at + 1)].join('');
  const doubled = [...letters.slice(0, at + 1), letters[at], ...letters.slice(at + 1)].join('');
  const swapped = [...letters.slice(0, at), letters[at + 1], letters[at], ...letters.slice(at + 2)].join('');
  return [
    { kind: 'letter dropped', text: dropped },
    { kind: 'letter doubled', text: doubled },
    { kind: 'letters swapped', text: swapped },
  ];
}

/**
 * The labelled set: for every person and every scheme of their language, "given surname" as that
 * scheme writes it (and, for the first two schemes of languages with patronymics, the full name with
 * the patronymic); and for every person, the three misspellings of the surname in the first Latin
 * scheme, with the given name spelt right.
 */
export function labelledPairs(): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  people().forEach((person, index) => {
    const schemes = SCHEMES[person.language];
    schemes.forEach((scheme, schemeIndex) => {
      const given = scheme.spell(person.given);
      const surname = scheme.spell(person.surname);
      pairs.push({ spelling: `${given} ${surname}`, person: index, language: person.language, scheme: scheme.name, withPatronymic: false });
      if (person.patronymic && schemeIndex < 2) {
        const full = `${given} ${scheme.spell(person.patronymic)} ${surname}`;
        pairs.push({ spelling: full, person: index, language: person.language, scheme: scheme.name, withPatronymic: true });
      }
    });
    const latin = schemes.find((scheme) => /^[\p{Script=Latin}\p{M}ʹʼʻ'` ]+$/u.test(scheme.spell(person.surname))) ?? schemes[0];
    for (const typo of misspellings(latin.spell(person.surname))) {
      pairs.push({
        spelling: `${latin.spell(person.given)} ${typo.text}`,
        person: index,
        language: person.language,
        scheme: `misspelt (${typo.kind})`,
        withPatronymic: false,
      });
    }
  });
  return pairs;
}
