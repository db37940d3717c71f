/**
 * The words the search data generator writes, and how often.
 *
 * Three classes of words, so the benchmark can ask for each:
 * - common: in more than 20 % of the records (война / war, память / memory, солдат / soldier);
 * - medium: each in about 0.5–2 % of the records (партизан / partisan, госпиталь / hospital…);
 * - rare: place names made of three syllables (about 19 000 of them, so each
 *   one is in about N / 19 000 records: ~50 of a million) and surnames made of
 *   a root, a middle and a suffix of the country (each on a few dozen of two
 *   million people).
 * Besides these, every description takes words from a filler pool of ordinary
 * words (each in some 5–10 % of records) and a long tail of made-up words
 * (each in ~0.05 %), so the index has the shape of real text.
 *
 * Everything here is plain data; generate.ts turns it into SQL literals.
 */

export interface Pair {
  ru: string;
  en: string;
}

/** Common words: [ru, en, share of records whose descriptions carry them]. */
export const COMMON: (Pair & { share: number })[] = [
  { ru: 'война', en: 'war', share: 0.45 },
  { ru: 'память', en: 'memory', share: 0.32 },
  { ru: 'солдат', en: 'soldier', share: 0.24 },
];

/** Medium words, each with the share of records it is put into. */
export const MEDIUM: (Pair & { share: number })[] = [
  { ru: 'партизан', en: 'partisan', share: 0.01 },
  { ru: 'госпиталь', en: 'hospital', share: 0.015 },
  { ru: 'эвакуация', en: 'evacuation', share: 0.007 },
  { ru: 'блокада', en: 'blockade', share: 0.005 },
  { ru: 'танкист', en: 'tankman', share: 0.008 },
  { ru: 'медсестра', en: 'nurse', share: 0.012 },
  { ru: 'ополчение', en: 'militia', share: 0.006 },
  { ru: 'паровоз', en: 'locomotive', share: 0.02 },
];

/** Ordinary words every description picks a few of. */
export const FILLER: Pair[] = [
  { ru: 'город', en: 'town' }, { ru: 'деревня', en: 'village' }, { ru: 'семья', en: 'family' }, { ru: 'дом', en: 'house' },
  { ru: 'фронт', en: 'front' }, { ru: 'письмо', en: 'letter' }, { ru: 'фотография', en: 'photograph' }, { ru: 'награда', en: 'award' },
  { ru: 'медаль', en: 'medal' }, { ru: 'орден', en: 'order' }, { ru: 'школа', en: 'school' }, { ru: 'учитель', en: 'teacher' },
  { ru: 'завод', en: 'factory' }, { ru: 'колхоз', en: 'collective' }, { ru: 'поле', en: 'field' }, { ru: 'река', en: 'river' },
  { ru: 'мост', en: 'bridge' }, { ru: 'вокзал', en: 'station' }, { ru: 'площадь', en: 'square' }, { ru: 'улица', en: 'street' },
  { ru: 'сад', en: 'garden' }, { ru: 'музей', en: 'museum' }, { ru: 'архив', en: 'archive' }, { ru: 'дневник', en: 'diary' },
  { ru: 'карта', en: 'map' }, { ru: 'шинель', en: 'greatcoat' }, { ru: 'каска', en: 'helmet' }, { ru: 'винтовка', en: 'rifle' },
  { ru: 'знамя', en: 'banner' }, { ru: 'полк', en: 'regiment' }, { ru: 'дивизия', en: 'division' }, { ru: 'батальон', en: 'battalion' },
  { ru: 'рота', en: 'company' }, { ru: 'лётчик', en: 'pilot' }, { ru: 'моряк', en: 'sailor' }, { ru: 'связист', en: 'signaller' },
  { ru: 'сапёр', en: 'sapper' }, { ru: 'разведчик', en: 'scout' }, { ru: 'врач', en: 'doctor' }, { ru: 'мать', en: 'mother' },
  { ru: 'отец', en: 'father' }, { ru: 'брат', en: 'brother' }, { ru: 'сын', en: 'son' }, { ru: 'дочь', en: 'daughter' },
  { ru: 'весна', en: 'spring' }, { ru: 'зима', en: 'winter' }, { ru: 'лето', en: 'summer' }, { ru: 'осень', en: 'autumn' },
  { ru: 'победа', en: 'victory' }, { ru: 'мир', en: 'peace' }, { ru: 'хлеб', en: 'bread' }, { ru: 'работа', en: 'work' },
  { ru: 'гранит', en: 'granite' }, { ru: 'бронза', en: 'bronze' }, { ru: 'мрамор', en: 'marble' }, { ru: 'бетон', en: 'concrete' },
  { ru: 'звезда', en: 'star' }, { ru: 'венок', en: 'wreath' }, { ru: 'стела', en: 'stele' }, { ru: 'надпись', en: 'inscription' },
];

