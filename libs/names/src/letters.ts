/**
 * Letter tables: each letter of a non-Latin script, and each Latin grapheme that a romanisation
 * scheme writes, mapped to the "pre-skeleton" alphabet that `skeleton.ts` then folds.
 *
 * The pre-skeleton alphabet is a deliberately coarse phonetic one, chosen so that every scheme's
 * spelling of one sound lands on one letter:
 *
 *   vowels  a e i o u   (ы and и are both `i`; й and the glide j/y are `i`, dropped before a vowel)
 *   b p f v m d t n l r k
 *   s  с з ц (German writes з as s and ц as z; Polish and ISO 9 write ц as c)
 *   c  ш щ ж ч дж (German writes both ж and ш as sch; French writes ш as ch, ж as j)
 *   h  г х ғ һ ҳ (Ukrainian and Belarusian г is h; ISO 9 writes х as h; German and Polish as ch)
 *
 * Where a Latin grapheme is ambiguous across schemes it maps to several readings
 * (`ch` is ч in English, ш in French and х in German and Polish); `latin.ts` expands them.
 */

/**
 * Cyrillic letters of Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz, Uzbek and Tajik Cyrillic, plus
 * the Abkhaz and Ossetian letters the twelve countries' places use. `ё` is `io` so that Semёnov,
 * Semyonov, Semjonow and Siemionow meet Семенов once `io` folds to `e` (ё/е folding).
 * The soft and hard signs vanish; before a vowel they become the glide `i` (Ульяна, Подъячев).
 */
export const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', д: 'd', е: 'e', ё: 'io', ж: 'c', з: 's', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 's',
  ч: 'c', ш: 'c', щ: 'c', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Ukrainian (ґ is g, г is h: both are the `h` class); є = je, ї = ji.
  ґ: 'h', є: 'ie', і: 'i', ї: 'ii',
  // ў is Belarusian w / ŭ (Russian в or у) and Uzbek o' (Russian у): three readings.
  ў: 'v|o|u',
  // Kazakh, Kyrgyz, Uzbek, Tajik (ң is ng / ñ in Latin, н in Russian spellings).
  ә: 'a', ғ: 'h', қ: 'k', ң: 'n|nh', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ҷ: 'c', ӣ: 'i', ӯ: 'u',
  // Abkhaz and Ossetian (place names of Abkhazia and South Ossetia).
  ӕ: 'a', ҧ: 'p', ҭ: 't', ҵ: 's', ҿ: 'c', ӡ: 's', ҟ: 'k', ҕ: 'h', ҩ: 'v', џ: 'c', ҽ: 'c',
};

/**
 * Armenian (Eastern; ISO 9985 / BGN-PCGN 1981 / the Armenian passport spelling all fold alike).
 * ձ is dz in BGN and Russian spellings but j in ISO 9985; ղ is gh, Russian г, and ł in ISO 9985.
 */
export const ARMENIAN: Readonly<Record<string, string>> = {
  ա: 'a', բ: 'b', գ: 'h', դ: 'd', ե: 'e', զ: 's', է: 'e', ը: 'e', թ: 't', ժ: 'c', ի: 'i', լ: 'l',
  խ: 'h', ծ: 's', կ: 'k', հ: 'h', ձ: 's|c', ղ: 'h', ճ: 'c', մ: 'm', յ: 'i', ն: 'n', շ: 'c', ո: 'o',
  չ: 'c', պ: 'p', ջ: 'c', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 's', ւ: 'v', փ: 'p', ք: 'k',
  և: 'ev', օ: 'o', ֆ: 'f',
};
/** The Armenian digraph ու is the vowel u (Hovhannes); ISO 9985 writes it letter by letter, ow. */
export const ARMENIAN_DIGRAPHS: Readonly<Record<string, string>> = { ու: 'u|ov' };

/** Georgian Mkhedruli (national system 2002 = BGN/PCGN 2009; ISO 9984 marks ejectives, folded). */
export const GEORGIAN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'h', დ: 'd', ე: 'e', ვ: 'v', ზ: 's', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm',
  ნ: 'n', ო: 'o', პ: 'p', ჟ: 'c', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'h', ყ: 'k',
  შ: 'c', ჩ: 'c', ც: 's', ძ: 's', წ: 's', ჭ: 'c', ხ: 'h', ჯ: 'c', ჰ: 'h',
  // Archaic letters still met in older spellings.
  ჱ: 'e', ჲ: 'i', ჳ: 'v', ჴ: 'h', ჵ: 'o',
};

/**
 * Latin graphemes, longest first within each starting letter (see `latin.ts`). A value with `|`
 * lists the readings of an ambiguous grapheme. Sources per grapheme:
 * - ISO 9 / GOST 7.79 System A: š ž č ŝ ë ê â û è ǔ, and c for ц, h for х, j for й;
 * - GOST 7.79 System B: x for х, cz for ц, shh for щ, y' for ы, e` for э, i' / g' (Ukrainian);
 * - BGN/PCGN and ICAO Doc 9303: kh zh ts ch sh shch, y / i for й, ya / ia, yu / iu, ye / ie;
 * - German (Duden): sch tsch schtsch ch (х) w z (ц) s (з) j;
 * - French: ch (ш) tch j (ж) ou (у; but o + u elsewhere: Belousov, Kavalou) kh ï gu before e/i;
 * - Polish: sz cz szcz ch (х) ż w j ł, ck (цк: Biełecki), and i after a consonant for softness;
 * - Kazakh, Uzbek and Azerbaijani Latin: q x (х) ğ ş ç ñ ä ö ü ı, o' g' (Uzbek ў, ғ).
 */
export const LATIN: Readonly<Record<string, string>> = {
  shch: 'c', szcz: 'c', shh: 'c', sch: 'c', sh: 'c', sz: 'c', zh: 'c', cz: 'c|s', ch: 'c|h', ck: 'k|sk', ou: 'u|ou',
  kh: 'h', gh: 'h', th: 't', ph: 'p',
  a: 'a', b: 'b', c: 's|k', d: 'd', e: 'e', f: 'f', g: 'h', h: 'h', i: 'i', j: 'i|c', k: 'k', l: 'l',
  m: 'm', n: 'n', o: 'o', p: 'p', q: 'k', r: 'r', s: 's', t: 't', u: 'u', v: 'v', w: 'v', x: 'ks|h',
  y: 'i', z: 's',
  // Letters with diacritics, after NFC (the rest lose their marks: g̀ of ISO 9 Ukrainian is g).
  ë: 'io', ê: 'ie', â: 'ia', û: 'iu', ŝ: 'c', š: 'c', ž: 'c', č: 'c', ż: 'c', ş: 'c', ș: 'c', ç: 'c',
  ĉ: 'c', ĵ: 'c', ǰ: 'c', ğ: 'h', ǧ: 'h', ġ: 'h', ñ: 'nh', ń: 'n', ł: 'l|h', ı: 'i', ŭ: 'v', ǔ: 'v',
  ś: 's', ź: 's', ć: 's', ä: 'a', ə: 'a', ö: 'o', ü: 'u', ï: 'i', ÿ: 'i', ĭ: 'i', ß: 's', ţ: 's',
  ț: 's', ʒ: 's', ǯ: 'c', ă: 'a', î: 'i', ō: 'o', ū: 'u', ē: 'e', ī: 'i', ā: 'a', é: 'e', è: 'e', ė: 'e', ě: 'e',
};

/** Longest Latin grapheme, in characters (the decoder tries this many first). */
export const LATIN_LONGEST = 4;
