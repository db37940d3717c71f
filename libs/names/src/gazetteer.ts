/**
 * A small gazetteer: the main places of the twelve countries (and the Russian cities that their
 * soldiers' records name most), each with its modern and historical names in every script people
 * write them in. `placeKeys` folds every name of one place to the place's id.
 *
 * Names: the official local form, Russian (current and Soviet), the English / official Latin form,
 * and the historical ones (years of use in the comment where a name changed). Spelling variants that
 * the folding already joins (Алма-Ата / Alma-Ata / Almaata) need not be listed twice.
 */
export interface GazetteerPlace {
  /** Stable id: `<country>/<place>`, the key every name of the place folds to. */
  id: string;
  /** Country slug as the platform's countries use (seed-countries), `russia` for Russian cities. */
  country: string;
  names: readonly string[];
}

export const GAZETTEER: readonly GazetteerPlace[] = [
  // Armenia
  { id: 'armenia/yerevan', country: 'armenia', names: ['Ереван', 'Երևան', 'Yerevan', 'Эривань', 'Erivan'] },
  // Alexandropol until 1924, Leninakan 1924–1990, Kumayri 1990–1992.
  { id: 'armenia/gyumri', country: 'armenia', names: ['Гюмри', 'Գյումրի', 'Gyumri', 'Ленинакан', 'Leninakan', 'Александрополь', 'Alexandropol', 'Кумайри'] },
  // Karaklis until 1935, Kirovakan 1935–1993.
  { id: 'armenia/vanadzor', country: 'armenia', names: ['Ванадзор', 'Վանաձոր', 'Vanadzor', 'Кировакан', 'Kirovakan', 'Караклис'] },
  { id: 'armenia/vagharshapat', country: 'armenia', names: ['Вагаршапат', 'Վաղարշապատ', 'Vagharshapat', 'Эчмиадзин', 'Էջմիածին', 'Etchmiadzin'] },
  { id: 'armenia/kapan', country: 'armenia', names: ['Капан', 'Կապան', 'Kapan', 'Кафан', 'Ghapan'] },
  // Georgia
  { id: 'georgia/tbilisi', country: 'georgia', names: ['Тбилиси', 'თბილისი', 'Tbilisi', 'Тифлис', 'Tiflis'] },
  { id: 'georgia/kutaisi', country: 'georgia', names: ['Кутаиси', 'ქუთაისი', 'Kutaisi'] },
  { id: 'georgia/batumi', country: 'georgia', names: ['Батуми', 'ბათუმი', 'Batumi', 'Батум', 'Batum'] },
  { id: 'georgia/rustavi', country: 'georgia', names: ['Рустави', 'რუსთავი', 'Rustavi'] },
  { id: 'georgia/gori', country: 'georgia', names: ['Гори', 'გორი', 'Gori'] },
  { id: 'georgia/zugdidi', country: 'georgia', names: ['Зугдиди', 'ზუგდიდი', 'Zugdidi'] },
  { id: 'georgia/poti', country: 'georgia', names: ['Поти', 'ფოთი', 'Poti'] },
  // Abkhazia
  { id: 'abkhazia/sukhum', country: 'abkhazia', names: ['Сухум', 'Сухуми', 'Аҟәа', 'Sukhum', 'Sukhumi', 'სოხუმი', 'Сухум-Кале'] },
  { id: 'abkhazia/gagra', country: 'abkhazia', names: ['Гагра', 'Gagra', 'გაგრა'] },
  { id: 'abkhazia/gudauta', country: 'abkhazia', names: ['Гудаута', 'Gudauta', 'Гәдоуҭа'] },
  { id: 'abkhazia/ochamchira', country: 'abkhazia', names: ['Очамчира', 'Очамчыра', 'Ochamchire', 'Ochamchira', 'ოჩამჩირე'] },
  // South Ossetia: Stalinir 1934–1961.
  { id: 'south-ossetia/tskhinval', country: 'south-ossetia', names: ['Цхинвал', 'Цхинвали', 'Tskhinvali', 'Tskhinval', 'ცხინვალი', 'Сталинир', 'Staliniri'] },
  { id: 'south-ossetia/akhalgori', country: 'south-ossetia', names: ['Ахалгори', 'Ленингор', 'Akhalgori', 'Leningor', 'ახალგორი'] },
  { id: 'south-ossetia/java', country: 'south-ossetia', names: ['Дзау', 'Джава', 'Java', 'Dzau', 'ჯავა'] },
  // Azerbaijan: Ganja was Elisavetpol until 1918 and Kirovabad 1935–1989.
  { id: 'azerbaijan/baku', country: 'azerbaijan', names: ['Баку', 'Bakı', 'Baku'] },
  { id: 'azerbaijan/ganja', country: 'azerbaijan', names: ['Гянджа', 'Gəncə', 'Ganja', 'Кировабад', 'Kirovabad', 'Елисаветполь', 'Elisavetpol'] },
  { id: 'azerbaijan/sumgait', country: 'azerbaijan', names: ['Сумгаит', 'Sumqayıt', 'Sumgait'] },
  { id: 'azerbaijan/shaki', country: 'azerbaijan', names: ['Шеки', 'Şəki', 'Shaki', 'Нуха', 'Nukha'] },
  { id: 'azerbaijan/lankaran', country: 'azerbaijan', names: ['Ленкорань', 'Lənkəran', 'Lankaran'] },
  { id: 'azerbaijan/nakhchivan', country: 'azerbaijan', names: ['Нахичевань', 'Naxçıvan', 'Nakhchivan'] },
  // Belarus
  { id: 'belarus/minsk', country: 'belarus', names: ['Минск', 'Мінск', 'Minsk', 'Менск', 'Miensk'] },
  { id: 'belarus/brest', country: 'belarus', names: ['Брест', 'Brest', 'Брест-Литовск', 'Brest-Litovsk', 'Brześć'] },
  { id: 'belarus/gomel', country: 'belarus', names: ['Гомель', 'Homiel', 'Gomel'] },
  { id: 'belarus/grodno', country: 'belarus', names: ['Гродно', 'Гродна', 'Hrodna', 'Grodno'] },
  { id: 'belarus/vitebsk', country: 'belarus', names: ['Витебск', 'Віцебск', 'Viciebsk', 'Vitebsk'] },
  { id: 'belarus/mogilev', country: 'belarus', names: ['Могилёв', 'Магілёў', 'Mahilioŭ', 'Mogilev', 'Mahilyow'] },
  { id: 'belarus/bobruisk', country: 'belarus', names: ['Бобруйск', 'Бабруйск', 'Babruysk', 'Bobruisk'] },
  { id: 'belarus/khatyn', country: 'belarus', names: ['Хатынь', 'Khatyn', 'Chatyń'] },
  // Kazakhstan: Verny until 1921, Alma-Ata 1921–1993.
  { id: 'kazakhstan/almaty', country: 'kazakhstan', names: ['Алматы', 'Алма-Ата', 'Almaty', 'Верный', 'Vernyi'] },
  // Akmolinsk until 1961, Tselinograd 1961–1992, Akmola 1992–1998, Nur-Sultan 2019–2022.
  { id: 'kazakhstan/astana', country: 'kazakhstan', names: ['Астана', 'Astana', 'Нур-Султан', 'Нұр-Сұлтан', 'Nur-Sultan', 'Акмолинск', 'Akmolinsk', 'Целиноград', 'Tselinograd', 'Акмола', 'Ақмола', 'Aqmola'] },
  { id: 'kazakhstan/shymkent', country: 'kazakhstan', names: ['Шымкент', 'Чимкент', 'Shymkent', 'Chimkent'] },
  { id: 'kazakhstan/karaganda', country: 'kazakhstan', names: ['Караганда', 'Қарағанды', 'Karaganda', 'Qaraghandy', 'Qaraǵandy'] },
  { id: 'kazakhstan/aktobe', country: 'kazakhstan', names: ['Актобе', 'Ақтөбе', 'Aktobe', 'Актюбинск', 'Aktyubinsk'] },
  { id: 'kazakhstan/oskemen', country: 'kazakhstan', names: ['Усть-Каменогорск', 'Өскемен', 'Oskemen', 'Ust-Kamenogorsk'] },
  { id: 'kazakhstan/semey', country: 'kazakhstan', names: ['Семей', 'Semey', 'Семипалатинск', 'Semipalatinsk'] },
  // Aulie-Ata until 1936, Mirzoyan 1936–1938, Dzhambul 1938–1997.
  { id: 'kazakhstan/taraz', country: 'kazakhstan', names: ['Тараз', 'Taraz', 'Джамбул', 'Жамбыл', 'Dzhambul', 'Аулие-Ата', 'Әулиеата', 'Aulie-Ata'] },
  { id: 'kazakhstan/kyzylorda', country: 'kazakhstan', names: ['Кызылорда', 'Қызылорда', 'Kyzylorda', 'Qyzylorda', 'Перовск', 'Ак-Мечеть'] },
  { id: 'kazakhstan/oral', country: 'kazakhstan', names: ['Уральск', 'Орал', 'Oral', 'Uralsk'] },
  { id: 'kazakhstan/pavlodar', country: 'kazakhstan', names: ['Павлодар', 'Pavlodar'] },
  { id: 'kazakhstan/petropavl', country: 'kazakhstan', names: ['Петропавловск', 'Петропавл', 'Petropavl', 'Petropavlovsk'] },
  { id: 'kazakhstan/atyrau', country: 'kazakhstan', names: ['Атырау', 'Atyrau', 'Гурьев', 'Guryev'] },
  { id: 'kazakhstan/kostanay', country: 'kazakhstan', names: ['Костанай', 'Қостанай', 'Кустанай', 'Kostanay', 'Qostanai', 'Kustanai'] },
  // Kyrgyzstan: Pishpek until 1926, Frunze 1926–1991.
  { id: 'kyrgyzstan/bishkek', country: 'kyrgyzstan', names: ['Бишкек', 'Bishkek', 'Фрунзе', 'Frunze', 'Пишпек', 'Pishpek'] },
  { id: 'kyrgyzstan/osh', country: 'kyrgyzstan', names: ['Ош', 'Osh'] },
  { id: 'kyrgyzstan/karakol', country: 'kyrgyzstan', names: ['Каракол', 'Karakol', 'Пржевальск', 'Przhevalsk'] },
  { id: 'kyrgyzstan/jalal-abad', country: 'kyrgyzstan', names: ['Джалал-Абад', 'Жалал-Абад', 'Jalal-Abad'] },
  { id: 'kyrgyzstan/tokmok', country: 'kyrgyzstan', names: ['Токмок', 'Токмак', 'Tokmok', 'Tokmak'] },
  { id: 'kyrgyzstan/naryn', country: 'kyrgyzstan', names: ['Нарын', 'Naryn'] },
  { id: 'kyrgyzstan/talas', country: 'kyrgyzstan', names: ['Талас', 'Talas'] },
  // Moldova
  { id: 'moldova/chisinau', country: 'moldova', names: ['Кишинёв', 'Кишинэу', 'Chișinău', 'Kishinev', 'Chisinau'] },
  { id: 'moldova/balti', country: 'moldova', names: ['Бельцы', 'Бэлць', 'Bălți', 'Beltsy'] },
  { id: 'moldova/tiraspol', country: 'moldova', names: ['Тирасполь', 'Tiraspol'] },
  { id: 'moldova/bender', country: 'moldova', names: ['Бендеры', 'Bender', 'Bendery', 'Тигина', 'Tighina'] },
  { id: 'moldova/cahul', country: 'moldova', names: ['Кагул', 'Cahul', 'Kagul'] },
  { id: 'moldova/orhei', country: 'moldova', names: ['Оргеев', 'Orhei', 'Orgeyev'] },
  { id: 'moldova/soroca', country: 'moldova', names: ['Сороки', 'Soroca', 'Soroki'] },
  // Tajikistan: Dyushambe until 1929, Stalinabad 1929–1961; Khodzhent, then Leninabad 1936–1991.
  { id: 'tajikistan/dushanbe', country: 'tajikistan', names: ['Душанбе', 'Dushanbe', 'Сталинабад', 'Stalinabad', 'Дюшамбе'] },
  { id: 'tajikistan/khujand', country: 'tajikistan', names: ['Худжанд', 'Хуҷанд', 'Khujand', 'Ленинабад', 'Leninabad', 'Ходжент', 'Khodzhent'] },
  { id: 'tajikistan/kulob', country: 'tajikistan', names: ['Куляб', 'Кӯлоб', 'Kulob', 'Kulyab'] },
  { id: 'tajikistan/bokhtar', country: 'tajikistan', names: ['Бохтар', 'Bokhtar', 'Курган-Тюбе', 'Kurgan-Tyube', 'Қӯрғонтеппа'] },
  { id: 'tajikistan/istaravshan', country: 'tajikistan', names: ['Истаравшан', 'Istaravshan', 'Ура-Тюбе', 'Ura-Tyube'] },
  // Uzbekistan
  { id: 'uzbekistan/tashkent', country: 'uzbekistan', names: ['Ташкент', 'Тошкент', 'Toshkent', 'Tashkent'] },
  { id: 'uzbekistan/samarkand', country: 'uzbekistan', names: ['Самарканд', 'Самарқанд', 'Samarqand', 'Samarkand'] },
  { id: 'uzbekistan/bukhara', country: 'uzbekistan', names: ['Бухара', 'Бухоро', 'Buxoro', 'Bukhara'] },
  { id: 'uzbekistan/andijan', country: 'uzbekistan', names: ['Андижан', 'Андижон', 'Andijon', 'Andijan'] },
  { id: 'uzbekistan/namangan', country: 'uzbekistan', names: ['Наманган', 'Namangan'] },
  // Novy Margelan until 1907, Skobelev 1907–1924.
  { id: 'uzbekistan/fergana', country: 'uzbekistan', names: ['Фергана', 'Фарғона', "Farg'ona", 'Fergana', 'Скобелев', 'Новый Маргелан'] },
  { id: 'uzbekistan/nukus', country: 'uzbekistan', names: ['Нукус', 'Nukus'] },
  { id: 'uzbekistan/karshi', country: 'uzbekistan', names: ['Карши', 'Қарши', 'Qarshi', 'Karshi', 'Бек-Буди'] },
  { id: 'uzbekistan/khiva', country: 'uzbekistan', names: ['Хива', 'Xiva', 'Khiva'] },
  // Ukraine
  { id: 'ukraine/kyiv', country: 'ukraine', names: ['Киев', 'Київ', 'Kyiv', 'Kiev', 'Kijów'] },
  { id: 'ukraine/kharkiv', country: 'ukraine', names: ['Харьков', 'Харків', 'Kharkiv', 'Kharkov'] },
  { id: 'ukraine/odesa', country: 'ukraine', names: ['Одесса', 'Одеса', 'Odesa', 'Odessa'] },
  // Yekaterinoslav until 1926, Dnipropetrovsk 1926–2016.
  { id: 'ukraine/dnipro', country: 'ukraine', names: ['Днепр', 'Дніпро', 'Dnipro', 'Днепропетровск', 'Дніпропетровськ', 'Dnipropetrovsk', 'Екатеринослав', 'Yekaterinoslav'] },
  { id: 'ukraine/lviv', country: 'ukraine', names: ['Львов', 'Львів', 'Lviv', 'Lvov', 'Lwów', 'Lemberg'] },
  { id: 'ukraine/zaporizhzhia', country: 'ukraine', names: ['Запорожье', 'Запоріжжя', 'Zaporizhzhia', 'Zaporozhye', 'Александровск'] },
  // Yuzovka until 1924, Stalino 1924–1961.
  { id: 'ukraine/donetsk', country: 'ukraine', names: ['Донецк', 'Донецьк', 'Donetsk', 'Сталино', 'Stalino', 'Юзовка', 'Yuzovka'] },
  { id: 'ukraine/luhansk', country: 'ukraine', names: ['Луганск', 'Луганськ', 'Luhansk', 'Lugansk', 'Ворошиловград', 'Voroshilovgrad'] },
  { id: 'ukraine/mariupol', country: 'ukraine', names: ['Мариуполь', 'Маріуполь', 'Mariupol', 'Жданов', 'Zhdanov'] },
  { id: 'ukraine/kropyvnytskyi', country: 'ukraine', names: ['Кропивницкий', 'Кропивницький', 'Kropyvnytskyi', 'Кировоград', 'Кіровоград', 'Kirovohrad', 'Елисаветград', 'Yelysavethrad'] },
  { id: 'ukraine/vinnytsia', country: 'ukraine', names: ['Винница', 'Вінниця', 'Vinnytsia', 'Vinnitsa'] },
  { id: 'ukraine/sevastopol', country: 'ukraine', names: ['Севастополь', 'Sevastopol'] },
  { id: 'ukraine/kerch', country: 'ukraine', names: ['Керчь', 'Керч', 'Kerch'] },
  // Russia: the cities a soldier's record names most.
  { id: 'russia/moscow', country: 'russia', names: ['Москва', 'Moskva', 'Moscow', 'Moskau', 'Moscou'] },
  // Petrograd 1914–1924, Leningrad 1924–1991.
  { id: 'russia/saint-petersburg', country: 'russia', names: ['Санкт-Петербург', 'Sankt-Peterburg', 'Saint Petersburg', 'St Petersburg', 'Ленинград', 'Leningrad', 'Петроград', 'Petrograd'] },
  // Tsaritsyn until 1925, Stalingrad 1925–1961.
  { id: 'russia/volgograd', country: 'russia', names: ['Волгоград', 'Volgograd', 'Сталинград', 'Stalingrad', 'Царицын', 'Tsaritsyn'] },
  { id: 'russia/nizhny-novgorod', country: 'russia', names: ['Нижний Новгород', 'Nizhny Novgorod', 'Горький', 'Gorky'] },
  { id: 'russia/samara', country: 'russia', names: ['Самара', 'Samara', 'Куйбышев', 'Kuybyshev'] },
  { id: 'russia/yekaterinburg', country: 'russia', names: ['Екатеринбург', 'Yekaterinburg', 'Свердловск', 'Sverdlovsk'] },
  { id: 'russia/kaliningrad', country: 'russia', names: ['Калининград', 'Kaliningrad', 'Кёнигсберг', 'Königsberg'] },
  { id: 'russia/tver', country: 'russia', names: ['Тверь', 'Tver', 'Калинин', 'Kalinin'] },
  { id: 'russia/smolensk', country: 'russia', names: ['Смоленск', 'Smolensk'] },
  { id: 'russia/kursk', country: 'russia', names: ['Курск', 'Kursk'] },
  { id: 'russia/novorossiysk', country: 'russia', names: ['Новороссийск', 'Novorossiysk'] },
  { id: 'russia/rzhev', country: 'russia', names: ['Ржев', 'Rzhev'] },
];
