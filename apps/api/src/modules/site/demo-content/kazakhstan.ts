import type { ItemInput, MemorialInput } from '@vitrina/contracts';
import { CC_BY, type DemoCountryContent, IN_COPYRIGHT, PUBLIC_DOMAIN, demoTitle, ruEn } from './types';

const credit = ruEn('Демонстрационная коллекция «Витрины»', 'Vitrina demonstration collection');
const illustrative = ruEn(
  'Имена на этом демонстрационном мемориале вымышлены и служат только примером.',
  'The names on this demonstration memorial are invented and serve only as an example.',
);

const items: ItemInput[] = [
  {
    slug: 'panfilov-division-photo',
    kind: 'photograph',
    title: demoTitle('Бойцы 316-й стрелковой дивизии перед отправкой на фронт', 'Soldiers of the 316th Rifle Division before leaving for the front'),
    description: ruEn(
      'Групповой снимок бойцов дивизии, сформированной летом 1941 года в Алма-Ате. Позже соединение стало известно как Панфиловская дивизия. Имена людей на снимке ещё предстоит установить.',
      'A group photograph of soldiers of the division formed in Alma-Ata in the summer of 1941, later known as the Panfilov Division. The people in the picture are yet to be identified.',
    ),
    date: { earliest: 1941, latest: 1941, display: ruEn('лето 1941', 'summer 1941') },
    place: ruEn('Алма-Ата', 'Alma-Ata'),
    materials: ruEn('Желатино-серебряная печать', 'Gelatin silver print'),
    dimensions: '12 × 17 cm',
    provenance: ruEn('Передано семьёй одного из бойцов.', 'Donated by the family of one of the soldiers.'),
    creditLine: credit,
    rights: PUBLIC_DOMAIN,
    inventoryNumber: 'DEMO-KZ-001',
    tags: ['1941', 'Panfilov Division', 'Almaty'],
    location: { lat: 43.2567, lng: 76.9286 },
  },
  {
    slug: 'front-letter-triangle',
    kind: 'document',
    title: demoTitle('Фронтовое письмо-треугольник', 'A folded front-line letter'),
    description: ruEn(
      'Письмо, сложенное треугольником, как складывали письма без конвертов. Солдат пишет матери о погоде, о товарищах и просит не волноваться.',
      'A letter folded into a triangle, the way letters were sent without envelopes. A soldier writes to his mother about the weather and his comrades, and asks her not to worry.',
    ),
    date: { earliest: 1942, latest: 1942, display: ruEn('1942', '1942') },
    place: ruEn('Западный фронт', 'Western Front'),
    materials: ruEn('Бумага, химический карандаш', 'Paper, indelible pencil'),
    dimensions: '10 × 10 × 10 cm',
    creditLine: credit,
    rights: PUBLIC_DOMAIN,
    inventoryNumber: 'DEMO-KZ-002',
    tags: ['letters', 'home front'],
  },
  {
    slug: 'field-flask',
    kind: 'artefact',
    title: demoTitle('Солдатская фляга', "A soldier's water flask"),
    description: ruEn(
      'Алюминиевая фляга армейского образца с процарапанными инициалами владельца. Такие фляги выпускались миллионами и часто становились единственной памятью о человеке.',
      "An army-pattern aluminium flask with its owner's initials scratched into it. Flasks like this were made by the million and often became the only keepsake of a person.",
    ),
    date: { earliest: 1940, latest: 1945, display: ruEn('1940-е', '1940s') },
    materials: ruEn('Алюминий', 'Aluminium'),
    dimensions: '21 × 14 cm',
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-003',
    tags: ['equipment'],
  },
  {
    slug: 'evacuated-factory',
    kind: 'building',
    title: demoTitle('Цех эвакуированного завода', 'Workshop of an evacuated factory'),
    description: ruEn(
      'В годы войны в Казахстан были эвакуированы сотни предприятий. Корпуса, построенные для них наспех, местами сохранились до наших дней.',
      'During the war hundreds of enterprises were evacuated to Kazakhstan. Some of the buildings hastily put up for them still stand today.',
    ),
    date: { earliest: 1941, latest: 1943, display: ruEn('1941–1943', '1941–1943') },
    place: ruEn('Караганда', 'Karaganda'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-004',
    tags: ['home front', 'industry'],
    location: { lat: 49.8047, lng: 73.1094 },
  },
  {
    slug: 'nurse-story',
    kind: 'story',
    title: demoTitle('История медсестры из Актюбинска', 'The story of a nurse from Aktyubinsk'),
    description: ruEn(
      'Рассказ, записанный со слов дочери: девушка окончила курсы медсестёр, работала в эвакогоспитале, а затем ушла на фронт. Семья сохранила её письма и фотографию.',
      'An account recorded from her daughter: a young woman completed a nursing course, worked in an evacuation hospital and then went to the front. The family kept her letters and a photograph.',
    ),
    date: { earliest: 1941, latest: 1945 },
    place: ruEn('Актюбинск', 'Aktyubinsk'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-005',
    tags: ['women at war', 'oral history'],
  },
  {
    slug: 'victory-poster',
    kind: 'artwork',
    title: demoTitle('Плакат «Всё для фронта!»', 'Poster "Everything for the front!"'),
    description: ruEn(
      'Литографированный плакат военных лет с призывом к труженикам тыла. Подобные плакаты печатались на русском и казахском языках.',
      'A wartime lithographed poster calling on home-front workers. Posters like it were printed in Russian and Kazakh.',
    ),
    date: { earliest: 1942, latest: 1943, display: ruEn('около 1942', 'around 1942') },
    materials: ruEn('Бумага, литография', 'Paper, lithograph'),
    dimensions: '60 × 90 cm',
    creditLine: credit,
    rights: IN_COPYRIGHT,
    inventoryNumber: 'DEMO-KZ-006',
    tags: ['posters', 'home front'],
  },
  {
    slug: 'medal-for-labour',
    kind: 'artefact',
    title: demoTitle('Медаль «За доблестный труд»', 'Medal "For Valiant Labour"'),
    description: ruEn(
      'Медалью награждали тружеников тыла. Этот экземпляр принадлежал работнице швейной фабрики, шившей шинели для фронта.',
      'The medal was awarded to home-front workers. This one belonged to a worker at a garment factory that sewed greatcoats for the front.',
    ),
    date: { earliest: 1945, latest: 1946 },
    materials: ruEn('Латунь, ткань', 'Brass, fabric'),
    dimensions: '3.2 cm',
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-007',
    tags: ['awards', 'home front'],
  },
  {
    slug: 'school-notebook',
    kind: 'document',
    title: demoTitle('Школьная тетрадь военных лет', 'A wartime school exercise book'),
    description: ruEn(
      'Тетрадь из газетной бумаги: бумаги не хватало, и дети писали между строк старых изданий. На обложке — расписание уроков.',
      'An exercise book made of newsprint: paper was scarce and children wrote between the lines of old publications. The cover carries a lesson timetable.',
    ),
    date: { earliest: 1943, latest: 1944 },
    place: ruEn('Шымкент', 'Shymkent'),
    materials: ruEn('Газетная бумага, чернила', 'Newsprint, ink'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-008',
    tags: ['childhood', 'home front'],
  },
];

function memorial(input: Omit<MemorialInput, 'description' | 'creditLine' | 'rights'> & { about: [string, string] }): MemorialInput {
  const { about, ...rest } = input;
  return {
    ...rest,
    description: ruEn(`${about[0]} ${illustrative.ru!.text}`, `${about[1]} ${illustrative.en!.text}`),
    creditLine: credit,
    rights: CC_BY,
  };
}

const memorials: MemorialInput[] = [
  memorial({
    slug: 'glory-memorial-almaty',
    kind: 'monument',
    title: demoTitle('Мемориал Славы в парке 28 гвардейцев-панфиловцев', 'Glory Memorial in the Park of 28 Panfilov Guardsmen'),
    about: ['Монументальный мемориал с Вечным огнём в центре Алматы.', 'A monumental memorial with an Eternal Flame in the centre of Almaty.'],
    location: { lat: 43.2587, lng: 76.9536 },
    address: ruEn('Алматы, парк 28 гвардейцев-панфиловцев', 'Almaty, Park of 28 Panfilov Guardsmen'),
    unveilingDate: '1975-05-08',
    inscriptions: [{ original: 'Подвиг ваш бессмертен', originalLanguage: 'ru', translations: ruEn('Подвиг ваш бессмертен', 'Your deed is immortal') }],
    people: [
      { name: 'Ахметов Серик Нурланович', variants: ['Akhmetov Serik Nurlanovich', 'Ахметов С. Н.'], birthYear: 1918, deathYear: 1941, rank: 'рядовой', unit: '1075-й стрелковый полк' },
      { name: 'Петренко Иван Фёдорович', variants: ['Petrenko Ivan Fyodorovich', 'Петрэнка Іван'], birthYear: 1915, deathYear: 1941, rank: 'сержант', unit: '1075-й стрелковый полк' },
      { name: 'Жумабаев Кайрат', variants: ['Zhumabayev Kairat', 'Жұмабаев Қайрат'], birthYear: 1920, deathYear: 1942, rank: 'рядовой' },
      { name: 'Смирнова Анна Петровна', variants: ['Smirnova Anna Petrovna'], birthYear: 1922, deathYear: 1943, rank: 'старший сержант медицинской службы' },
    ],
    conditionSurveys: [
      { date: '2019-05', condition: 'fair', note: ruEn('Трещины облицовки у основания.', 'Cracks in the cladding at the base.'), surveyor: 'Demo volunteers' },
      { date: '2024-04-20', condition: 'good', note: ruEn('После реставрации состояние хорошее.', 'Good condition after restoration.'), surveyor: 'Demo volunteers' },
    ],
    events: [
      { date: '1975-05-08', type: 'unveiling', description: ruEn('Открытие мемориала.', 'The memorial is unveiled.') },
      { date: '2021-09', type: 'restoration', description: ruEn('Замена облицовки и ремонт освещения.', 'Cladding replaced and lighting repaired.'), actor: 'City administration (demo)' },
    ],
  }),
  memorial({
    slug: 'eternal-flame-astana',
    kind: 'obelisk',
    title: demoTitle('Обелиск с Вечным огнём в Астане', 'Obelisk with the Eternal Flame in Astana'),
    about: ['Обелиск в память о жителях города, не вернувшихся с войны.', 'An obelisk in memory of the townspeople who did not return from the war.'],
    location: { lat: 51.1694, lng: 71.4491 },
    address: ruEn('Астана, центральный сквер', 'Astana, central square'),
    unveilingDate: '1970',
    inscriptions: [{ original: 'Мәңгі есте', originalLanguage: 'kk', translations: ruEn('Вечная память', 'Eternal memory') }],
    people: [
      { name: 'Касымов Ермек', variants: ['Kasymov Yermek', 'Қасымов Ермек'], birthYear: 1919, deathYear: 1944, rank: 'лейтенант' },
      { name: 'Иванов Пётр Сергеевич', variants: ['Ivanov Pyotr Sergeyevich', 'Іваноў Пётр'], birthYear: 1912, deathYear: 1943, rank: 'старшина' },
      { name: 'Нургалиев Бауыржан', variants: ['Nurgaliyev Bauyrzhan', 'Нұрғалиев Бауыржан'], birthYear: 1921, deathYear: 1945, rank: 'рядовой' },
    ],
    conditionSurveys: [{ date: '2023-06-01', condition: 'good', surveyor: 'Demo volunteers' }],
    events: [
      { date: '1970', type: 'unveiling' },
      { date: '2015-05', type: 'names-added', description: ruEn('Добавлены новые установленные имена.', 'Newly identified names were added.'), actor: 'Search volunteers (demo)' },
    ],
  }),
  memorial({
    slug: 'karaganda-mass-grave',
    kind: 'mass-grave',
    title: demoTitle('Братская могила умерших в госпиталях', 'Mass grave of those who died in hospitals'),
    about: ['Здесь похоронены воины, умершие от ран в эвакогоспиталях города.', 'Soldiers who died of their wounds in the evacuation hospitals of the city are buried here.'],
    location: { lat: 49.8066, lng: 73.0854 },
    address: ruEn('Караганда, старое городское кладбище', 'Karaganda, old city cemetery'),
    unveilingDate: '1965-05-09',
    people: [
      { name: 'Семёнов Алексей', variants: ['Semyonov Aleksei', 'Сямёнаў Аляксей'], deathYear: 1942, rank: 'рядовой' },
      { name: 'Бекмуратов Талгат', variants: ['Bekmuratov Talgat'], deathYear: 1943 },
      { name: 'Коваленко Николай', variants: ['Kovalenko Mykola', 'Коваленко Микола'], deathYear: 1942, rank: 'ефрейтор' },
    ],
    conditionSurveys: [
      { date: '2016', condition: 'poor', note: ruEn('Плиты с именами повреждены.', 'The name plates are damaged.') },
      { date: '2022-08-15', condition: 'fair', surveyor: 'Demo volunteers' },
    ],
    events: [
      { date: '1942', type: 'reburial', description: ruEn('Первые захоронения.', 'The first burials.') },
      { date: '2017-10', type: 'vandalism', description: ruEn('Повреждена ограда.', 'The fence was damaged.') },
      { date: '2018-05', type: 'restoration', actor: 'Local school (demo)' },
    ],
  }),
  memorial({
    slug: 'shymkent-bust',
    kind: 'bust',
    title: demoTitle('Бюст Героя Советского Союза в Шымкенте', 'Bust of a Hero of the Soviet Union in Shymkent'),
    about: ['Бронзовый бюст на гранитном постаменте у входа в школу.', 'A bronze bust on a granite pedestal at the entrance to a school.'],
    location: { lat: 42.3417, lng: 69.5901 },
    address: ruEn('Шымкент, у школы № 1', 'Shymkent, by School No. 1'),
    unveilingDate: '1985-05',
    people: [{ name: 'Турсунов Абдулла', variants: ['Tursunov Abdulla', 'Tursunov Abdullo'], birthYear: 1917, deathYear: 1944, rank: 'капитан', unit: 'стрелковый батальон' }],
    conditionSurveys: [{ date: '2024-03-10', condition: 'good' }],
    events: [
      { date: '1985-05', type: 'unveiling' },
      { date: '2005-04', type: 'relocation', description: ruEn('Перенесён к новому зданию школы.', 'Moved to the new school building.') },
    ],
  }),
  memorial({
    slug: 'aktobe-plaque',
    kind: 'plaque',
    title: demoTitle('Мемориальная доска на здании эвакогоспиталя', 'Memorial plaque on a former evacuation hospital'),
    about: ['Доска напоминает, что в здании в годы войны работал госпиталь.', 'The plaque recalls that the building housed a hospital during the war.'],
    location: { lat: 50.2839, lng: 57.167 },
    address: ruEn('Актобе, улица Айтеке би', 'Aktobe, Aiteke Bi Street'),
    unveilingDate: '1995-05-07',
    inscriptions: [{ original: 'В этом здании в 1941–1945 годах находился эвакогоспиталь', originalLanguage: 'ru', translations: ruEn('В этом здании в 1941–1945 годах находился эвакогоспиталь', 'This building housed an evacuation hospital in 1941–1945') }],
    people: [],
    conditionSurveys: [
      { date: '2020-07', condition: 'very-bad', note: ruEn('Надпись почти не читается.', 'The inscription is barely legible.') },
      { date: '2025-05-01', condition: 'good', note: ruEn('Доска заменена.', 'The plaque was replaced.') },
    ],
    events: [
      { date: '1995-05-07', type: 'unveiling' },
      { date: '2025-04', type: 'restoration', actor: 'Demo heritage society' },
    ],
  }),
];

export const KAZAKHSTAN_DEMO: DemoCountryContent = {
  countrySlug: 'kazakhstan',
  intro: ruEn(
    'Демонстрационное содержание. Музей памяти Казахстана собирает фотографии, письма и истории военных лет и ведёт реестр мемориалов страны.',
    'Demonstration content. The memory museum of Kazakhstan collects wartime photographs, letters and stories, and keeps the register of the country’s memorials.',
  ),
  items,
  memorials,
  exhibitions: [
    {
      slug: 'home-front-and-front-line',
      title: demoTitle('Тыл и фронт: Казахстан в 1941–1945 годах', 'Home front and front line: Kazakhstan in 1941–1945'),
      summary: ruEn(
        'Демонстрационная выставка о дивизии, сформированной в Алма-Ате, о тружениках тыла и о том, как страна помнит погибших.',
        'A demonstration exhibition about the division formed in Alma-Ata, the home-front workers, and how the country remembers the fallen.',
      ),
      coverItemSlug: 'panfilov-division-photo',
      sections: [
        {
          id: '6f1c2a0e-8d4b-4f7a-9c21-000000000101',
          title: ruEn('Уход на фронт', 'Leaving for the front'),
          blocks: [
            {
              id: '6f1c2a0e-8d4b-4f7a-9c21-000000000201',
              type: 'text',
              body: ruEn(
                '<p>Летом 1941 года в Алма-Ате формировалась <strong>316-я стрелковая дивизия</strong>. Осенью она приняла бой под Москвой.</p>',
                '<p>In the summer of 1941 the <strong>316th Rifle Division</strong> was formed in Alma-Ata. In the autumn it fought near Moscow.</p>',
              ),
            },
            { id: '6f1c2a0e-8d4b-4f7a-9c21-000000000202', type: 'item', itemSlug: 'panfilov-division-photo', caption: ruEn('Снимок сделан за несколько дней до отправки эшелона.', 'The photograph was taken a few days before the train left.') },
          ],
        },
        {
          id: '6f1c2a0e-8d4b-4f7a-9c21-000000000102',
          title: ruEn('Письма и голоса', 'Letters and voices'),
          blocks: [
            { id: '6f1c2a0e-8d4b-4f7a-9c21-000000000203', type: 'quote', text: ruEn('Мама, у нас всё хорошо, не волнуйся за меня.', 'Mother, all is well here, do not worry about me.'), attribution: ruEn('Из фронтового письма, 1942', 'From a front-line letter, 1942') },
            { id: '6f1c2a0e-8d4b-4f7a-9c21-000000000204', type: 'gallery', itemSlugs: ['front-letter-triangle', 'field-flask', 'nurse-story'], caption: ruEn('Вещи, которые хранят семьи.', 'Things that families keep.') },
          ],
        },
        {
          id: '6f1c2a0e-8d4b-4f7a-9c21-000000000103',
          title: ruEn('Всё для фронта', 'Everything for the front'),
          blocks: [
            {
              id: '6f1c2a0e-8d4b-4f7a-9c21-000000000205',
              type: 'text',
              body: ruEn(
                '<p>Эвакуированные заводы начинали работу под открытым небом. Подробнее — в <a href="https://ru.wikipedia.org/wiki/Эвакуация_в_СССР">статье об эвакуации</a>.</p>',
                '<p>Evacuated factories started work in the open air. Read more in the <a href="https://en.wikipedia.org/wiki/Evacuation_in_the_Soviet_Union">article on the evacuation</a>.</p>',
              ),
            },
            { id: '6f1c2a0e-8d4b-4f7a-9c21-000000000206', type: 'gallery', itemSlugs: ['evacuated-factory', 'victory-poster', 'medal-for-labour', 'school-notebook'] },
          ],
        },
        {
          id: '6f1c2a0e-8d4b-4f7a-9c21-000000000104',
          title: ruEn('Память', 'Remembrance'),
          blocks: [
            {
              id: '6f1c2a0e-8d4b-4f7a-9c21-000000000207',
              type: 'map',
              memorialSlugs: ['glory-memorial-almaty', 'eternal-flame-astana', 'karaganda-mass-grave', 'shymkent-bust', 'aktobe-plaque'],
              itemSlugs: ['evacuated-factory'],
              caption: ruEn('Мемориалы, о которых рассказывает выставка.', 'The memorials this exhibition tells about.'),
            },
          ],
        },
      ],
    },
  ],
};
