import type { ItemInput } from '@vitrina/contracts';
import { CC_BY, type DemoCountryContent, type DemoMemorial, NO_KNOWN_COPYRIGHT, PUBLIC_DOMAIN, demoTitle, label, memorialDescription, ruEn } from './types';

const credit = ruEn('Демонстрационная коллекция платформы «Витрина»', 'Vitrina platform demonstration collection');
const demoSurveyor = 'Волонтёры «Витрины» (демо) / Vitrina volunteers (demo)';

const YEREVAN_STATION = { lat: 40.1561, lng: 44.5085 };
const GARNI = { lat: 40.1189, lng: 44.7316 };

const items: ItemInput[] = [
  {
    slug: 'yerevan-1945-photo',
    kind: 'photograph',
    title: demoTitle('Встреча вернувшихся с фронта на ереванском вокзале', 'Welcoming soldiers back from the front at Yerevan station'),
    description: ruEn(
      'Снимок встречи демобилизованных воинов на вокзале. Эшелоны с фронтовиками приходили в Ереван с лета 1945 года, и встречать их выходили целыми семьями. Фотограф неизвестен; люди на снимке пока не опознаны.',
      'A photograph of demobilised soldiers being welcomed at the railway station. Trains carrying front-line soldiers reached Yerevan from the summer of 1945, and whole families came out to meet them. The photographer is unknown; the people in the picture have not yet been identified.',
    ),
    creator: ruEn('Фотограф неизвестен', 'Unknown photographer'),
    date: { earliest: 1945, latest: 1946, display: ruEn('1945–1946 годы', '1945–1946') },
    place: ruEn('Ереван, железнодорожный вокзал', 'Yerevan, railway station'),
    materials: ruEn('Желатино-серебряная печать', 'Gelatin silver print'),
    dimensions: '9 × 13 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: снимок хранился в семейном архиве и передан правнуком одного из встречавших.',
      'Illustrative provenance for the demo: the print was kept in a family archive and donated by the great-grandson of one of the people at the station.',
    ),
    creditLine: credit,
    rights: NO_KNOWN_COPYRIGHT,
    inventoryNumber: 'DEMO-AM-001',
    tags: [label('1945'), label('Ереван', 'Yerevan'), label('возвращение', 'homecoming')],
    location: YEREVAN_STATION,
  },
  {
    slug: 'carved-cigarette-case',
    kind: 'artefact',
    title: demoTitle('Резной портсигар, сделанный в госпитале', 'A carved cigarette case made in hospital'),
    description: ruEn(
      'Деревянный портсигар с вырезанным орнаментом и надписью «1944». По семейному преданию, его вырезал раненый солдат, пока лечился в госпитале, и привёз домой в подарок отцу. Подобные самодельные вещи часто становились семейными реликвиями.',
      'A wooden cigarette case with carved ornament and the inscription “1944”. According to family tradition, a wounded soldier carved it while recovering in hospital and brought it home as a present for his father. Home-made objects like this often became family heirlooms.',
    ),
    date: { earliest: 1943, latest: 1944, display: ruEn('около 1944 года', 'around 1944') },
    materials: ruEn('Дерево (орех), резьба', 'Wood (walnut), carving'),
    dimensions: '9 × 6 × 2 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: передан внучкой мастера.',
      'Illustrative provenance for the demo: donated by the maker’s granddaughter.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-AM-002',
    tags: [label('окопное искусство', 'trench art'), label('госпитали', 'hospitals')],
  },
  {
    slug: 'tamanyan-division-letter',
    kind: 'document',
    title: demoTitle('Письмо бойца 89-й стрелковой дивизии', 'A letter from a soldier of the 89th Rifle Division'),
    description: ruEn(
      'Письмо на армянском языке, отправленное полевой почтой. 89-я стрелковая дивизия, сформированная в Армении, получила почётное наименование «Таманская» и весной 1945 года участвовала в Берлинской операции. Автор пишет родным о скором возвращении и перечисляет односельчан, служащих с ним в одной части.',
      'A letter in Armenian sent by field post. The 89th Rifle Division, formed in Armenia, was given the honorary name “Taman” and in the spring of 1945 took part in the Berlin operation. The writer tells his family he will soon be home and lists fellow villagers serving in the same unit.',
    ),
    date: { earliest: 1945, latest: 1945, display: ruEn('весна 1945 года', 'spring 1945') },
    place: ruEn('Действующая армия, полевая почта', 'Army in the field, field post'),
    materials: ruEn('Бумага, чернила', 'Paper, ink'),
    dimensions: '20 × 14 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: письмо хранилось в семье адресата в Котайкской области.',
      'Illustrative provenance for the demo: the letter was kept by the addressee’s family in Kotayk Province.',
    ),
    creditLine: credit,
    rights: PUBLIC_DOMAIN,
    inventoryNumber: 'DEMO-AM-003',
    tags: [label('письма', 'letters'), label('Таманская дивизия', 'Taman Division'), label('1945')],
  },
  {
    slug: 'waiting-story',
    kind: 'story',
    title: demoTitle('«Она ждала до самой старости»: семейная история', '“She waited into old age”: a family story'),
    description: ruEn(
      'Рассказ внучки о бабушке, муж которой пропал без вести в 1942 году. Всю жизнь она надеялась на его возвращение и хранила его письма в сундуке. Семья продолжает искать сведения о нём в архивах и базах данных.',
      'A granddaughter’s account of her grandmother, whose husband went missing in 1942. All her life she hoped he would return and kept his letters in a chest. The family is still searching archives and databases for information about him.',
    ),
    creator: ruEn('Записано волонтёрами проекта (демо)', 'Recorded by project volunteers (demo)'),
    date: { earliest: 1942, latest: 1990, display: ruEn('1942 год и последующие десятилетия', '1942 and the decades that followed') },
    place: ruEn('Гарни, Котайкская область', 'Garni, Kotayk Province'),
    provenance: ruEn(
      'Условная история поступления для демонстрации: интервью записано в 2021 году.',
      'Illustrative provenance for the demo: the interview was recorded in 2021.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-AM-004',
    tags: [label('пропавшие без вести', 'missing in action'), label('устная история', 'oral history')],
    location: GARNI,
  },
];

