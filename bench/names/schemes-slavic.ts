import type { Scheme } from './translit';

/**
 * East Slavic schemes written from their tables. Russian's standard schemes come from `iuliia`
 * (see pairs.ts); this file has the ones iuliia lacks: German (Duden) and Polish spellings of
 * Russian, and every scheme of Ukrainian and Belarusian.
 */

/** Letters every scheme below shares unless it says otherwise. */
const PLAIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ъ: '', ь: '', ы: 'y', э: 'e', і: 'i',
};

// ---- Russian: German (Duden) and Polish (PWN practical transcription) ----

/** Duden: в w, ж sch, з s, й j, х ch, ц z, ч tsch, ш sch, щ schtsch, ё jo / o after hushers, -ий -i. */
export const RUSSIAN_GERMAN: Scheme = {
  name: 'German (Duden)',
  letters: { ...PLAIN, в: 'w', ё: 'jo', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja' },
  initial: { е: 'je' },
  afterVowel: { е: 'je', с: 'ss' },
  before: [[/ий$/, 'i'], [/ый$/, 'y'], [/([жшчщ])ё/g, '$1o'], [/ье/g, 'je'], [/ьё/g, 'jo']],
};

/** Polish: ж ż, ш sz, ч cz, щ szcz, х ch, ц c, в w, й j; л is ł but l before soft vowels; softness as i. */
export const RUSSIAN_POLISH: Scheme = {
  name: 'Polish',
  letters: { ...PLAIN, в: 'w', ё: 'io', ж: 'ż', й: 'j', л: 'ł', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', е: 'ie', ю: 'iu', я: 'ia' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  afterVowel: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja', и: 'ji' },
  before: [
    [/ий$/, 'ij'], [/ый$/, 'y'],
    [/л([ьеёюяи])/g, 'L$1'], [/Lь/g, 'l'], [/Lе/g, 'le'], [/Lё/g, 'lo'], [/Lю/g, 'lu'], [/Lя/g, 'la'], [/Lи/g, 'li'],
    [/([жшчщц])е/g, '$1e'], [/([жшчщ])ё/g, '$1o'], [/([жшц])и/g, '$1y'],
  ],
};

// ---- Ukrainian ----

const UKRAINIAN_BASE: Record<string, string> = { ...PLAIN, г: 'h', ґ: 'g', и: 'y', ж: 'zh', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch' };

/** Cabinet of Ministers resolution 55 (2010): the passport and ICAO spelling of Ukraine. */
export const UKRAINIAN_NATIONAL: Scheme = {
  name: 'National 2010 (passport)',
  letters: { ...UKRAINIAN_BASE, є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia' },
  initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  before: [[/зг/g, 'zgh']],
};

/** BGN/PCGN 1965. */
export const UKRAINIAN_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: { ...UKRAINIAN_BASE, є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ь: 'ʼ' },
};

/** ISO 9:1995 (= GOST 7.79 System A). */
export const UKRAINIAN_ISO9: Scheme = {
  name: 'ISO 9',
  letters: { ...PLAIN, г: 'g̀', ґ: 'g', и: 'i', і: 'ì', ї: 'ï', є: 'ê', й: 'j', ж: 'ž', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ю: 'û', я: 'â', ь: 'ʹ' },
};

/** GOST 7.79-2000 System B. */
export const UKRAINIAN_GOST_B: Scheme = {
  name: 'GOST 7.79 B',
  letters: { ...PLAIN, г: "g'", ґ: 'g', и: "y'", і: "i'", ї: 'yi', є: 'ye', й: 'j', ж: 'zh', х: 'x', ц: 'cz', ч: 'ch', ш: 'sh', щ: 'shh', ю: 'yu', я: 'ya', ь: '`' },
  after: [[/cz(?=[eiyj])/g, 'c']],
};

export const UKRAINIAN_GERMAN: Scheme = {
  name: 'German (Duden)',
  letters: { ...PLAIN, в: 'w', г: 'h', ґ: 'g', и: 'y', є: 'je', ї: 'ji', й: 'j', ж: 'sch', з: 's', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja' },
  afterVowel: { с: 'ss' },
  before: [[/ій$/, 'ij']],
};

export const UKRAINIAN_POLISH: Scheme = {
  name: 'Polish',
  letters: { ...PLAIN, в: 'w', г: 'h', ґ: 'g', и: 'y', є: 'ie', ї: 'ji', й: 'j', ж: 'ż', л: 'ł', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'iu', я: 'ia' },
  initial: { є: 'je', ю: 'ju', я: 'ja' },
  afterVowel: { є: 'je', ю: 'ju', я: 'ja' },
  before: [[/л([ьєюяі])/g, 'L$1'], [/Lь/g, 'l'], [/Lє/g, 'le'], [/Lю/g, 'lu'], [/Lя/g, 'la'], [/Lі/g, 'li']],
};

export const UKRAINIAN_FRENCH: Scheme = {
  name: 'French',
  letters: { ...PLAIN, г: 'h', ґ: 'g', и: 'y', є: 'ie', ї: 'ï', й: 'ï', ж: 'j', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', у: 'ou', ю: 'iou', я: 'ia' },
  afterVowel: { с: 'ss' },
};

// ---- Belarusian ----

const BELARUSIAN_BASE: Record<string, string> = { ...PLAIN, г: 'h', і: 'i', ы: 'y' };

/** National (2007) / UN 2012: diacritics, softness as ie / io / iu / ia after consonants. */
export const BELARUSIAN_NATIONAL: Scheme = {
  name: 'National 2007',
  letters: { ...BELARUSIAN_BASE, е: 'ie', ё: 'io', ж: 'ž', й: 'j', ў: 'ŭ', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ю: 'iu', я: 'ia' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  afterVowel: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  before: [[/([жшчр])е/g, '$1e'], [/([жшчр])ё/g, '$1o'], [/ль/g, 'ĺ'], [/нь/g, 'ń'], [/сь/g, 'ś'], [/зь/g, 'ź'], [/ць/g, 'ć']],
};

export const BELARUSIAN_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: { ...BELARUSIAN_BASE, ё: 'yo', ж: 'zh', й: 'y', ў: 'w', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ю: 'yu', я: 'ya', ь: 'ʼ' },
  initial: { е: 'ye' },
  afterVowel: { е: 'ye' },
};

export const BELARUSIAN_ISO9: Scheme = {
  name: 'ISO 9',
  letters: { ...BELARUSIAN_BASE, г: 'g', і: 'ì', ё: 'ë', ж: 'ž', й: 'j', ў: 'ǔ', х: 'h', ц: 'c', ч: 'č', ш: 'š', э: 'è', ю: 'û', я: 'â', ь: 'ʹ' },
};

/** ICAO Doc 9303 (Belarusian column): г H, ў U, ё / е E, ю IU, я IA, й I; capitals. */
export const BELARUSIAN_ICAO: Scheme = {
  name: 'ICAO 9303 (passport)',
  letters: { ...BELARUSIAN_BASE, ё: 'e', ж: 'zh', й: 'i', ў: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ю: 'iu', я: 'ia' },
  upper: true,
};

/** Łacinka / Polish spelling: ł, ż-less Belarusian Latin with cz sz for Polish readers. */
export const BELARUSIAN_POLISH: Scheme = {
  name: 'Polish',
  letters: { ...BELARUSIAN_BASE, в: 'w', е: 'ie', ё: 'io', ж: 'ż', й: 'j', л: 'ł', ў: 'u', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', ю: 'iu', я: 'ia' },
  initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  afterVowel: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  before: [[/л([ьеёюяі])/g, 'L$1'], [/Lь/g, 'l'], [/Lе/g, 'le'], [/Lё/g, 'lo'], [/Lю/g, 'lu'], [/Lя/g, 'la'], [/Lі/g, 'li'], [/([жшчр])е/g, '$1e'], [/([жшчр])ё/g, '$1o']],
};

export const BELARUSIAN_GERMAN: Scheme = {
  name: 'German (Duden)',
  letters: { ...BELARUSIAN_BASE, в: 'w', ё: 'jo', ж: 'sch', з: 's', й: 'j', ў: 'w', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', ю: 'ju', я: 'ja' },
  initial: { е: 'je' },
  afterVowel: { е: 'je', с: 'ss' },
};
