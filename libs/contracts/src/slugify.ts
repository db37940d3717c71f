/**
 * Latin letters for the Cyrillic, Armenian and Georgian letters of the
 * platform's content languages, so an address can be made from a title in any
 * of them. Russian follows the common passport style (ж → zh, х → kh, щ → shch);
 * the other languages' own letters follow their usual romanisations (Kazakh
 * қ → q, ғ → gh, ң → ng, ә → a, ө → o, ұ/ү → u, і → i; Ukrainian ї → yi, є → ye).
 */
const LATIN: Record<string, string> = {
  // Russian
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh, Kyrgyz, Tajik, Uzbek Cyrillic, Ukrainian, Belarusian, Ossetian, Abkhaz
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w',
  ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ҡ: 'q', ҟ: 'q', ҭ: 't', ҵ: 'ts', ҽ: 'ch', ҿ: 'ch', ӡ: 'dz', ҩ: 'w', џ: 'dzh',
  // Azerbaijani and Uzbek Latin letters with no decomposition
  ə: 'e', ı: 'i', ʻ: '', ʼ: '',
  // Armenian
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts',
  կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j',
  ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v', փ: 'p', ք: 'k', և: 'ev', օ: 'o', ֆ: 'f',
  // Georgian
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts',
  ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

/** The longest address a record may have (slugSchema). */
const MAX_SLUG = 64;

/**
 * An address (`a-folded-triangle-letter`) made from a title in any of the
 * platform's scripts: lower-case Latin letters, digits and single hyphens,
 * cut at a word boundary to fit. Empty when the title has no letters or digits.
 */
export function slugify(title: string): string {
  const latin = [...title.normalize('NFC').toLowerCase()]
    .map((char) => LATIN[char] ?? char)
    .join('')
    // Accents of Latin letters (é, ş, ğ) fall away; the base letter stays.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = latin.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG);
}
