import { describe, expect, it } from 'vitest';
import { dataOfPage, inLanguage, publicData } from './public-paths';

describe('the data of a visitor page', () => {
  it('is named exactly as the page asks for it', () => {
    expect(dataOfPage('/', 'en')).toBe(publicData.countries());
    expect(dataOfPage('/kazakhstan', 'ru')).toBe(inLanguage(publicData.countryHome('kazakhstan'), 'ru'));
    expect(dataOfPage('/kazakhstan/exhibitions/home-front', 'en')).toBe(inLanguage(publicData.record('exhibition', 'kazakhstan', 'home-front'), 'en'));
    expect(dataOfPage('/kazakhstan/items/field-flask/', 'en')).toBe('/api/public/countries/kazakhstan/items/field-flask?lang=en');
    expect(dataOfPage('/armenia/memorials/mother-armenia', 'ru')).toBe('/api/public/countries/armenia/memorials/mother-armenia?lang=ru');
  });

  it('decodes the address and encodes the request alike, as the router and the page do', () => {
    expect(dataOfPage('/kazakhstan/items/%D1%84%D0%BB%D1%8F%D0%B3%D0%B0', 'ru')).toBe(`/api/public/countries/kazakhstan/items/${encodeURIComponent('фляга')}?lang=ru`);
  });

  it('is none for staff pages, search, unknown shapes and broken addresses', () => {
    for (const path of ['/login', '/studio', '/studio/items/1', '/review', '/admin', '/notifications', '/search', '/kazakhstan/places/x', '/a/b', '/a/b/c/d', '/%E0%A4%A']) {
      expect(dataOfPage(path, 'en'), path).toBeNull();
    }
  });
});
