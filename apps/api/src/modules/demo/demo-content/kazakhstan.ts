import type { ItemInput } from '@vitrina/contracts';
import {
  CC_BY,
  CC_BY_SA,
  type DemoCountryContent,
  type DemoMemorial,
  IN_COPYRIGHT,
  NO_KNOWN_COPYRIGHT,
  PUBLIC_DOMAIN,
  demoTitle,
  label,
  memorialDescription,
  ruEn,
} from './types';

const credit = ruEn('Демонстрационная коллекция платформы «Витрина»', 'Vitrina platform demonstration collection');
const demoSurveyor = 'Волонтёры «Витрины» (демо) / Vitrina volunteers (demo)';

const ALMATY = { lat: 43.2389, lng: 76.8897 };
const KARAGANDA = { lat: 49.8047, lng: 73.1094 };
const PETROPAVL = { lat: 54.8728, lng: 69.143 };

const items: ItemInput[] = [
  {
    slug: 'panfilov-division-photo',
    kind: 'photograph',
    title: demoTitle(
      'Бойцы 316-й стрелковой дивизии перед отправкой на фронт',
      'Soldiers of the 316th Rifle Division before leaving for the front',
    ),
    description: ruEn(
      'Групповой снимок бойцов дивизии, которая формировалась летом 1941 года в Алма-Ате под командованием генерал-майора И. В. Панфилова. Осенью того же года дивизия сражалась на Волоколамском направлении под Москвой и в ноябре получила гвардейское звание. Люди на снимке пока не опознаны: музей просит откликнуться тех, кто узнает своих родных.',
      'A group photograph of soldiers of the division formed in Alma-Ata in the summer of 1941 under Major General Ivan Panfilov. That autumn the division fought on the Volokolamsk axis near Moscow and in November was given Guards status. The people in the picture have not yet been identified: the museum asks anyone who recognises a relative to get in touch.',
    ),
    creator: ruEn('Фотограф неизвестен', 'Unknown photographer'),
    date: { earliest: 1941, latest: 1941, display: ruEn('лето 1941 года', 'summer 1941') },
    place: ruEn('Алма-Ата, Казахская ССР', 'Alma-Ata, Kazakh SSR'),
    materials: ruEn('Желатино-серебряная печать на картоне', 'Gelatin silver print on card'),
    dimensions: '12 × 17 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: снимок хранился в семейном альбоме и передан в коллекцию внучкой одного из бойцов.',
      'Illustrative provenance for the demo: the print was kept in a family album and donated by the granddaughter of one of the soldiers.',
    ),
    creditLine: credit,
    rights: NO_KNOWN_COPYRIGHT,
    inventoryNumber: 'DEMO-KZ-001',
    tags: [label('1941'), label('Панфиловская дивизия', 'Panfilov Division'), label('Алматы', 'Almaty')],
    location: ALMATY,
  },
  {
    slug: 'front-letter-triangle',
    kind: 'document',
    title: demoTitle('Фронтовое письмо-треугольник', 'A folded front-line letter'),
    description: ruEn(
      'Письмо, сложенное треугольником: так отправляли весточки с фронта, когда не было конвертов. Солдат пишет матери в аул о погоде, о товарищах по роте и просит не волноваться. На обороте видны штемпель полевой почты и пометка военной цензуры.',
      'A letter folded into a triangle, the way news was sent from the front when there were no envelopes. A soldier writes to his mother in her village about the weather and his comrades, and asks her not to worry. The back shows a field-post stamp and a military censor’s mark.',
    ),
    date: { earliest: 1942, latest: 1942, display: ruEn('1942 год', '1942') },
    place: ruEn('Действующая армия, полевая почта', 'Army in the field, field post'),
    materials: ruEn('Бумага, химический карандаш', 'Paper, indelible pencil'),
    dimensions: '10 × 10 × 14 cm (folded)',
    provenance: ruEn(
      'Условная история поступления для демонстрации: письмо сохранила семья адресата в Талдыкоргане.',
      'Illustrative provenance for the demo: the letter was kept by the addressee’s family in Taldykorgan.',
    ),
    creditLine: credit,
    rights: PUBLIC_DOMAIN,
    inventoryNumber: 'DEMO-KZ-002',
    tags: [label('письма', 'letters'), label('полевая почта', 'field post')],
  },
  {
    slug: 'field-flask',
    kind: 'artefact',
    title: demoTitle('Солдатская фляга с инициалами', 'A soldier’s water flask with initials'),
    description: ruEn(
      'Алюминиевая фляга армейского образца с процарапанными инициалами владельца. Такие фляги выпускались в огромных количествах, и для многих семей подобная вещь осталась единственной памятью о человеке. Кому принадлежали инициалы, пока не установлено.',
      'An army-pattern aluminium flask with its owner’s initials scratched into it. Flasks like this were produced in huge numbers, and for many families such an object became the only keepsake of a person. Whose initials these are has not yet been established.',
    ),
    date: { earliest: 1940, latest: 1945, display: ruEn('1940-е годы', '1940s') },
    materials: ruEn('Алюминий, следы зелёной краски', 'Aluminium, traces of green paint'),
    dimensions: '21 × 14 × 6 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: передана участником поискового отряда.',
      'Illustrative provenance for the demo: donated by a member of a volunteer search team.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-003',
    tags: [label('снаряжение', 'equipment'), label('поисковое движение', 'search movement')],
  },
  {
    slug: 'evacuated-factory',
    kind: 'building',
    title: demoTitle('Корпус эвакуированного завода в Петропавловске', 'A building of an evacuated factory in Petropavlovsk'),
    description: ruEn(
      'В 1941–1942 годах в Казахстан перевезли оборудование многих предприятий с запада страны. Нередко станки ставили прямо на фундаменты, а стены и крышу возводили уже во время работы. Этот демонстрационный объект представляет такие наспех построенные корпуса, часть которых сохранилась до наших дней.',
      'In 1941–1942 the equipment of many factories from the west of the country was moved to Kazakhstan. Machine tools were often set straight onto foundations, with walls and roofs built while production was already running. This demonstration record stands for such hastily built halls, some of which survive today.',
    ),
    date: { earliest: 1941, latest: 1943, display: ruEn('1941–1943 годы', '1941–1943') },
    place: ruEn('Петропавловск, Северо-Казахстанская область', 'Petropavlovsk, North Kazakhstan Region'),
    materials: ruEn('Кирпич, дерево, металлические фермы', 'Brick, timber, steel trusses'),
    dimensions: 'approx. 60 × 18 m',
    provenance: ruEn(
      'Описание составлено для демонстрации по типичным сведениям об эвакуированных предприятиях.',
      'The description was compiled for the demo from what is typical of evacuated factories.',
    ),
    creditLine: credit,
    rights: CC_BY_SA,
    inventoryNumber: 'DEMO-KZ-004',
    tags: [label('тыл', 'home front'), label('эвакуация', 'evacuation'), label('промышленность', 'industry')],
    location: PETROPAVL,
  },
  {
    slug: 'nurse-story',
    kind: 'story',
    title: demoTitle('История медсестры из Актюбинска', 'The story of a nurse from Aktyubinsk'),
    description: ruEn(
      'Рассказ записан со слов дочери. Девушка окончила курсы медицинских сестёр, сначала работала в эвакогоспитале, куда привозили раненых с фронта, а в 1943 году сама ушла в действующую армию. Семья сохранила её письма и единственную фотографию в военной форме; рассказ публикуется в сокращении.',
      'The account was recorded from her daughter. The young woman completed a nursing course, first worked in an evacuation hospital that received the wounded from the front, and in 1943 joined the army in the field herself. The family kept her letters and the only photograph of her in uniform; the story is published in abridged form.',
    ),
    creator: ruEn('Записано волонтёрами проекта (демо)', 'Recorded by project volunteers (demo)'),
    date: { earliest: 1941, latest: 1945, display: ruEn('1941–1945 годы', '1941–1945') },
    place: ruEn('Актюбинск', 'Aktyubinsk'),
    provenance: ruEn(
      'Условная история поступления для демонстрации: интервью записано в 2020 году.',
      'Illustrative provenance for the demo: the interview was recorded in 2020.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-005',
    tags: [label('женщины на войне', 'women at war'), label('устная история', 'oral history')],
  },
  {
    slug: 'home-front-poster',
    kind: 'artwork',
    title: demoTitle('Плакат «Всё для фронта, всё для Победы!»', 'Poster “Everything for the front, everything for victory!”'),
    description: ruEn(
      'Литографированный плакат военных лет, обращённый к труженикам тыла. Подобные плакаты выпускались и на русском, и на казахском языке и висели в цехах, на станциях и в колхозных конторах. Автор этого листа не установлен.',
      'A wartime lithographed poster addressed to home-front workers. Posters like this were issued in both Russian and Kazakh and hung in workshops, at stations and in collective-farm offices. The artist of this sheet has not been identified.',
    ),
    creator: ruEn('Художник неизвестен', 'Unknown artist'),
    date: { earliest: 1942, latest: 1943, display: ruEn('около 1942 года', 'around 1942') },
    place: ruEn('Алма-Ата', 'Alma-Ata'),
    materials: ruEn('Бумага, цветная литография', 'Paper, colour lithograph'),
    dimensions: '60 × 88 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: найден при разборе архива районной библиотеки.',
      'Illustrative provenance for the demo: found while sorting the archive of a district library.',
    ),
    creditLine: credit,
    rights: IN_COPYRIGHT,
    inventoryNumber: 'DEMO-KZ-006',
    tags: [label('плакаты', 'posters'), label('тыл', 'home front')],
  },
  {
    slug: 'medal-for-labour',
    kind: 'artefact',
    title: demoTitle(
      'Медаль «За доблестный труд в Великой Отечественной войне»',
      'Medal “For Valiant Labour in the Great Patriotic War”',
    ),
    description: ruEn(
      'Медаль, учреждённая в июне 1945 года, которой награждали тружеников тыла. По семейному преданию, этот экземпляр принадлежал работнице швейной фабрики, где в годы войны шили шинели и обмундирование. Вместе с медалью семья передала удостоверение к ней.',
      'A medal established in June 1945 and awarded to home-front workers. According to family tradition, this one belonged to a worker at a garment factory that made greatcoats and uniforms during the war. The family donated its award certificate together with the medal.',
    ),
    date: { earliest: 1945, latest: 1947, display: ruEn('вручена во второй половине 1940-х', 'awarded in the late 1940s') },
    materials: ruEn('Латунь, муаровая лента', 'Brass, moiré ribbon'),
    dimensions: 'diameter 32 mm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: передана внуком награждённой.',
      'Illustrative provenance for the demo: donated by the recipient’s grandson.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-007',
    tags: [label('награды', 'awards'), label('тыл', 'home front')],
  },
  {
    slug: 'school-notebook',
    kind: 'document',
    title: demoTitle('Школьная тетрадь военных лет', 'A wartime school exercise book'),
    description: ruEn(
      'Самодельная тетрадь, сшитая из газетных листов: бумаги не хватало, и дети писали между строк старых изданий. На обложке — расписание уроков, внутри — диктанты и задачи по арифметике. Среди учеников в классе, по записям, были и дети эвакуированных семей.',
      'A home-made exercise book stitched together from newspaper sheets: paper was scarce, so children wrote between the lines of old publications. The cover carries a lesson timetable; inside are dictations and arithmetic problems. According to the notes, the class included children of evacuated families.',
    ),
    date: { earliest: 1943, latest: 1944, display: ruEn('1943/44 учебный год', 'school year 1943/44') },
    place: ruEn('Чимкент', 'Chimkent (today Shymkent)'),
    materials: ruEn('Газетная бумага, чернила, нитки', 'Newsprint, ink, thread'),
    dimensions: '20 × 16 cm, 24 leaves',
    provenance: ruEn(
      'Условная история поступления для демонстрации: передана бывшей ученицей школы.',
      'Illustrative provenance for the demo: donated by a former pupil of the school.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-008',
    tags: [label('детство', 'childhood'), label('тыл', 'home front')],
  },
  {
    slug: 'miner-lamp',
    kind: 'artefact',
    title: demoTitle('Шахтёрская лампа из Караганды', 'A miner’s lamp from Karaganda'),
    description: ruEn(
      'Переносная шахтёрская лампа. Пока Донбасс был оккупирован, уголь Карагандинского бассейна стал одной из главных опор военной промышленности. В шахтах работали и женщины, и подростки, заменившие ушедших на фронт.',
      'A portable miner’s lamp. While the Donbas was under occupation, coal from the Karaganda basin became one of the mainstays of wartime industry. Women and teenagers worked in the mines, replacing the men who had gone to the front.',
    ),
    date: { earliest: 1940, latest: 1948, display: ruEn('1940-е годы', '1940s') },
    place: ruEn('Караганда', 'Karaganda'),
    materials: ruEn('Сталь, латунь, стекло', 'Steel, brass, glass'),
    dimensions: 'height 27 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: передана семьёй горного мастера.',
      'Illustrative provenance for the demo: donated by the family of a mining foreman.',
    ),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-009',
    tags: [label('уголь', 'coal'), label('тыл', 'home front')],
    location: KARAGANDA,
  },
  {
    slug: 'hospital-sketch',
    kind: 'artwork',
    title: demoTitle('Рисунок «Раненый боец читает письмо»', 'Drawing “A wounded soldier reading a letter”'),
    description: ruEn(
      'Карандашный рисунок, сделанный в палате эвакогоспиталя. В годы войны в Алма-Ату были эвакуированы многие художники, писатели и кинематографисты, и некоторые из них рисовали в госпиталях. Имя автора этого листа неизвестно; подпись на обороте неразборчива.',
      'A pencil drawing made in a ward of an evacuation hospital. During the war many artists, writers and film-makers were evacuated to Alma-Ata, and some of them drew in hospitals. The artist of this sheet is unknown; the signature on the back is illegible.',
    ),
    creator: ruEn('Неизвестный художник', 'Unknown artist'),
    date: { earliest: 1942, latest: 1944 },
    place: ruEn('Алма-Ата', 'Alma-Ata'),
    materials: ruEn('Бумага, графитный карандаш', 'Paper, graphite pencil'),
    dimensions: '21 × 29 cm',
    provenance: ruEn(
      'Условная история поступления для демонстрации: лист хранился между страницами книги из госпитальной библиотеки.',
      'Illustrative provenance for the demo: the sheet was kept between the pages of a book from the hospital library.',
    ),
    creditLine: credit,
    rights: IN_COPYRIGHT,
    inventoryNumber: 'DEMO-KZ-010',
    tags: [label('госпитали', 'hospitals'), label('письма', 'letters')],
    location: ALMATY,
  },
];