/** Syllables of made-up words: the long tail of the vocabulary (ru; en is their transliteration). */
export const TAIL_A = ['бра', 'вел', 'гор', 'дум', 'жар', 'зол', 'кал', 'лом', 'мир', 'нов', 'пал', 'рус', 'сол', 'тур', 'фан', 'хол', 'чар', 'шум', 'ярс', 'бук', 'вос', 'гал', 'дор', 'ким', 'лад'];
export const TAIL_B = ['ница', 'овка', 'ушка', 'ель', 'изна', 'ота', 'ище', 'ство', 'ина', 'ок', 'ень', 'ица', 'ыня', 'уха', 'арь', 'ник', 'ура', 'ежь', 'яга', 'ость'];
export const TAIL_C = ['', 'ка', 'на', 'ра', 'ло', 'ви', 'ду', 'се', 'то', 'ми', 'ба', 'ге', 'же', 'ку', 'ле', 'ны', 'по', 'ру', 'сы', 'ти'];

/** Place names: P1 + P2 + P3, 40 × 40 × 12 = 19 200 of them. */
export const PLACE_1 = [
  'Бел', 'Чер', 'Зар', 'Кам', 'Лес', 'Ниж', 'Вер', 'Сос', 'Ключ', 'Крас', 'Гол', 'Дуб', 'Жур', 'Бор', 'Мох', 'Топ', 'Снег', 'Ветл', 'Ольх', 'Ряб',
  'Сух', 'Мокр', 'Глин', 'Песч', 'Камыш', 'Лип', 'Клен', 'Гриб', 'Ягод', 'Роз', 'Тих', 'Быстр', 'Тёпл', 'Хол', 'Светл', 'Тёмн', 'Журавл', 'Орл', 'Сокол', 'Лебяж',
];
export const PLACE_2 = [
  'ов', 'еч', 'огор', 'ян', 'ин', 'ар', 'ез', 'ол', 'ищ', 'ыш', 'ород', 'опол', 'ист', 'ав', 'ур', 'ень', 'овр', 'ал', 'ес', 'от',
  'ун', 'ык', 'им', 'ер', 'уш', 'ат', 'ох', 'ан', 'аг', 'ем', 'уг', 'ыр', 'ед', 'ям', 'ос', 'ич', 'ам', 'иг', 'ул', 'об',
];
export const PLACE_3 = ['ск', 'ка', 'ино', 'ово', 'овка', 'ец', 'поль', 'град', 'ище', 'ье', 'ичи', 'ень'];

