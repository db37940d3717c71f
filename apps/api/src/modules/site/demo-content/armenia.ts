import { CC_BY, type DemoCountryContent, PUBLIC_DOMAIN, demoTitle, ruEn } from './types';

const credit = ruEn('Демонстрационная коллекция «Витрины»', 'Vitrina demonstration collection');

export const ARMENIA_DEMO: DemoCountryContent = {
  countrySlug: 'armenia',
  intro: ruEn(
    'Демонстрационное содержание. Небольшая выставка показывает, как выглядит музей Армении на платформе «Витрина».',
    'Demonstration content. A small exhibition shows what the museum of Armenia looks like on the Vitrina platform.',
  ),
  items: [
    {
      slug: 'yerevan-1945-photo',
      kind: 'photograph',
      title: demoTitle('Встреча вернувшихся с фронта, Ереван', 'Welcoming those back from the front, Yerevan'),
      description: ruEn(
        'Снимок встречи на вокзале. Фотограф неизвестен; снимок хранится в семейном архиве.',
        'A photograph of a welcome at the railway station. The photographer is unknown; the print is kept in a family archive.',
      ),
      date: { earliest: 1945, latest: 1945, display: ruEn('1945', '1945') },
      place: ruEn('Ереван', 'Yerevan'),
      creditLine: credit,
      rights: PUBLIC_DOMAIN,
      inventoryNumber: 'DEMO-AM-001',
      tags: ['1945', 'Yerevan'],
      location: { lat: 40.1561, lng: 44.5085 },
    },
    {
      slug: 'carved-cigarette-case',
      kind: 'artefact',
      title: demoTitle('Портсигар с резьбой', 'A carved cigarette case'),
      description: ruEn('Деревянный портсигар, вырезанный солдатом в госпитале.', 'A wooden cigarette case carved by a soldier in hospital.'),
      date: { earliest: 1943, latest: 1944 },
      materials: ruEn('Дерево', 'Wood'),
      dimensions: '9 × 6 cm',
      creditLine: credit,
      rights: CC_BY,
      inventoryNumber: 'DEMO-AM-002',
      tags: ['trench art'],
    },
    {
      slug: 'family-story-gyumri',
      kind: 'story',
      title: demoTitle('Семейная история из Гюмри', 'A family story from Gyumri'),
      description: ruEn(
        'Три брата ушли на фронт, вернулся один. Внучка записала его рассказ в 1990-х годах.',
        'Three brothers went to the front and one came back. His granddaughter recorded his account in the 1990s.',
      ),
      place: ruEn('Гюмри', 'Gyumri'),
      creditLine: credit,
      rights: CC_BY,
      inventoryNumber: 'DEMO-AM-003',
      tags: ['oral history'],
    },
  ],
  memorials: [
    {
      slug: 'mother-armenia',
      kind: 'monument',
      title: demoTitle('Монумент «Мать Армения»', 'Mother Armenia monument'),
      description: ruEn(
        'Монумент в парке Победы в Ереване. Имена на этом демонстрационном мемориале вымышлены и служат только примером.',
        'The monument in Victory Park, Yerevan. The names on this demonstration memorial are invented and serve only as an example.',
      ),
      location: { lat: 40.1931, lng: 44.5237 },
      address: ruEn('Ереван, парк Победы', 'Yerevan, Victory Park'),
      unveilingDate: '1967',
      people: [
        { name: 'Арутюнян Ашот', variants: ['Harutyunyan Ashot', 'Арутюнян А.'], birthYear: 1916, deathYear: 1943, rank: 'сержант' },
        { name: 'Саркисян Гурген', variants: ['Sargsyan Gurgen', 'Sarkisian Gurgen'], birthYear: 1920, deathYear: 1944 },
      ],
      conditionSurveys: [{ date: '2024-09-01', condition: 'good' }],
      events: [{ date: '1967', type: 'unveiling' }],
      creditLine: credit,
      rights: CC_BY,
    },
    {
      slug: 'village-memorial-aparan',
      kind: 'obelisk',
      title: demoTitle('Сельский мемориал в Апаране', 'Village memorial in Aparan'),
      description: ruEn(
        'Обелиск с именами жителей окрестных сёл. Имена на этом демонстрационном мемориале вымышлены и служат только примером.',
        'An obelisk with the names of people from the surrounding villages. The names on this demonstration memorial are invented and serve only as an example.',
      ),
      location: { lat: 40.5936, lng: 44.3589 },
      address: ruEn('Апаран, центральная площадь', 'Aparan, central square'),
      unveilingDate: '1975-05-09',
      inscriptions: [{ original: 'Հավերժ փառք', originalLanguage: 'hy', translations: ruEn('Вечная слава', 'Eternal glory') }],
      people: [{ name: 'Мкртчян Ваган', variants: ['Mkrtchyan Vahan'], deathYear: 1942, rank: 'рядовой' }],
      conditionSurveys: [
        { date: '2018', condition: 'poor' },
        { date: '2023-05-05', condition: 'fair' },
      ],
      events: [
        { date: '1975-05-09', type: 'unveiling' },
        { date: '2022', type: 'restoration', actor: 'Village council (demo)' },
      ],
      creditLine: credit,
      rights: CC_BY,
    },
  ],
  exhibitions: [
    {
      slug: 'return-and-remembrance',
      title: demoTitle('Возвращение и память', 'Return and remembrance'),
      summary: ruEn('Небольшая демонстрационная выставка о возвращении с войны.', 'A small demonstration exhibition about coming home from the war.'),
      coverItemSlug: 'yerevan-1945-photo',
      sections: [
        {
          id: '7a2d3b1f-9e5c-4a8b-8d32-000000000101',
          title: ruEn('Встреча', 'Homecoming'),
          blocks: [
            { id: '7a2d3b1f-9e5c-4a8b-8d32-000000000201', type: 'item', itemSlug: 'yerevan-1945-photo' },
            { id: '7a2d3b1f-9e5c-4a8b-8d32-000000000202', type: 'gallery', itemSlugs: ['carved-cigarette-case', 'family-story-gyumri'] },
          ],
        },
        {
          id: '7a2d3b1f-9e5c-4a8b-8d32-000000000102',
          title: ruEn('Мемориалы', 'Memorials'),
          blocks: [{ id: '7a2d3b1f-9e5c-4a8b-8d32-000000000203', type: 'map', memorialSlugs: ['mother-armenia', 'village-memorial-aparan'] }],
        },
      ],
    },
  ],
};
