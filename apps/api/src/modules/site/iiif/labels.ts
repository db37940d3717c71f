import type { Condition, Fate, ItemKind, MemorialKind } from '@vitrina/contracts';

/** A label in the languages the UI speaks, as a IIIF language map. */
export type IiifLabel = { en: [string]; ru: [string] };

const label = (en: string, ru: string): IiifLabel => ({ en: [en], ru: [ru] });

/**
 * The labels of manifest metadata. The vocabularies below are the web's
 * words for the same values (apps/web/src/i18n, `kinds`, `memorialKinds`,
 * `conditions`, `person.fates`); labels.spec.ts holds them equal.
 */
export const FIELD_LABELS = {
  attribution: label('Attribution', 'Источник'),
  kind: label('Kind', 'Вид'),
  creator: label('Creator', 'Автор'),
  date: label('Date', 'Дата'),
  place: label('Place', 'Место'),
  materials: label('Materials', 'Материалы'),
  dimensions: label('Dimensions', 'Размеры'),
  inventoryNumber: label('Inventory number', 'Инвентарный номер'),
  address: label('Address', 'Адрес'),
  unveiled: label('Unveiled', 'Открыт'),
  condition: label('Condition', 'Состояние'),
  born: label('Born', 'Родился'),
  died: label('Died', 'Умер'),
  rank: label('Rank', 'Звание'),
  unit: label('Unit', 'Часть'),
  fate: label('Fate', 'Судьба'),
  subjects: label('Subjects', 'Темы'),
  section: (n: number) => label(`Section ${n}`, `Раздел ${n}`),
  webPage: label('Web page', 'Страница на сайте'),
  linkedData: label('Linked data (JSON-LD)', 'Связанные данные (JSON-LD)'),
} as const;

export const ITEM_KIND_LABELS: Record<ItemKind, IiifLabel> = {
  artefact: label('Artefact', 'Предмет'),
  photograph: label('Photograph', 'Фотография'),
  document: label('Document', 'Документ'),
  artwork: label('Artwork', 'Произведение искусства'),
  building: label('Building', 'Здание'),
  story: label('Story', 'История'),
};

export const MEMORIAL_KIND_LABELS: Record<MemorialKind, IiifLabel> = {
  monument: label('Monument', 'Памятник'),
  obelisk: label('Obelisk', 'Обелиск'),
  bust: label('Bust', 'Бюст'),
  plaque: label('Plaque', 'Мемориальная доска'),
  'mass-grave': label('Mass grave', 'Братская могила'),
  cemetery: label('Cemetery', 'Кладбище'),
  other: label('Memorial', 'Мемориал'),
};

export const CONDITION_LABELS: Record<Condition, IiifLabel> = {
  good: label('good', 'хорошее'),
  fair: label('fair', 'удовлетворительное'),
  poor: label('poor', 'плохое'),
  'very-bad': label('very bad', 'очень плохое'),
  lost: label('lost', 'утрачен'),
};

export const FATE_LABELS: Record<Fate, IiifLabel> = {
  killed: label('Killed in action', 'Погиб в бою'),
  missing: label('Missing in action', 'Пропал без вести'),
  'died-of-wounds': label('Died of wounds', 'Умер от ран'),
  'died-in-captivity': label('Died in captivity', 'Погиб в плену'),
  survived: label('Survived the war', 'Вернулся с войны'),
  unknown: label('Unknown', 'Неизвестно'),
};

/** What each kind of record's collection is called in a country's IIIF Collection. */
export const COLLECTION_LABELS = {
  items: label('Items', 'Предметы'),
  memorials: label('Memorials', 'Мемориалы'),
  exhibitions: label('Exhibitions', 'Выставки'),
  people: label('People', 'Люди'),
} as const;