/** The most frequent Russian surnames: 10 % of all people carry one of these (0.5 % each). */
export const COMMON_SURNAMES = [
  'Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Федоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семенов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
];
/** Other surnames: root + middle + a suffix of the country. */
export const SURNAME_ROOTS = [
  'Бел', 'Черн', 'Кузь', 'Гор', 'Мельн', 'Тар', 'Сав', 'Лук', 'Бог', 'Вол', 'Дем', 'Ефр', 'Жук', 'Зай', 'Кир', 'Лог', 'Мак', 'Нест', 'Ос', 'Пан',
  'Руд', 'Сид', 'Тим', 'Ус', 'Фом', 'Хар', 'Цар', 'Чуд', 'Шав', 'Юр', 'Аван', 'Баг', 'Гев', 'Дав', 'Зур', 'Кар', 'Лев', 'Мур', 'Нар', 'Ован',
  'Пет', 'Роб', 'Сам', 'Тигр', 'Хач', 'Абд', 'Бек', 'Гал', 'Джан', 'Ерм', 'Жан', 'Ибр', 'Кад', 'Мам', 'Нур', 'Олж', 'Рах', 'Сул', 'Тох', 'Умар',
  'Бер', 'Гел', 'Джав', 'Кап', 'Лом', 'Мах', 'Нод', 'Отар', 'Пап', 'Рев', 'Сих', 'Чхе', 'Шен', 'Бур', 'Гур', 'Дор', 'Кох', 'Мир', 'Тед', 'Хуб',
  'Бонд', 'Ковал', 'Крав', 'Лысен', 'Марч', 'Олейн', 'Прох', 'Ткач', 'Шевч', 'Яцен', 'Буз', 'Вакул', 'Грин', 'Дан', 'Каз', 'Мор', 'Онуф', 'Руб', 'Сем', 'Хом',
];
export const SURNAME_MIDDLES = ['ар', 'ер', 'ул', 'ан', 'ин', 'ош', 'ик', 'ав', 'ур', 'ел', 'ам', 'от', 'ис', 'он', 'ыш', 'уг', 'ед', 'оз', 'еч', 'уш'];
/** Suffixes by the country's own language. */
export const SURNAME_SUFFIXES: Record<string, string[]> = {
  ab: ['ба', 'ия', 'ипа'],
  hy: ['ян', 'янц', 'унц'],
  az: ['ов', 'ли', 'заде'],
  be: ['ич', 'енок', 'ский'],
  ka: ['швили', 'дзе', 'ава'],
  kk: ['ов', 'бек', 'улы'],
  ky: ['ов', 'уулу', 'бек'],
  ro: ['ул', 'еску', 'ану'],
  tg: ['ов', 'зода', 'ёв'],
  uz: ['ов', 'ев', 'жанов'],
  uk: ['енко', 'чук', 'ко'],
  os: ['ти', 'ов', 'аев'],
};
export const GIVEN_NAMES = [
  'Иван', 'Петр', 'Николай', 'Алексей', 'Михаил', 'Василий', 'Григорий', 'Сергей', 'Андрей', 'Дмитрий', 'Федор', 'Степан',
  'Павел', 'Яков', 'Илья', 'Тимофей', 'Семен', 'Борис', 'Виктор', 'Анатолий', 'Ашот', 'Гиви', 'Арман', 'Бахтияр', 'Рустам',
  'Тахир', 'Мамед', 'Нурлан', 'Ион', 'Тарас', 'Остап', 'Казбек', 'Заур', 'Асхат', 'Шота', 'Вахтанг',
];
export const PATRONYMICS = [
  'Иванович', 'Петрович', 'Николаевич', 'Алексеевич', 'Михайлович', 'Васильевич', 'Григорьевич', 'Сергеевич', 'Андреевич',
  'Дмитриевич', 'Федорович', 'Степанович', 'Павлович', 'Яковлевич', 'Ильич', 'Семенович', 'Борисович', 'Викторович',
];

export const ITEM_KINDS = ['artefact', 'photograph', 'document', 'artwork', 'building', 'story'] as const;
export const MEMORIAL_KINDS = ['monument', 'obelisk', 'bust', 'plaque', 'mass-grave', 'cemetery', 'other'] as const;
export const CONDITIONS = ['good', 'fair', 'poor', 'very-bad', 'lost'] as const;