const memorials: DemoMemorial[] = [
  {
    slug: 'glory-memorial-almaty',
    kind: 'monument',
    title: demoTitle('Мемориал Славы в парке имени 28 гвардейцев-панфиловцев', 'Memorial of Glory in the Park of 28 Panfilov Guardsmen'),
    description: memorialDescription(
      'Мемориал Славы с Вечным огнём был открыт в алматинском парке имени 28 гвардейцев-панфиловцев к 30-летию Победы. Бронзовая композиция посвящена воинам-казахстанцам, а сам парк носит имя гвардейцев 316-й стрелковой дивизии, сформированной в Алма-Ате. Сюда традиционно приходят 9 Мая.',
      'The Memorial of Glory with its Eternal Flame was opened in Almaty’s Park of 28 Panfilov Guardsmen for the 30th anniversary of the Victory. The bronze composition is dedicated to soldiers from Kazakhstan, and the park itself is named after guardsmen of the 316th Rifle Division formed in Alma-Ata. People traditionally come here on 9 May.',
    ),
    date: { earliest: 1975, latest: 1975, display: ruEn('1975 год', '1975') },
    place: ruEn('Алматы', 'Almaty'),
    materials: ruEn('Бронза, гранит, бетон', 'Bronze, granite, concrete'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-M01',
    tags: [label('Вечный огонь', 'Eternal Flame'), label('Панфиловская дивизия', 'Panfilov Division'), label('Алматы', 'Almaty')],
    location: { lat: 43.2587, lng: 76.9536 },
    address: ruEn('Алматы, парк имени 28 гвардейцев-панфиловцев', 'Almaty, Park of 28 Panfilov Guardsmen'),
    unveilingDate: '1975-05-08',
    inscriptions: [
      {
        original: 'Ешкім де, ешнәрсе де ұмытылмайды',
        originalLanguage: 'kk',
        translations: ruEn('Никто не забыт, ничто не забыто', 'No one is forgotten, nothing is forgotten'),
      },
      {
        original: 'Вечная слава героям, павшим в боях за свободу и независимость нашей Родины',
        originalLanguage: 'ru',
        translations: {
          en: { text: 'Eternal glory to the heroes who fell in battle for the freedom and independence of our Motherland', status: 'translated' },
          kk: { text: 'Отанымыздың бостандығы мен тәуелсіздігі үшін шайқаста қаза тапқан батырларға мәңгілік даңқ', status: 'translated' },
        },
      },
    ],
    people: [
      { name: 'Ахметов Серик Нурланович', variants: ['Akhmetov Serik Nurlanovich', 'Ахметов Серік Нұрланұлы', 'Ahmetov Serik'], birthYear: 1918, deathYear: 1941, rank: label('красноармеец', 'Red Army private'), unit: '1075-й стрелковый полк 316-й стрелковой дивизии' },
      { name: 'Петренко Иван Фёдорович', variants: ['Petrenko Ivan Fyodorovich', 'Петренко Іван Федорович'], birthYear: 1915, deathYear: 1941, rank: label('сержант', 'Sergeant'), unit: '1073-й стрелковый полк 316-й стрелковой дивизии' },
      { name: 'Жумабаев Кайрат Оспанович', variants: ['Zhumabayev Kairat Ospanovich', 'Жұмабаев Қайрат Оспанұлы'], birthYear: 1920, deathYear: 1942, rank: label('младший сержант', 'Junior Sergeant'), unit: '8-я гвардейская стрелковая дивизия' },
      { name: 'Байтасов Ерлан Мукашевич', variants: ['Baitasov Yerlan Mukashevich', 'Байтасов Ерлан Мұқашұлы'], birthYear: 1917, deathYear: 1943, rank: label('лейтенант', 'Lieutenant'), unit: '8-я гвардейская стрелковая дивизия' },
      { name: 'Смагулова Айгуль', variants: ['Smagulova Aigul', 'Смағұлова Айгүл'], birthYear: 1922, deathYear: 1943, rank: label('старший сержант медицинской службы', 'Senior Sergeant of the Medical Service') },
      { name: 'Воронцов Григорий Ильич', variants: ['Vorontsov Grigory Ilyich', 'Vorontsov Grigorii'], birthYear: 1910, deathYear: 1941, rank: label('политрук', 'Political officer'), unit: '1077-й стрелковый полк 316-й стрелковой дивизии' },
    ],
    conditionSurveys: [
      { date: '2019-05', condition: 'fair', note: ruEn('Трещины в облицовке стилобата, потёки на бронзе.', 'Cracks in the cladding of the base, streaks on the bronze.'), surveyor: demoSurveyor },
      { date: '2022-06-14', condition: 'good', note: ruEn('После работ облицовка восстановлена, бронза очищена.', 'After the works the cladding is restored and the bronze cleaned.'), surveyor: demoSurveyor },
      { date: '2025-04-20', condition: 'good', note: ruEn('Замечаний нет, Вечный огонь горит.', 'No concerns; the Eternal Flame is burning.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1975-05-08', type: 'unveiling', description: ruEn('Открытие мемориала и зажжение Вечного огня.', 'The memorial is unveiled and the Eternal Flame lit.'), actor: 'Городские власти Алма-Аты / Alma-Ata city authorities' },
      { date: '2021-09', type: 'restoration', description: ruEn('Замена облицовки и ремонт подсветки (демонстрационная запись).', 'Cladding replaced and lighting repaired (demo entry).'), actor: 'Городская администрация (демо) / City administration (demo)' },
      { date: '2023-05', type: 'names-added', description: ruEn('Добавлены имена, уточнённые по запросам семей (демонстрационная запись).', 'Names confirmed at families’ requests were added (demo entry).'), actor: 'Поисковый отряд (демо) / Search team (demo)' },
    ],
  },
  {
    slug: 'eternal-flame-astana',
    kind: 'obelisk',
    title: demoTitle('Обелиск с Вечным огнём в Астане', 'Obelisk with an Eternal Flame in Astana'),
    description: memorialDescription(
      'Демонстрационная запись об обелиске в память о жителях Акмолинска — так тогда назывался город — и окрестных сёл, не вернувшихся с войны. Запись составлена по образцу городских мемориалов с Вечным огнём и не описывает конкретный памятник. Она показывает, как в реестре хранятся надписи на двух языках и перенос памятника.',
      'A demonstration record of an obelisk in memory of the people of Akmolinsk — as the city was then called — and the surrounding villages who did not return from the war. It is modelled on town memorials with an Eternal Flame and does not describe a specific monument. It shows how the register keeps inscriptions in two languages and a monument’s relocation.',
    ),
    date: { earliest: 1970, latest: 1970, display: ruEn('1970 год (демо)', '1970 (demo)') },
    place: ruEn('Астана', 'Astana'),
    materials: ruEn('Гранит, металл', 'Granite, metal'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-M02',
    tags: [label('Вечный огонь', 'Eternal Flame'), label('Астана', 'Astana')],
    location: { lat: 51.1694, lng: 71.4491 },
    address: ruEn('Астана, сквер в центре правобережной части города', 'Astana, a square in the centre of the right-bank city'),
    unveilingDate: '1970-05-09',
    inscriptions: [
      {
        original: 'Отан үшін қаза тапқан жерлестерге мәңгілік даңқ',
        originalLanguage: 'kk',
        translations: ruEn('Вечная слава землякам, павшим за Родину', 'Eternal glory to our fellow countrymen who fell for the Motherland'),
      },
      {
        original: 'Вечная слава землякам, павшим за Родину',
        originalLanguage: 'ru',
        translations: { en: { text: 'Eternal glory to our fellow countrymen who fell for the Motherland', status: 'translated' } },
      },
    ],
    people: [
      { name: 'Касымов Ермек Жакупович', variants: ['Kasymov Yermek Zhakupovich', 'Қасымов Ермек Жақыпұлы'], birthYear: 1919, deathYear: 1944, rank: label('лейтенант', 'Lieutenant'), unit: 'стрелковый полк' },
      { name: 'Иванов Пётр Сергеевич', variants: ['Ivanov Pyotr Sergeyevich', 'Іваноў Пётр Сяргеевіч'], birthYear: 1912, deathYear: 1943, rank: label('старшина', 'Sergeant Major'), unit: 'артиллерийский полк' },
      { name: 'Нургалиев Бауыржан', variants: ['Nurgaliyev Bauyrzhan', 'Нұрғалиев Бауыржан'], birthYear: 1921, deathYear: 1945, rank: label('красноармеец', 'Red Army private') },
      { name: 'Шевченко Андрей Тарасович', variants: ['Shevchenko Andrei Tarasovich', 'Шевченко Андрій Тарасович', 'Shevchenko Andrii'], birthYear: 1916, deathYear: 1942, rank: label('красноармеец', 'Red Army private'), unit: 'стрелковая бригада' },
      { name: 'Омарова Зауре', variants: ['Omarova Zaure', 'Омарова Зәуре'], birthYear: 1923, deathYear: 1944, rank: label('рядовой медицинской службы', 'Private of the Medical Service') },
    ],
    conditionSurveys: [
      { date: '2018-09', condition: 'fair', note: ruEn('Потемнели буквы надписей, сколы на ступенях.', 'The lettering has darkened; chipped steps.'), surveyor: demoSurveyor },
      { date: '2023-06-01', condition: 'good', note: ruEn('Надписи обновлены.', 'The inscriptions have been renewed.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1970-05-09', type: 'unveiling', description: ruEn('Открытие обелиска (демонстрационная запись).', 'The obelisk is unveiled (demo entry).'), actor: 'Горисполком (демо) / City executive committee (demo)' },
      { date: '2008-04', type: 'relocation', description: ruEn('Обелиск перенесён в новый сквер при реконструкции улицы (демонстрационная запись).', 'The obelisk was moved to a new square when the street was rebuilt (demo entry).'), actor: 'Акимат города (демо) / City akimat (demo)' },
      { date: '2015-05', type: 'names-added', description: ruEn('Добавлены имена, установленные поисковиками (демонстрационная запись).', 'Names identified by search volunteers were added (demo entry).'), actor: 'Поисковые волонтёры (демо) / Search volunteers (demo)' },
    ],
  },
  {
    slug: 'karaganda-mass-grave',
    kind: 'mass-grave',
    title: demoTitle('Братская могила воинов, умерших в госпиталях Караганды', 'Mass grave of soldiers who died in Karaganda hospitals'),
    description: memorialDescription(
      'В годы войны в городах Казахстана работали эвакогоспитали, и умерших от ран нередко хоронили в общих могилах на городских кладбищах. Эта демонстрационная запись построена по образцу таких захоронений и не описывает конкретное место. На ней показано, как реестр отражает перезахоронение, повреждение и последующее восстановление.',
      'During the war evacuation hospitals worked in the towns of Kazakhstan, and those who died of their wounds were often buried in shared graves in town cemeteries. This demonstration record is modelled on such burials and does not describe a specific site. It shows how the register records a reburial, damage and subsequent repair.',
    ),
    date: { earliest: 1942, latest: 1965, display: ruEn('захоронения 1942–1945, памятник 1965 (демо)', 'burials 1942–1945, monument 1965 (demo)') },
    place: ruEn('Караганда', 'Karaganda'),
    materials: ruEn('Бетон, мраморная крошка, металлическая ограда', 'Concrete, marble chips, metal fence'),
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-M03',
    tags: [label('госпитали', 'hospitals'), label('братская могила', 'mass grave'), label('Караганда', 'Karaganda')],
    location: KARAGANDA,
    address: ruEn('Караганда, старое городское кладбище', 'Karaganda, old town cemetery'),
    unveilingDate: '1965-05-09',
    inscriptions: [
      {
        original: 'Здесь похоронены воины, умершие от ран в госпиталях города в 1942–1945 гг.',
        originalLanguage: 'ru',
        translations: {
          en: { text: 'Here lie soldiers who died of wounds in the town’s hospitals in 1942–1945.', status: 'translated' },
          kk: { text: 'Мұнда 1942–1945 жылдары қала госпитальдарында жарақаттан қайтыс болған жауынгерлер жерленген.', status: 'translated' },
        },
      },
    ],
    people: [
      { name: 'Семёнов Алексей Михайлович', variants: ['Semyonov Aleksei Mikhailovich', 'Сямёнаў Аляксей Міхайлавіч'], birthYear: 1921, deathYear: 1942, rank: label('красноармеец', 'Red Army private') },
      { name: 'Бекмуратов Талгат', variants: ['Bekmuratov Talgat', 'Бекмұратов Талғат'], birthYear: 1914, deathYear: 1943, rank: label('сержант', 'Sergeant') },
      { name: 'Коваленко Николай Степанович', variants: ['Kovalenko Nikolai Stepanovich', 'Коваленко Микола Степанович', 'Kovalenko Mykola'], birthYear: 1909, deathYear: 1942, rank: label('ефрейтор', 'Lance Corporal') },
      { name: 'Гарипов Рашит', variants: ['Garipov Rashit', 'Гарипов Рәшит'], birthYear: 1924, deathYear: 1944, rank: label('красноармеец', 'Red Army private') },
      { name: 'Лебедев Василий', variants: ['Lebedev Vasily', 'Lebedev Vasilii'], deathYear: 1943 },
      { name: 'Абдрахманов Жумабек', variants: ['Abdrakhmanov Zhumabek', 'Әбдірахманов Жұмабек'], birthYear: 1912, deathYear: 1942, rank: label('старший сержант', 'Senior Sergeant') },
      { name: 'Неизвестный солдат', variants: ['Unknown soldier', 'Белгісіз жауынгер'], deathYear: 1943 },
    ],
    conditionSurveys: [
      { date: '2016', condition: 'poor', note: ruEn('Плиты с именами растрескались, часть букв утрачена.', 'The name slabs are cracked; some letters are lost.'), surveyor: demoSurveyor },
      { date: '2017-11-02', condition: 'very-bad', note: ruEn('После повреждения ограды территория не огорожена.', 'After damage to the fence the site is unenclosed.'), surveyor: demoSurveyor },
      { date: '2022-08-15', condition: 'fair', note: ruEn('Ограда восстановлена, плиты требуют замены.', 'The fence is restored; the slabs still need replacing.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1942', type: 'reburial', description: ruEn('Первые захоронения умерших в госпиталях (демонстрационная запись).', 'The first burials of those who died in hospitals (demo entry).') },
      { date: '1965-05-09', type: 'unveiling', description: ruEn('Установлен памятник над могилой (демонстрационная запись).', 'A monument is placed over the grave (demo entry).'), actor: 'Горняки шахтоуправления (демо) / Mine workers (demo)' },
      { date: '2017-10', type: 'vandalism', description: ruEn('Похищены секции металлической ограды (демонстрационная запись).', 'Sections of the metal fence were stolen (demo entry).') },
      { date: '2018-05', type: 'restoration', description: ruEn('Ограда восстановлена, территория благоустроена (демонстрационная запись).', 'The fence was restored and the grounds tidied (demo entry).'), actor: 'Школа-гимназия и волонтёры (демо) / A local school and volunteers (demo)' },
    ],
  },
  {
    slug: 'shymkent-bust',
    kind: 'bust',
    title: demoTitle('Бюст земляка — Героя Советского Союза в Шымкенте', 'Bust of a local Hero of the Soviet Union in Shymkent'),
    description: memorialDescription(
      'Во многих городах Казахстана стоят бюсты земляков, удостоенных звания Героя Советского Союза. Эта демонстрационная запись составлена по образцу таких памятников: бронзовый бюст на гранитном постаменте у школы, носящей имя героя. Изображённый человек вымышлен.',
      'Many towns in Kazakhstan have busts of local people awarded the title Hero of the Soviet Union. This demonstration record is modelled on such monuments: a bronze bust on a granite pedestal outside a school named after the hero. The person depicted is invented.',
    ),
    date: { earliest: 1985, latest: 1985, display: ruEn('1985 год (демо)', '1985 (demo)') },
    place: ruEn('Шымкент', 'Shymkent'),
    materials: ruEn('Бронза, гранит', 'Bronze, granite'),
    dimensions: 'height with pedestal approx. 3.2 m',
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-M04',
    tags: [label('Герои Советского Союза', 'Heroes of the Soviet Union'), label('Шымкент', 'Shymkent')],
    location: { lat: 42.3417, lng: 69.5901 },
    address: ruEn('Шымкент, у здания школы', 'Shymkent, outside a school building'),
    unveilingDate: '1985-05',
    inscriptions: [
      {
        original: 'Кеңес Одағының Батыры Тұрсынов Абдулла (1917–1944)',
        originalLanguage: 'kk',
        translations: ruEn('Герой Советского Союза Турсунов Абдулла (1917–1944)', 'Hero of the Soviet Union Abdulla Tursunov (1917–1944)'),
      },
    ],
    people: [
      { name: 'Турсунов Абдулла', variants: ['Tursunov Abdulla', 'Тұрсынов Абдулла', 'Tursynov Abdulla'], birthYear: 1917, deathYear: 1944, rank: label('капитан', 'Captain'), unit: 'стрелковый батальон' },
      { name: 'Исмаилов Нурали', variants: ['Ismailov Nurali', 'Ismoilov Nurali'], birthYear: 1920, deathYear: 1944, rank: label('сержант', 'Sergeant'), unit: 'стрелковый батальон' },
      { name: 'Байжанов Марат', variants: ['Baizhanov Marat', 'Байжанов Марат'], birthYear: 1922, deathYear: 1944, rank: label('красноармеец', 'Red Army private'), unit: 'стрелковый батальон' },
      { name: 'Головко Степан Ильич', variants: ['Golovko Stepan Ilyich', 'Головко Степан Ілліч'], birthYear: 1918, deathYear: 1944, rank: label('младший лейтенант', 'Junior Lieutenant'), unit: 'стрелковый батальон' },
    ],
    conditionSurveys: [
      { date: '2004-09', condition: 'poor', note: ruEn('Постамент просел, облицовка отслаивается.', 'The pedestal has subsided; the cladding is coming away.'), surveyor: demoSurveyor },
      { date: '2024-03-10', condition: 'good', surveyor: demoSurveyor },
    ],
    events: [
      { date: '1985-05', type: 'unveiling', description: ruEn('Открытие бюста к 40-летию Победы (демонстрационная запись).', 'The bust is unveiled for the 40th anniversary of the Victory (demo entry).'), actor: 'Школа и районный совет (демо) / School and district council (demo)' },
      { date: '2005-04', type: 'relocation', description: ruEn('Бюст перенесён к новому зданию школы на новый постамент (демонстрационная запись).', 'The bust was moved to the new school building and a new pedestal (demo entry).') },
      { date: '2010-05', type: 'names-added', description: ruEn('Рядом установлена плита с именами однополчан героя (демонстрационная запись).', 'A slab with the names of the hero’s fellow soldiers was placed alongside (demo entry).'), actor: 'Совет ветеранов (демо) / Veterans’ council (demo)' },
    ],
  },
  {
    slug: 'aktobe-plaque',
    kind: 'plaque',
    title: demoTitle('Мемориальная доска на здании бывшего эвакогоспиталя в Актобе', 'Memorial plaque on a former evacuation hospital in Aktobe'),
    description: memorialDescription(
      'В годы войны под эвакогоспитали в городах Казахстана отводили школы, техникумы и клубы; сюда поездами привозили раненых с фронта. Эта демонстрационная запись построена по образцу мемориальных досок на таких зданиях и не описывает конкретную доску. На доске названы врачи и медсёстры госпиталя, а запись показывает, как реестр ведёт историю состояния — от почти нечитаемой надписи до замены доски.',
      'During the war schools, colleges and clubs in the towns of Kazakhstan were turned into evacuation hospitals, and trains brought the wounded there from the front. This demonstration record is modelled on plaques on such buildings and does not describe a specific plaque. The plaque names the hospital’s doctors and nurses, and the record shows how the register tracks condition, from a barely legible inscription to the plaque’s replacement.',
    ),
    date: { earliest: 1995, latest: 2025, display: ruEn('1995 год, заменена в 2025 году (демо)', '1995, replaced in 2025 (demo)') },
    place: ruEn('Актобе', 'Aktobe'),
    materials: ruEn('Мрамор, позднее — гранит', 'Marble, later granite'),
    dimensions: '80 × 60 cm',
    creditLine: credit,
    rights: CC_BY,
    inventoryNumber: 'DEMO-KZ-M05',
    tags: [label('госпитали', 'hospitals'), label('мемориальная доска', 'memorial plaque'), label('Актобе', 'Aktobe')],
    location: { lat: 50.2839, lng: 57.167 },
    address: ruEn('Актобе, улица Айтеке би, здание школы', 'Aktobe, Aiteke Bi Street, a school building'),
    unveilingDate: '1995-05-07',
    inscriptions: [
      {
        original: 'В этом здании в 1941–1945 годах находился эвакогоспиталь. Вечная память медикам, спасавшим жизни раненых воинов.',
        originalLanguage: 'ru',
        translations: {
          en: { text: 'This building housed an evacuation hospital in 1941–1945. Eternal memory to the medics who saved the lives of wounded soldiers.', status: 'translated' },
          kk: { text: 'Бұл ғимаратта 1941–1945 жылдары эвакогоспиталь орналасқан. Жараланған жауынгерлердің өмірін сақтап қалған медиктерге мәңгілік естелік.', status: 'translated' },
        },
      },
      {
        original: 'Ерлігің ел есінде',
        originalLanguage: 'kk',
        translations: ruEn('Твой подвиг в памяти народа', 'Your valour lives in the people’s memory'),
      },
    ],
    people: [
      { name: 'Утегенова Бибигуль Сейтказиевна', variants: ['Utegenova Bibigul Seitkaziyevna', 'Өтегенова Бибігүл Сейітқазықызы'], birthYear: 1908, deathYear: 1943, rank: label('военврач 3-го ранга', 'Military Doctor 3rd Rank'), unit: 'эвакогоспиталь' },
      { name: 'Сидоренко Павел Иванович', variants: ['Sidorenko Pavel Ivanovich', 'Сидоренко Павло Іванович'], birthYear: 1899, deathYear: 1944, rank: label('майор медицинской службы', 'Major of the Medical Service'), unit: 'эвакогоспиталь' },
      { name: 'Есенова Гульсум', variants: ['Yesenova Gulsum', 'Есенова Гүлсім'], birthYear: 1921, deathYear: 1943, rank: label('медицинская сестра', 'Nurse'), unit: 'эвакогоспиталь' },
      { name: 'Фёдорова Клавдия Петровна', variants: ['Fyodorova Klavdiya Petrovna', 'Fedorova Klavdia'], birthYear: 1917, deathYear: 1942, rank: label('медицинская сестра', 'Nurse'), unit: 'эвакогоспиталь' },
      { name: 'Мухамеджанов Ерлан', variants: ['Mukhamedzhanov Yerlan', 'Мұхамеджанов Ерлан'], birthYear: 1923, deathYear: 1945, rank: label('санитар', 'Orderly'), unit: 'эвакогоспиталь' },
    ],
    conditionSurveys: [
      { date: '2020-07', condition: 'very-bad', note: ruEn('Мрамор растрескался, надпись почти не читается.', 'The marble is cracked; the inscription is barely legible.'), surveyor: demoSurveyor },
      { date: '2025-05-01', condition: 'good', note: ruEn('Доска заменена гранитной, имена перенесены полностью.', 'The plaque has been replaced in granite; all the names were carried over.'), surveyor: demoSurveyor },
    ],
    events: [
      { date: '1995-05-07', type: 'unveiling', description: ruEn('Открытие доски к 50-летию Победы (демонстрационная запись).', 'The plaque is unveiled for the 50th anniversary of the Victory (demo entry).'), actor: 'Совет ветеранов (демо) / Veterans’ council (demo)' },
      { date: '2025-04', type: 'restoration', description: ruEn('Мраморная доска заменена гранитной с тем же текстом (демонстрационная запись).', 'The marble plaque was replaced with a granite one bearing the same text (demo entry).'), actor: 'Общество охраны памятников (демо) / Heritage society (demo)' },
    ],
  },
];

const S = (n: number) => `6f1c2a0e-8d4b-4f7a-9c21-${String(n).padStart(12, '0')}`;

export const KAZAKHSTAN_DEMO: DemoCountryContent = {
  countrySlug: 'kazakhstan',
  intro: ruEn(
    'Демонстрационное содержание. Так может выглядеть музей памяти Казахстана на платформе «Витрина»: фотографии, письма, вещи и истории военных лет, выставки о них и реестр мемориалов страны. Все записи здесь — примеры для знакомства с платформой; имена людей на мемориалах вымышлены.',
    'Demonstration content. This is how a memory museum of Kazakhstan can look on the Vitrina platform: wartime photographs, letters, objects and stories, exhibitions about them, and a register of the country’s memorials. Every record here is an example to get to know the platform; the names of people on the memorials are invented.',
  ),
  items,
  memorials,
  exhibitions: [
    {
      slug: 'home-front-and-front-line',
      title: demoTitle('Тыл и фронт: Казахстан в 1941–1945 годах', 'Home front and front line: Kazakhstan in 1941–1945'),
      summary: ruEn(
        'Демонстрационная выставка о дивизии, сформированной в Алма-Ате, о письмах с фронта, о тружениках тыла и эвакуированных заводах — и о том, как сегодня в Казахстане помнят погибших.',
        'A demonstration exhibition about the division formed in Alma-Ata, letters from the front, home-front workers and evacuated factories — and about how Kazakhstan remembers the fallen today.',
      ),
      coverItemSlug: 'panfilov-division-photo',
      sections: [
        {
          id: S(101),
          title: ruEn('Уход на фронт', 'Leaving for the front'),
          blocks: [
            {
              id: S(201),
              type: 'text',
              body: ruEn(
                '<p>Летом 1941 года в Алма-Ате формировалась <strong>316-я стрелковая дивизия</strong>. Командовал ею генерал-майор Иван Васильевич Панфилов, и дивизию вскоре стали называть панфиловской. В октябре–ноябре 1941 года она держала оборону на Волоколамском направлении под Москвой, а в ноябре была преобразована в <strong>8-ю гвардейскую</strong>.</p>' +
                  '<p>Рассказ о «28 панфиловцах», появившийся в военной печати, на десятилетия стал символом стойкости. Ещё в 1948 году проверка военной прокуратуры пришла к выводу, что многие его подробности сочинили журналисты, и историки спорят об этой истории до сих пор. Но это не умаляет ни тяжести боёв, ни жертв дивизии. Подробнее — в статье <a href="https://ru.wikipedia.org/wiki/Подвиг_28_панфиловцев">«Подвиг 28 панфиловцев»</a>.</p>',
                '<p>In the summer of 1941 the <strong>316th Rifle Division</strong> was formed in Alma-Ata. It was commanded by Major General Ivan Panfilov, and soon became known as the Panfilov Division. In October–November 1941 it held the Volokolamsk axis near Moscow, and in November it was redesignated the <strong>8th Guards</strong> Rifle Division.</p>' +
                  '<p>The story of the “28 Panfilov guardsmen” that appeared in the wartime press became a symbol of steadfastness for decades. As early as 1948 an inquiry by the military prosecutor’s office concluded that many of its details had been invented by journalists, and historians still debate the story. That takes nothing away from the severity of the fighting or the division’s losses. Read more in the article <a href="https://en.wikipedia.org/wiki/Panfilov%27s_Twenty-Eight_Guardsmen">“Panfilov’s Twenty-Eight Guardsmen”</a>.</p>',
              ),
            },
            {
              id: S(202),
              type: 'item',
              itemSlug: 'panfilov-division-photo',
              caption: ruEn(
                'Такие снимки делали в последние дни перед отправкой эшелонов; многие из них остались единственными фотографиями бойцов.',
                'Pictures like this were taken in the last days before the trains left; for many soldiers they remained the only photographs.',
              ),
            },
            {
              id: S(203),
              type: 'quote',
              text: ruEn('Велика Россия, а отступать некуда — позади Москва.', 'Russia is vast, but there is nowhere to retreat — Moscow is behind us.'),
              attribution: ruEn(
                'Слова, которые военный корреспондент приписал политруку В. Г. Клочкову; их подлинность историки ставят под сомнение',
                'Words a war correspondent attributed to political instructor Vasily Klochkov; historians doubt they are authentic',
              ),
            },
          ],
        },
        {
          id: S(102),
          title: ruEn('Письма и голоса', 'Letters and voices'),
          blocks: [
            {
              id: S(204),
              type: 'text',
              body: ruEn(
                '<p>Письма с фронта складывали <em>треугольником</em> и отправляли без марок — полевой почтой. Для семей они были единственной связью с близкими, и многие хранят их до сих пор.</p>' +
                  '<p>Номер полевой почты, дата и имя на таких письмах помогают искать сведения о человеке в открытых базах данных — <strong>«Память народа»</strong> и <strong>ОБД «Мемориал»</strong>.</p>',
                '<p>Letters from the front were folded into a <em>triangle</em> and sent without stamps through the field post. For families they were the only link with their loved ones, and many families keep them to this day.</p>' +
                  '<p>The field-post number, the date and the name on such letters help to search for a person in the open databases <strong>Pamyat Naroda</strong> and <strong>OBD Memorial</strong>.</p>',
              ),
            },
            {
              id: S(206),
              type: 'item',
              itemSlug: 'front-letter-triangle',
              caption: ruEn(
                'Обратите внимание на штемпель полевой почты: по нему иногда удаётся установить часть, в которой служил автор.',
                'Note the field-post stamp: it sometimes makes it possible to identify the unit in which the writer served.',
              ),
            },
            {
              id: S(207),
              type: 'gallery',
              itemSlugs: ['field-flask', 'nurse-story', 'hospital-sketch'],
              caption: ruEn('Вещи и истории, которые хранят семьи.', 'Objects and stories that families keep.'),
            },
          ],
        },
        {
          id: S(103),
          title: ruEn('Всё для фронта', 'Everything for the front'),
          blocks: [
            {
              id: S(208),
              type: 'text',
              body: ruEn(
                '<p>С первых месяцев войны Казахстан стал глубоким тылом. Сюда эвакуировали заводы, госпитали, театры и киностудии, а вместе с ними — сотни тысяч людей. Станки нередко запускали <em>под открытым небом</em>, ещё до того, как над ними появлялась крыша.</p>' +
                  '<p>Уголь Караганды, металл и продовольствие шли на фронт, а на место ушедших мужчин к станкам и в шахты вставали <strong>женщины и подростки</strong>.</p>',
                '<p>From the first months of the war Kazakhstan became the deep rear. Factories, hospitals, theatres and film studios were evacuated here, and with them hundreds of thousands of people. Machine tools were often started up <em>in the open air</em>, before a roof was built over them.</p>' +
                  '<p>Coal from Karaganda, metal and food went to the front, and <strong>women and teenagers</strong> took the places of the men who had left, at the machines and in the mines.</p>',
              ),
            },
            {
              id: S(209),
              type: 'item',
              itemSlug: 'evacuated-factory',
              caption: ruEn('Цеха, построенные «на скорую руку», служили потом десятилетиями.', 'Halls built in haste went on to serve for decades.'),
            },
            {
              id: S(210),
              type: 'gallery',
              itemSlugs: ['home-front-poster', 'miner-lamp', 'medal-for-labour', 'school-notebook'],
              caption: ruEn('Тыл в вещах: плакат, шахтёрская лампа, награда и школьная тетрадь.', 'The home front in objects: a poster, a miner’s lamp, an award and a school exercise book.'),
            },
          ],
        },
        {
          id: S(104),
          title: ruEn('Память', 'Remembrance'),
          blocks: [
            {
              id: S(211),
              type: 'text',
              body: ruEn(
                '<p>Мемориалы есть почти в каждом городе и селе Казахстана. На карте отмечены <em>демонстрационные</em> записи реестра: у каждой есть надписи, имена, история обследований и журнал событий.</p>',
                '<p>There are memorials in almost every town and village of Kazakhstan. The map shows <em>demonstration</em> register records: each has inscriptions, names, a history of condition surveys and an event log.</p>',
              ),
            },
            {
              id: S(212),
              type: 'map',
              memorialSlugs: ['glory-memorial-almaty', 'eternal-flame-astana', 'karaganda-mass-grave', 'shymkent-bust', 'aktobe-plaque'],
              itemSlugs: ['panfilov-division-photo', 'evacuated-factory', 'miner-lamp'],
              caption: ruEn('Мемориалы и места, о которых рассказывает выставка.', 'Memorials and places this exhibition tells about.'),
            },
          ],
        },
      ],
    },
  ],
};
