import { cleanText, tokenize, tokenKeys } from './fold';
import { GAZETTEER, type GazetteerPlace } from './gazetteer';

/** Place keys of a gazetteer place start with this, so they never meet a folded spelling by chance. */
export const PLACE_ID_PREFIX = '@';

/**
 * Words that say what kind of place it is (г. Алма-Ата, село Верное, Almaty city, Almaty oblysy),
 * as their folded keys: dropped before folding the name itself.
 */
const KIND_WORDS = new Set(
  [
    'г', 'гор', 'город', 'с', 'село', 'д', 'дер', 'деревня', 'пос', 'посёлок', 'пгт', 'ст', 'станица', 'аул', 'кишлак',
    'обл', 'область', 'р', 'н', 'рн', 'район', 'ссср', 'асср', 'сср', 'city', 'town', 'village', 'oblast', 'region',
    'district', 'rayon', 'oblysy', 'qalasy', 'shahri', 'viloyati', 'tumani', 'stadt', 'ville', 'miasto',
  ].flatMap((word) => tokenKeys(word)),
);

/** The folded keys of one place name, its words joined: Алма-Ата, Alma Ata and Almaata meet. */
function joinedKeys(part: string): string[] {
  const words = tokenize(cleanText(part)).filter((word) => !tokenKeys(word).some((key) => KIND_WORDS.has(key)));
  return words.length === 0 ? [] : tokenKeys(words.join(''));
}

let index: Map<string, Set<string>> | null = null;

/** Folded key → ids of the gazetteer places one of whose names folds to it (built once, lazily). */
function gazetteerIndex(): Map<string, Set<string>> {
  if (index) return index;
  index = new Map();
  for (const place of GAZETTEER) {
    for (const name of place.names) {
      for (const key of joinedKeys(name)) {
        const ids = index.get(key) ?? new Set<string>();
        ids.add(place.id);
        index.set(key, ids);
      }
    }
  }
  return index;
}

/**
 * Keys of a place as written in a record or a query: for each comma-separated part, its folded
 * keys, and `@<id>` of every gazetteer place that part names (under any of its names, in any
 * script, old or new). Two places match when their keys overlap; store as `text[]` like names.
 */
export function placeKeys(place: string): string[] {
  const keys = new Set<string>();
  for (const part of cleanText(place).split(/[,;/()]/)) {
    for (const key of joinedKeys(part)) {
      keys.add(key);
      for (const id of gazetteerIndex().get(key) ?? []) keys.add(PLACE_ID_PREFIX + id);
    }
  }
  return [...keys];
}

/** The gazetteer places a text names (for display: "Alma-Ata, now Almaty"). */
export function gazetteerPlaces(place: string): GazetteerPlace[] {
  const ids = new Set(placeKeys(place).filter((key) => key.startsWith(PLACE_ID_PREFIX)).map((key) => key.slice(1)));
  return GAZETTEER.filter((entry) => ids.has(entry.id));
}

/** Whether two place texts name the same place (a gazetteer place, or the same folded spelling). */
export function placesMatch(a: string, b: string): boolean {
  const left = new Set(placeKeys(a));
  return placeKeys(b).some((key) => left.has(key));
}