const memorials: DemoMemorial[] = [
  {
    slug: 'mother-armenia-yerevan',
    kind: 'monument',
    title: demoTitle('Монумент «Мать Армения» в Парке Победы', 'Mother Armenia monument in Victory Park'),
    description: ruEn(
      'Монумент «Мать Армения» в ереванском Парке Победы установлен в 1967 году на постаменте, оставшемся от снятого памятника Сталину; автор статуи — скульптор Ара Арутюнян. Фигура женщины с мечом стала одним из символов памяти о войне, а в постаменте сегодня работает военный музей. Обследования состояния, надпись и журнал событий в этой записи — иллюстративные демонстрационные данные; имён на монументе нет.',
      'The Mother Armenia monument in Yerevan’s Victory Park was erected in 1967 on the pedestal left from a removed statue of Stalin; the statue is by the sculptor Ara Harutyunyan. The figure of a woman with a sword became one of the symbols of the memory of the war, and the pedestal now houses a military museum. The condition surveys, the inscription and the event log in this record are illustrative demo data; the monument bears no names.',
    ),
    creator: ruEn('Скульптор Ара Арутюнян', 'Sculptor Ara Harutyunyan'),
    date: { earliest: 1967, latest: 1967, display: ruEn('1967 год', '1967') },
    place: ruEn('Ереван', 'Yerevan'),
    materials: ruEn('Кованая медь (статуя), камень (постамент)', 'Hammered copper (statue), stone (pedestal)'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-AM-M01',
    tags: [label('Ереван', 'Yerevan'), label('Парк Победы', 'Victory Park')],
    location: { lat: 40.1931, lng: 44.5237 },
    address: ruEn('Ереван, Парк Победы', 'Yerevan, Victory Park'),
    unveilingDate: '1967',
    inscriptions: [
      {
        original: 'Հավերժ փառք հայրենիքի համար զոհվածներին',
        originalLanguage: 'hy',
        translations: ruEn('Вечная слава павшим за Родину', 'Eternal glory to those who fell for the homeland'),
      },
    ],
    people: [],
    conditionSurveys: [
      { date: '2015-04', condition: 'fair', note: ruEn('Потемнение и потёки на медной обшивке.', 'Darkening and streaks on the copper sheeting.'), surveyor: demoSurveyor },
      { date: '2024-05-09', condition: 'good', note: ruEn('Замечаний нет.', 'No concerns.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1967', type: 'unveiling', description: ruEn('Установка статуи «Мать Армения».', 'The Mother Armenia statue is erected.') },
      { date: '2016-10', type: 'restoration', description: ruEn('Очистка медной обшивки и ремонт лестниц (демонстрационная запись).', 'Copper sheeting cleaned and stairs repaired (demo entry).'), actor: 'Городские службы (демо) / City services (demo)' },
    ],
  },
  {
    slug: 'garni-village-memorial',
    kind: 'monument',
    title: demoTitle('Памятник павшим односельчанам в селе Гарни', 'Memorial to fallen villagers in Garni'),
    description: memorialDescription(
      'Почти в каждом селе Армении стоит памятник землякам, не вернувшимся с войны: часто это стела из местного туфа или базальта с именами на плитах. Эта демонстрационная запись составлена по образцу таких сельских памятников и не описывает конкретный монумент; на карте она привязана к селу Гарни условно. Запись показывает, как в реестре хранятся имена на армянском языке с русскими и латинскими вариантами написания.',
      'Almost every village in Armenia has a memorial to the local people who did not return from the war, often a stele of local tuff or basalt with names on slabs. This demonstration record is modelled on such village memorials and does not describe a specific monument; it is placed in the village of Garni on the map only for illustration. The record shows how the register keeps names in Armenian with Russian and Latin spellings.',
    ),
    date: { earliest: 1975, latest: 1975, display: ruEn('1975 год (демо)', '1975 (demo)') },
    place: ruEn('Гарни, Котайкская область', 'Garni, Kotayk Province'),
    materials: ruEn('Туф, базальт', 'Tuff, basalt'),
    dimensions: 'height approx. 5 m',
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-AM-M02',
    tags: [label('сельские памятники', 'village memorials'), label('Котайк', 'Kotayk')],
    location: GARNI,
    address: ruEn('Село Гарни, центральная площадь', 'Garni village, central square'),
    unveilingDate: '1975-05-09',
    inscriptions: [
      {
        original: 'Փառք Հայրենական մեծ պատերազմում զոհված համագյուղացիներին',
        originalLanguage: 'hy',
        translations: ruEn(
          'Слава односельчанам, павшим в Великой Отечественной войне',
          'Glory to our fellow villagers who fell in the Great Patriotic War',
        ),
      },
    ],
    people: [
      { name: 'Акопян Ашот Саркисович', variants: ['Hakobyan Ashot Sargisi', 'Հակոբյան Աշոտ Սարգսի', 'Akopyan Ashot Sarkisovich'], birthYear: 1915, deathYear: 1942, rank: label('красноармеец', 'Red Army private'), unit: 'стрелковый полк' },
      { name: 'Петросян Грант Арамович', variants: ['Petrosyan Hrant Arami', 'Պետրոսյան Հրանտ Արամի'], birthYear: 1920, deathYear: 1943, rank: label('сержант', 'Sergeant'), unit: '89-я стрелковая дивизия' },
      { name: 'Мкртчян Ованес', variants: ['Mkrtchyan Hovhannes', 'Մկրտչյան Հովհաննես', 'Mkrtchian Ovanes'], birthYear: 1912, deathYear: 1942, rank: label('красноармеец', 'Red Army private') },
      { name: 'Саргсян Арам Левонович', variants: ['Sargsyan Aram Levoni', 'Սարգսյան Արամ Լևոնի', 'Sarkisyan Aram'], birthYear: 1918, deathYear: 1945, rank: label('младший лейтенант', 'Junior Lieutenant'), unit: '89-я стрелковая дивизия' },
      { name: 'Григорян Сирануш', variants: ['Grigoryan Siranush', 'Գրիգորյան Սիրանուշ'], birthYear: 1922, deathYear: 1944, rank: label('санинструктор', 'Medical instructor') },
      { name: 'Оганесян Левон', variants: ['Hovhannisyan Levon', 'Հովհաննիսյան Լևոն', 'Oganesyan Levon'], birthYear: 1910, deathYear: 1941, rank: label('старшина', 'Sergeant Major') },
      { name: 'Манукян Размик', variants: ['Manukyan Razmik', 'Մանուկյան Ռազմիկ'], birthYear: 1924, deathYear: 1944, rank: label('красноармеец', 'Red Army private') },
    ],
    conditionSurveys: [
      { date: '2012-08', condition: 'poor', note: ruEn('Плиты с именами выветрились, часть надписей не читается.', 'The name slabs are weathered; some names are illegible.'), surveyor: demoSurveyor },
      { date: '2019-06-20', condition: 'good', note: ruEn('После реставрации имена высечены заново.', 'After restoration the names have been recut.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1975-05-09', type: 'unveiling', description: ruEn('Открытие памятника жителями села (демонстрационная запись).', 'The memorial is unveiled by the villagers (demo entry).'), actor: 'Сельский совет (демо) / Village council (demo)' },
      { date: '1995-05', type: 'names-added', description: ruEn('Добавлены имена пропавших без вести, установленные родственниками (демонстрационная запись).', 'Names of the missing, identified by relatives, were added (demo entry).'), actor: 'Жители села (демо) / Villagers (demo)' },
      { date: '2018-09', type: 'restoration', description: ruEn('Замена выветрившихся плит (демонстрационная запись).', 'Weathered slabs replaced (demo entry).'), actor: 'Община села и диаспора (демо) / Village community and diaspora (demo)' },
    ],
  },
];

const S = (n: number) => `6f1c2a0e-8d4b-4f7a-9c21-${String(n).padStart(12, '0')}`;

export const ARMENIA_DEMO: DemoCountryContent = {
  countrySlug: 'armenia',
  intro: ruEn(
    'Демонстрационное содержание. Небольшая выставка и два мемориала показывают, как может выглядеть музей памяти Армении на платформе «Витрина». Все записи — примеры для знакомства с платформой; имена людей на мемориалах вымышлены.',
    'Demonstration content. A small exhibition and two memorials show how a memory museum of Armenia can look on the Vitrina platform. Every record is an example to get to know the platform; the names of people on the memorials are invented.',
  ),
  items,
  memorials,
  exhibitions: [
    {
      slug: 'return-and-remembrance',
      title: demoTitle('Ждали домой', 'Waiting for home'),
      summary: ruEn(
        'Демонстрационная выставка о письмах с фронта, о возвращении и о тех, кого ждали, но так и не дождались.',
        'A demonstration exhibition about letters from the front, about coming home, and about those who were awaited but never returned.',
      ),
      coverItemSlug: 'yerevan-1945-photo',
      sections: [
        {
          id: S(301),
          title: ruEn('Дорога до Берлина', 'The road to Berlin'),
          blocks: [
            {
              id: S(401),
              type: 'text',
              body: ruEn(
                '<p>Из Армении на фронт ушли сотни тысяч человек, и многие из них не вернулись. Одним из соединений, сформированных в республике, была <strong>89-я стрелковая дивизия</strong>: она прошла путь от Кавказа до <em>Берлина</em>.</p>' +
                  '<p>Сведения о погибших и пропавших без вести можно искать в базе <a href="https://pamyat-naroda.ru/">«Память народа»</a>.</p>',
                '<p>Hundreds of thousands of people went to the front from Armenia, and many of them did not return. One of the formations raised in the republic was the <strong>89th Rifle Division</strong>, which fought its way from the Caucasus to <em>Berlin</em>.</p>' +
                  '<p>Information about the fallen and the missing can be searched in the <a href="https://pamyat-naroda.ru/">Pamyat Naroda</a> database.</p>',
              ),
            },
            {
              id: S(402),
              type: 'item',
              itemSlug: 'tamanyan-division-letter',
              caption: ruEn(
                'Письмо написано весной 1945 года, когда конец войны был уже близок.',
                'The letter was written in the spring of 1945, when the end of the war was already near.',
              ),
            },
            {
              id: S(403),
              type: 'quote',
              text: ruEn(
                'Скоро вернусь. Скажите матери, пусть печёт лаваш на всё село.',
                'I will be back soon. Tell mother to bake lavash for the whole village.',
              ),
              attribution: ruEn('Из демонстрационного фронтового письма, 1945', 'From a demonstration front-line letter, 1945'),
            },
          ],
        },
        {
          id: S(302),
          title: ruEn('Возвращение и память', 'Homecoming and remembrance'),
          blocks: [
            {
              id: S(404),
              type: 'gallery',
              itemSlugs: ['yerevan-1945-photo', 'carved-cigarette-case', 'waiting-story'],
              caption: ruEn(
                'Одни вернулись и привезли домой самодельные подарки; других ждали всю жизнь.',
                'Some came back bringing home-made presents; others were awaited for a lifetime.',
              ),
            },
            {
              id: S(405),
              type: 'map',
              memorialSlugs: ['mother-armenia-yerevan', 'garni-village-memorial'],
              itemSlugs: ['yerevan-1945-photo', 'waiting-story'],
              caption: ruEn('Мемориалы и места, о которых рассказывает выставка.', 'Memorials and places this exhibition tells about.'),
            },
          ],
        },
      ],
    },
  ],
};
