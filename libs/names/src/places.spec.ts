import { describe, expect, it } from 'vitest';
import { GAZETTEER, gazetteerPlaces, placeKeys, placesMatch } from './index';

describe('places through the gazetteer', () => {
  it.each([
    ['Алма-Ата', 'Алматы', 'Almaty', 'Верный', 'Alma-Ata'],
    ['Чимкент', 'Шымкент', 'Shymkent', 'Chimkent'],
    ['Фрунзе', 'Бишкек', 'Bishkek', 'Пишпек'],
    ['Ленинград', 'Санкт-Петербург', 'Saint Petersburg', 'Петроград'],
    ['Сталинград', 'Волгоград', 'Царицын', 'Stalingrad'],
    ['Ташкент', 'Тошкент', 'Toshkent', 'Tashkent'],
    ['Ереван', 'Երևան', 'Yerevan', 'Эривань'],
    ['Тбилиси', 'თბილისი', 'Tiflis', 'Тифлис'],
    ['Киев', 'Київ', 'Kyiv', 'Kiev'],
    ['Минск', 'Мінск', 'Minsk'],
  ])('every name of %s folds to one place', (...names) => {
    const [first, ...rest] = names;
    const id = placeKeys(first).filter((key) => key.startsWith('@'));
    expect(id).toHaveLength(1);
    for (const name of rest) expect(placeKeys(name)).toContain(id[0]);
  });

  it('reads a place in a sentence-like record', () => {
    expect(placesMatch('г. Алма-Ата, Казахская ССР', 'Almaty')).toBe(true);
    expect(gazetteerPlaces('Frunze, Kirghiz SSR').map((place) => place.id)).toEqual(['kyrgyzstan/bishkek']);
  });

  it('does not join different places', () => {
    expect(placesMatch('Алма-Ата', 'Астана')).toBe(false);
    expect(placesMatch('Ленинград', 'Сталинград')).toBe(false);
  });

  it('still folds places the gazetteer does not know', () => {
    expect(placesMatch('Новосибирск', 'Novosibirsk')).toBe(true);
    expect(placeKeys('Novosibirsk').some((key) => key.startsWith('@'))).toBe(false);
  });
});

describe('the gazetteer itself', () => {
  it('folds every name of every place to that place, and to no other', () => {
    for (const place of GAZETTEER) {
      for (const name of place.names) {
        expect(placeKeys(name).filter((key) => key.startsWith('@')), `${place.id}: ${name}`).toEqual([`@${place.id}`]);
      }
    }
  });

  it('has unique ids and covers the twelve countries', () => {
    expect(new Set(GAZETTEER.map((place) => place.id)).size).toBe(GAZETTEER.length);
    const countries = new Set(GAZETTEER.map((place) => place.country));
    for (const country of ['abkhazia', 'armenia', 'azerbaijan', 'belarus', 'georgia', 'kazakhstan', 'kyrgyzstan', 'moldova', 'tajikistan', 'uzbekistan', 'ukraine', 'south-ossetia']) {
      expect(countries).toContain(country);
    }
  });
});
