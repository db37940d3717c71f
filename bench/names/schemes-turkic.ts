import type { Scheme } from './translit';

/** Kazakh, Kyrgyz and Uzbek Cyrillic schemes, written from their tables. */

const PLAIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ъ: '', ь: '', ы: 'y', э: 'e',
};

/** How Soviet and Russian records write these names: the letters Russian lacks become the nearest Russian ones. */
const TO_RUSSIAN: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ў: 'у', ҳ: 'х' };

function russianCyrillic(name: string): Scheme {
  const letters: Record<string, string> = { ...TO_RUSSIAN };
  return { name, letters };
}

// ---- Kazakh ----

/** Kazakh Latin alphabet of 2021 (ä ğ q ñ ö ū ü ı ş, j for ж). */
export const KAZAKH_LATIN: Scheme = {
  name: 'Kazakh Latin 2021',
  letters: { ...PLAIN, ә: 'ä', ғ: 'ğ', ё: 'io', ж: 'j', й: 'i', қ: 'q', ң: 'ñ', ө: 'ö', ұ: 'ū', ү: 'ü', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', і: 'ı', ю: 'iu', я: 'ia' },
};

/** BGN/PCGN 1979 for Kazakh. */
export const KAZAKH_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: { ...PLAIN, ә: 'ä', ғ: 'gh', ё: 'yo', ж: 'zh', й: 'y', қ: 'q', ң: 'ng', ө: 'ö', ұ: 'ū', ү: 'ü', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', і: 'ī', ю: 'yu', я: 'ya' },
  initial: { е: 'ye' },
};

/** ISO 9:1995, which gives the Kazakh letters their own diacritics. */
export const KAZAKH_ISO9: Scheme = {
  name: 'ISO 9',
  letters: { ...PLAIN, ә: 'a̋', ғ: 'ġ', ё: 'ë', ж: 'ž', й: 'j', қ: 'ķ', ң: 'ņ', ө: 'ô', ұ: 'ū', ү: 'ù', х: 'h', һ: 'ḩ', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', і: 'ì', ю: 'û', я: 'â', э: 'è' },
};

/** Passports of Kazakhstan (ICAO Doc 9303 based): capitals, Kazakh letters lose their marks. */
export const KAZAKH_PASSPORT: Scheme = {
  name: 'Passport (ICAO)',
  letters: { ...PLAIN, ә: 'a', ғ: 'g', ё: 'e', ж: 'zh', й: 'i', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', і: 'i', ю: 'iu', я: 'ia' },
  upper: true,
};

export const KAZAKH_RUSSIAN = russianCyrillic('Russian Cyrillic');

// ---- Kyrgyz ----

/** BGN/PCGN 1979 for Kyrgyz (ж is j). */
export const KYRGYZ_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: { ...PLAIN, ё: 'yo', ж: 'j', й: 'y', ң: 'ng', ө: 'ö', ү: 'ü', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ю: 'yu', я: 'ya' },
  initial: { е: 'ye' },
};

export const KYRGYZ_ISO9: Scheme = {
  name: 'ISO 9',
  letters: { ...PLAIN, ё: 'ë', ж: 'ž', й: 'j', ң: 'ņ', ө: 'ô', ү: 'ù', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ю: 'û', я: 'â', э: 'è' },
};

/** Passports of Kyrgyzstan (ICAO based). */
export const KYRGYZ_PASSPORT: Scheme = {
  name: 'Passport (ICAO)',
  letters: { ...PLAIN, ё: 'e', ж: 'zh', й: 'i', ң: 'n', ө: 'o', ү: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ю: 'iu', я: 'ia' },
  upper: true,
};

export const KYRGYZ_RUSSIAN = russianCyrillic('Russian Cyrillic');

// ---- Uzbek ----

/** Uzbek Latin alphabet (1995): oʻ gʻ, x for х, h for ҳ, j for ж, q for қ. */
export const UZBEK_LATIN: Scheme = {
  name: 'Uzbek Latin',
  letters: { ...PLAIN, ғ: 'gʻ', ё: 'yo', ж: 'j', й: 'y', қ: 'q', ў: 'oʻ', х: 'x', ҳ: 'h', ц: 's', ч: 'ch', ш: 'sh', ъ: 'ʼ', ю: 'yu', я: 'ya' },
  initial: { е: 'ye' },
  afterVowel: { е: 'ye' },
};

/** BGN/PCGN 1979 for Uzbek. */
export const UZBEK_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: { ...PLAIN, ғ: 'gh', ё: 'yo', ж: 'j', й: 'y', қ: 'q', ў: 'ŭ', х: 'kh', ҳ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', ю: 'yu', я: 'ya' },
  initial: { е: 'ye' },
};

export const UZBEK_ISO9: Scheme = {
  name: 'ISO 9',
  letters: { ...PLAIN, ғ: 'ġ', ё: 'ë', ж: 'ž', й: 'j', қ: 'ķ', ў: 'ǔ', х: 'h', ҳ: 'ḩ', ц: 'c', ч: 'č', ш: 'š', ю: 'û', я: 'â', э: 'è' },
};

/** Passports of Uzbekistan: the Uzbek Latin letters, capitals, without the apostrophes. */
export const UZBEK_PASSPORT: Scheme = { ...UZBEK_LATIN, name: 'Passport', letters: { ...UZBEK_LATIN.letters, ғ: 'g', ў: 'o', ъ: '' }, upper: true };

export const UZBEK_RUSSIAN = russianCyrillic('Russian Cyrillic');