/** How a kind is named at the start of a title. */
export const KIND_NAMES: Record<string, Pair> = {
  artefact: { ru: 'Предмет', en: 'Object' },
  photograph: { ru: 'Фотография', en: 'Photograph' },
  document: { ru: 'Документ', en: 'Document' },
  artwork: { ru: 'Картина', en: 'Painting' },
  building: { ru: 'Здание', en: 'Building' },
  story: { ru: 'Воспоминания', en: 'Recollections' },
  monument: { ru: 'Памятник', en: 'Monument' },
  obelisk: { ru: 'Обелиск', en: 'Obelisk' },
  bust: { ru: 'Бюст', en: 'Bust' },
  plaque: { ru: 'Мемориальная доска', en: 'Memorial plaque' },
  'mass-grave': { ru: 'Братская могила', en: 'Mass grave' },
  cemetery: { ru: 'Воинское кладбище', en: 'War cemetery' },
  other: { ru: 'Мемориал', en: 'Memorial' },
};

/** What an item's title is about. */
export const ITEM_TOPICS: Pair[] = [
  { ru: 'Письмо с фронта', en: 'Letter from the front' }, { ru: 'Фронтовой дневник', en: 'Front-line diary' },
  { ru: 'Портрет ветерана', en: 'Portrait of a veteran' }, { ru: 'Похоронка', en: 'Death notice' },
  { ru: 'Солдатский медальон', en: 'Soldier identity capsule' }, { ru: 'Наградной лист', en: 'Award sheet' },
  { ru: 'Красноармейская книжка', en: 'Red Army service book' }, { ru: 'Эшелон на станции', en: 'Troop train at the station' },
  { ru: 'Проводы на фронт', en: 'Seeing off to the front' }, { ru: 'Встреча победителей', en: 'Welcoming the victors' },
  { ru: 'Школьный класс', en: 'School class' }, { ru: 'Сельский клуб', en: 'Village club' },
  { ru: 'Фронтовая газета', en: 'Front-line newspaper' }, { ru: 'Плакат', en: 'Poster' },
  { ru: 'Продовольственная карточка', en: 'Ration card' }, { ru: 'Карточка беженца', en: 'Refugee card' },
];

/** What a memorial's title dedicates it to. */
export const DEDICATIONS: Pair[] = [
  { ru: 'павшим воинам', en: 'to the fallen soldiers' }, { ru: 'погибшим землякам', en: 'to the fallen fellow villagers' },
  { ru: 'героям обороны', en: 'to the heroes of the defence' }, { ru: 'воинам-освободителям', en: 'to the liberators' },
  { ru: 'жертвам войны', en: 'to the victims of the war' }, { ru: 'труженикам тыла', en: 'to the home front workers' },
];

/**
 * Words in the country's own language, in this order:
 * monument, war, memory, soldier, heroes, village, photograph, document, letter, fallen.
 * Indexed with the `simple` configuration (word for word).
 */
export const NATIVE_WORDS: Record<string, string[]> = {
  ab: ['абаҟа', 'аибашьра', 'агәаларшәара', 'абџьарҩы', 'афырхацәа', 'ақыҭа', 'асахьа', 'адокумент', 'асалам', 'иҭахаз'],
  hy: ['հուշարձան', 'պատերազմ', 'հիշատակ', 'զինվոր', 'հերոսներ', 'գյուղ', 'լուսանկար', 'փաստաթուղթ', 'նամակ', 'զոհված'],
  az: ['abidə', 'müharibə', 'xatirə', 'əsgər', 'qəhrəmanlar', 'kənd', 'fotoşəkil', 'sənəd', 'məktub', 'həlak'],
  be: ['помнік', 'вайна', 'памяць', 'салдат', 'героі', 'вёска', 'фотаздымак', 'дакумент', 'ліст', 'загінулыя'],
  ka: ['ძეგლი', 'ომი', 'ხსოვნა', 'ჯარისკაცი', 'გმირები', 'სოფელი', 'ფოტოსურათი', 'დოკუმენტი', 'წერილი', 'დაღუპული'],
  kk: ['ескерткіш', 'соғыс', 'естелік', 'жауынгер', 'батырлар', 'ауыл', 'фотосурет', 'құжат', 'хат', 'қаза'],
  ky: ['эстелик', 'согуш', 'эскерүү', 'жоокер', 'баатырлар', 'айыл', 'сүрөт', 'документ', 'кат', 'курман'],
  ro: ['monument', 'război', 'memorie', 'soldat', 'eroi', 'sat', 'fotografie', 'document', 'scrisoare', 'căzuți'],
  tg: ['ёдгорӣ', 'ҷанг', 'хотира', 'сарбоз', 'қаҳрамонон', 'деҳа', 'акс', 'ҳуҷҷат', 'мактуб', 'ҳалокшуда'],
  uz: ['yodgorlik', 'urush', 'xotira', 'askar', 'qahramonlar', 'qishloq', 'surat', 'hujjat', 'xat', 'halok'],
  uk: ['монумент', 'війна', 'спогад', 'солдат', 'герої', 'село', 'фотографія', 'документ', 'лист', 'загиблі'],
  os: ['цырт', 'хæст', 'ном', 'салдат', 'хъæбатыртæ', 'хъæу', 'къам', 'гæххæтт', 'фыстæг', 'фæмард'],
};

