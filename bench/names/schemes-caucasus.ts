import type { Scheme } from './translit';

/** Armenian and Georgian schemes, written from their tables. `U` stands for the digraph ու. */

const ARMENIAN_DIGRAPH: ReadonlyArray<readonly [RegExp, string]> = [[/ու/g, 'U']];

/** ISO 9985:1996 (letter by letter; ու is o + w). */
export const ARMENIAN_ISO: Scheme = {
  name: 'ISO 9985',
  letters: {
    ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'ē', ը: 'ë', թ: 'tʼ', ժ: 'ž', ի: 'i', լ: 'l', խ: 'x', ծ: 'c',
    կ: 'k', հ: 'h', ձ: 'j', ղ: 'ł', ճ: 'č', մ: 'm', յ: 'y', ն: 'n', շ: 'š', ո: 'o', չ: 'čʼ', պ: 'p', ջ: 'ǰ', ռ: 'ṙ',
    ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'cʼ', ւ: 'w', փ: 'pʼ', ք: 'kʼ', օ: 'ō', ֆ: 'f', և: 'ew',
  },
};

const ARMENIAN_BGN_LETTERS: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 'tʼ', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'tsʼ',
  կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'chʼ', պ: 'p', ջ: 'j', ռ: 'rr',
  ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'tsʼ', ւ: 'w', փ: 'pʼ', ք: 'kʼ', օ: 'o', ֆ: 'f', և: 'ev', U: 'u',
};

/** BGN/PCGN 1981: ye- and vo- at the start of a word, aspirates marked with ʼ. */
export const ARMENIAN_BGN: Scheme = {
  name: 'BGN/PCGN',
  letters: ARMENIAN_BGN_LETTERS,
  initial: { ե: 'ye', ո: 'vo', և: 'yev' },
  before: ARMENIAN_DIGRAPH,
};

/** The spelling of Armenian passports (Hovhannisyan, Mkrtchyan): BGN without the apostrophes. */
export const ARMENIAN_PASSPORT: Scheme = {
  name: 'Passport',
  letters: { ...ARMENIAN_BGN_LETTERS, ը: 'e', թ: 't', ծ: 'ts', չ: 'ch', ռ: 'r', ց: 'ts', փ: 'p', ք: 'k' },
  initial: { ե: 'ye', ո: 'vo', և: 'yev' },
  before: ARMENIAN_DIGRAPH,
  upper: true,
};

/** Russian practical transcription (how Soviet records wrote Armenian names). */
export const ARMENIAN_RUSSIAN: Scheme = {
  name: 'Russian Cyrillic',
  letters: {
    ա: 'а', բ: 'б', գ: 'г', դ: 'д', ե: 'е', զ: 'з', է: 'э', ը: 'ы', թ: 'т', ժ: 'ж', ի: 'и', լ: 'л', խ: 'х', ծ: 'ц',
    կ: 'к', հ: 'г', ձ: 'дз', ղ: 'г', ճ: 'ч', մ: 'м', յ: 'й', ն: 'н', շ: 'ш', ո: 'о', չ: 'ч', պ: 'п', ջ: 'дж', ռ: 'р',
    ս: 'с', վ: 'в', տ: 'т', ր: 'р', ց: 'ц', փ: 'п', ք: 'к', օ: 'о', ֆ: 'ф', և: 'ев', U: 'у', Ā: 'я', Ū: 'ю',
  },
  initial: { ե: 'е', ո: 'во' },
  before: [...ARMENIAN_DIGRAPH, [/յա/g, 'Ā'], [/յU/g, 'Ū']],
};

export const ARMENIAN_GERMAN: Scheme = {
  name: 'German (Duden)',
  letters: {
    ...ARMENIAN_BGN_LETTERS, զ: 's', թ: 't', ժ: 'sch', խ: 'ch', ծ: 'z', ձ: 'ds', ճ: 'tsch', յ: 'j', շ: 'sch', չ: 'tsch',
    ջ: 'dsch', ռ: 'r', վ: 'w', ց: 'z', փ: 'p', ք: 'k', ը: 'e', և: 'ew',
  },
  initial: { ե: 'je', ո: 'wo' },
  before: ARMENIAN_DIGRAPH,
};

export const ARMENIAN_FRENCH: Scheme = {
  name: 'French',
  letters: {
    ...ARMENIAN_BGN_LETTERS, թ: 't', ժ: 'j', ծ: 'ts', ճ: 'tch', շ: 'ch', չ: 'tch', ջ: 'dj', ռ: 'r', ց: 'ts', փ: 'p', ք: 'k',
    ը: 'e', U: 'ou',
  },
  initial: { ե: 'e', ո: 'vo' },
  afterVowel: { ս: 'ss' },
  before: ARMENIAN_DIGRAPH,
};

// ---- Georgian ----

const GEORGIAN_NATIONAL_LETTERS: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz',
  წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

/** The national system of 2002 (also BGN/PCGN 2009 and Georgian passports). */
export const GEORGIAN_NATIONAL: Scheme = { name: 'National 2002 (BGN/PCGN, passport)', letters: GEORGIAN_NATIONAL_LETTERS };

/** ISO 9984:1996: ejectives with dots and apostrophes, ž š č ǯ ʒ x ġ q̇. */
export const GEORGIAN_ISO: Scheme = {
  name: 'ISO 9984',
  letters: {
    ...GEORGIAN_NATIONAL_LETTERS, ჟ: 'ž', შ: 'š', ჩ: 'č', ჭ: 'č̣', ც: 'c', წ: 'c̣', ძ: 'ʒ', ხ: 'x', ჯ: 'ǯ', ღ: 'ġ', ყ: 'q̇',
    კ: 'ḳ', პ: 'ṗ', ტ: 'ṭ',
  },
};

/** Russian practical transcription of Georgian (Soviet records): ე is э at the start of a word. */
export const GEORGIAN_RUSSIAN: Scheme = {
  name: 'Russian Cyrillic',
  letters: {
    ა: 'а', ბ: 'б', გ: 'г', დ: 'д', ე: 'е', ვ: 'в', ზ: 'з', თ: 'т', ი: 'и', კ: 'к', ლ: 'л', მ: 'м', ნ: 'н', ო: 'о',
    პ: 'п', ჟ: 'ж', რ: 'р', ს: 'с', ტ: 'т', უ: 'у', ფ: 'п', ქ: 'к', ღ: 'г', ყ: 'к', შ: 'ш', ჩ: 'ч', ც: 'ц', ძ: 'дз',
    წ: 'ц', ჭ: 'ч', ხ: 'х', ჯ: 'дж', ჰ: 'х',
  },
  initial: { ე: 'э' },
};

export const GEORGIAN_GERMAN: Scheme = {
  name: 'German (Duden)',
  letters: { ...GEORGIAN_NATIONAL_LETTERS, ვ: 'w', ზ: 's', ჟ: 'sch', შ: 'sch', ჩ: 'tsch', ჭ: 'tsch', ც: 'z', წ: 'z', ძ: 'ds', ხ: 'ch', ჯ: 'dsch', ყ: 'k' },
};

export const GEORGIAN_FRENCH: Scheme = {
  name: 'French',
  letters: { ...GEORGIAN_NATIONAL_LETTERS, ჟ: 'j', შ: 'ch', ჩ: 'tch', ჭ: 'tch', ჯ: 'dj', უ: 'ou' },
  afterVowel: { ს: 'ss' },
};