/**
 * The twelve countries: share of the records (per cent, sums to 100), the
 * centre of their territory and how far points spread around it (degrees).
 */
export const COUNTRY_SHAPE: Record<string, { percent: number; lat: number; lng: number; spread: number }> = {
  ukraine: { percent: 18, lat: 49.0, lng: 31.5, spread: 2.5 },
  belarus: { percent: 14, lat: 53.7, lng: 27.9, spread: 1.8 },
  kazakhstan: { percent: 12, lat: 48.0, lng: 67.0, spread: 4 },
  uzbekistan: { percent: 9, lat: 41.3, lng: 64.5, spread: 2 },
  armenia: { percent: 8, lat: 40.2, lng: 44.8, spread: 0.6 },
  georgia: { percent: 8, lat: 42.2, lng: 43.5, spread: 0.8 },
  azerbaijan: { percent: 7, lat: 40.4, lng: 47.8, spread: 1 },
  kyrgyzstan: { percent: 6, lat: 41.4, lng: 74.6, spread: 1.5 },
  tajikistan: { percent: 6, lat: 38.7, lng: 70.8, spread: 1.2 },
  moldova: { percent: 5, lat: 47.1, lng: 28.6, spread: 0.6 },
  abkhazia: { percent: 3.5, lat: 43.0, lng: 41.0, spread: 0.3 },
  'south-ossetia': { percent: 3.5, lat: 42.3, lng: 44.0, spread: 0.2 },
};

/** Cyrillic to Latin, letter by letter (the multi-letter ones are replaced first). */
export const TRANSLIT_MULTI: [string, string][] = [
  ['щ', 'shch'], ['Щ', 'Shch'], ['ж', 'zh'], ['Ж', 'Zh'], ['ч', 'ch'], ['Ч', 'Ch'], ['ш', 'sh'], ['Ш', 'Sh'],
  ['ю', 'yu'], ['Ю', 'Yu'], ['я', 'ya'], ['Я', 'Ya'], ['х', 'kh'], ['Х', 'Kh'], ['ц', 'ts'], ['Ц', 'Ts'], ['ё', 'yo'], ['Ё', 'Yo'],
];
export const TRANSLIT_SINGLE: [string, string][] = [
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['е', 'e'], ['з', 'z'], ['и', 'i'], ['й', 'y'], ['к', 'k'], ['л', 'l'],
  ['м', 'm'], ['н', 'n'], ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'], ['ф', 'f'], ['ы', 'y'], ['э', 'e'],
  ['А', 'A'], ['Б', 'B'], ['В', 'V'], ['Г', 'G'], ['Д', 'D'], ['Е', 'E'], ['З', 'Z'], ['И', 'I'], ['Й', 'Y'], ['К', 'K'], ['Л', 'L'],
  ['М', 'M'], ['Н', 'N'], ['О', 'O'], ['П', 'P'], ['Р', 'R'], ['С', 'S'], ['Т', 'T'], ['У', 'U'], ['Ф', 'F'], ['Ы', 'Y'], ['Э', 'E'],
];
/** Letters dropped in transliteration. */
export const TRANSLIT_DROP = ['ь', 'ъ', 'Ь', 'Ъ'];
