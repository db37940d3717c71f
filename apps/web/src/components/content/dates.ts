/**
 * Dates as people write them, in Russian and English: a year (`1943`), a range (`1941–1945`, `1941-45`),
 * "circa" (`c. 1943`, `около 1943`, `~1943`), a decade (`1940s`, `1940-е`), a century (`XIX век`,
 * `19th century`), years before the common era (`300 BC`, `300 до н. э.`), and for calendar dates a
 * month and day (`9 May 1945`, `9 мая 1945`, `09.05.1945`, `1945-05-09`). Pure: no React, no i18n.
 */

/** A record's dating in years (the `date` of items and memorials, without its display text). */
export interface YearRange {
  earliest?: number;
  latest?: number;
  circa?: boolean;
}

/** Why a text is not a date; the form says it in the UI language. */
export type DateProblem = 'unknown' | 'reversed' | 'month' | 'day' | 'future' | 'yearsOnly' | 'single';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: DateProblem };

export type DateLanguage = 'ru' | 'en';

const LATEST_YEAR = 2100;

// Longer words first: an alternation takes the first that fits (`c` would take the start of `circa`).
const CIRCA = /^(?:circa|ca\.?|c\.?|approx\.?|about|around|около|ок\.?|примерно|приблизительно|прибл\.?|~)\s*/;
const BCE = /\s*(?:bce|bc|b\.c\.|до\s*н\.?\s*э\.?)$/;
/** Trailing words for "year(s)": `1943 г.`, `1941–1945 гг.`, `1940-е годы`, `1945 года`. */
const YEAR_WORD = /\s*(?:гг?\.?|годы|годов|года|год|годах)$/;
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

const MONTH_STEMS: [RegExp, number][] = [
  [/^(jan|янв)/, 1],
  [/^(feb|фев)/, 2],
  [/^(mar|мар)/, 3],
  [/^(apr|апр)/, 4],
  [/^(may|ма[йяе])$/, 5],
  [/^(jun|июн)/, 6],
  [/^(jul|июл)/, 7],
  [/^(aug|авг)/, 8],
  [/^(sep|сен)/, 9],
  [/^(oct|окт)/, 10],
  [/^(nov|ноя)/, 11],
  [/^(dec|дек)/, 12],
];

const MONTHS: Record<DateLanguage, { alone: string[]; ofDay: string[] }> = {
  en: {
    alone: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    ofDay: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
  ru: {
    alone: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
    ofDay: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  },
};

/** Lower case, one kind of dash, single spaces: the forms below need not list every way of typing. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function monthOf(word: string): number | undefined {
  const bare = word.replace(/\.$/, '');
  if (bare.length < 3) return undefined;
  return MONTH_STEMS.find(([stem]) => stem.test(bare))?.[1];
}

function romanValue(text: string): number | undefined {
  if (!/^[ivxlc]+$/.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]];
    const next = ROMAN[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------
// Year ranges

/** `XIX век`, `XIX в.`, `19 в.`, `19-й век`, `19th century`, `19th c.`: the century's number. */
function centuryOf(text: string): number | undefined {
  const ru = /^([ivxlc]+|\d{1,2})(?:-?(?:й|ый|ий|го))?\s*(?:век|века|в\.?)$/.exec(text);
  const en = /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:century|cent\.?|c\.)$/.exec(text);
  const number = ru ? (romanValue(ru[1]) ?? Number(ru[1])) : en ? Number(en[1]) : undefined;
  return number && number >= 1 && number <= 21 ? number : undefined;
}

/** The years a text names, without circa: a year, a decade, a century, a range of years. */
function yearsOf(text: string): { earliest: number; latest: number } | 'reversed' | undefined {
  const bce = BCE.test(text);
  const body = text.replace(BCE, '').replace(YEAR_WORD, '').trim();
  const sign = bce ? -1 : 1;
  const century = centuryOf(body);
  if (century) return bce ? { earliest: -century * 100, latest: -(century - 1) * 100 - 1 } : { earliest: (century - 1) * 100 + 1, latest: century * 100 };
  const decade = /^(\d{3,4})(?:-?[еx]|-?х|'?s)$/.exec(body);
  if (decade && !bce) {
    const start = Number(decade[1]);
    return start % 10 === 0 ? { earliest: start, latest: start + 9 } : undefined;
  }
  const single = /^\d{1,4}$/.exec(body);
  if (single && (body.length >= 3 || bce)) return { earliest: sign * Number(body), latest: sign * Number(body) };
  const range = /^(?:с|from|between)?\s*(\d{1,4})\s*(?:-|to|till|until|and|по|до|и)\s*(\d{1,4})$/.exec(body);
  if (!range) return undefined;
  const [first, secondText] = [range[1], range[2]];
  if (first.length < 3 && !bce) return undefined;
  // `1941-45`: the second year shares the first one's century.
  const second = secondText.length === 2 && first.length === 4 ? Number(first.slice(0, 2) + secondText) : Number(secondText);
  if (secondText.length < 3 && !(secondText.length === 2 && first.length === 4) && !bce) return undefined;
  const [earliest, latest] = [sign * Number(first), sign * second];
  return earliest <= latest ? { earliest, latest } : 'reversed';
}

/** A dating in years, or why not; `undefined` when the text names no years at all. */
function yearRangeOf(text: string): Parsed<YearRange | undefined> | undefined {
  let body = normalise(text);
  if (body === '') return { ok: true, value: undefined };
  const circa = CIRCA.test(body);
  body = body.replace(CIRCA, '');
  const years = yearsOf(body);
  if (years === 'reversed') return { ok: false, problem: 'reversed' };
  if (!years) return undefined;
  if (years.latest > LATEST_YEAR) return { ok: false, problem: 'future' };
  return { ok: true, value: circa ? { ...years, circa: true } : years };
}

/**
 * A record's dating from what a person typed: `undefined` for an empty text, or why it is not one.
 * Calendar dates (`9 May 1945`) are refused here: a record is dated in years.
 */
export function parseYearRange(text: string): Parsed<YearRange | undefined> {
  const years = yearRangeOf(text);
  if (years) return years;
  const calendar = parsePartialDate(text);
  return { ok: false, problem: calendar.ok ? 'yearsOnly' : 'unknown' };
}

const CIRCA_WORD: Record<DateLanguage, string> = { en: 'c.', ru: 'ок.' };

const toRoman = (n: number) =>
  [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ].reduce<[string, number]>(([out, rest], [value, numeral]) => {
    const times = Math.floor(rest / (value as number));
    return [out + (numeral as string).repeat(times), rest - times * (value as number)];
  }, ['', n])[0];

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

function yearText(year: number, lang: DateLanguage): string {
  return year < 0 ? `${-year} ${lang === 'ru' ? 'до н. э.' : 'BC'}` : String(year);
}

function centuryText(earliest: number, latest: number, lang: DateLanguage): string | undefined {
  const ad = earliest > 0 && earliest % 100 === 1 && latest === earliest + 99;
  const bc = latest < 0 && latest % 100 === -1 && earliest === latest - 99;
  if (!ad && !bc) return undefined;
  const number = ad ? latest / 100 : -earliest / 100;
  const era = bc ? (lang === 'ru' ? ' до н. э.' : ' BC') : '';
  return lang === 'ru' ? `${toRoman(number)} век${era}` : `${ordinal(number)} century${era}`;
}

/** How a dating shows to visitors in `lang`: `c. 1943`, `1941–1945`, `1940s`, `XIX век`, `300 BC`. */
export function formatYearRange(range: { earliest?: number | null; latest?: number | null; circa?: boolean } | null | undefined, lang: DateLanguage): string {
  const earliest = range?.earliest ?? range?.latest;
  const latest = range?.latest ?? range?.earliest;
  if (earliest == null || latest == null || Number.isNaN(earliest) || Number.isNaN(latest)) return '';
  let core: string;
  const century = centuryText(earliest, latest, lang);
  if (earliest === latest) core = yearText(earliest, lang);
  else if (century) core = century;
  else if (earliest >= 0 && earliest % 10 === 0 && latest === earliest + 9) core = lang === 'ru' ? `${earliest}-е` : `${earliest}s`;
  else if (latest < 0) core = `${-earliest}–${yearText(latest, lang)}`;
  else core = `${yearText(earliest, lang)}–${yearText(latest, lang)}`;
  return range?.circa ? `${CIRCA_WORD[lang]} ${core}` : core;
}

// ---------------------------------------------------------------------------------------------------
// Calendar dates, possibly partial

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function calendarDate(year: number, month?: number, day?: number): Parsed<string> {
  if (month === undefined) return { ok: true, value: String(year) };
  if (month < 1 || month > 12) return { ok: false, problem: 'month' };
  if (day === undefined) return { ok: true, value: `${year}-${pad(month)}` };
  if (day < 1 || day > daysIn(year, month)) return { ok: false, problem: 'day' };
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A calendar date from what a person typed, as the content model stores it: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`; `undefined` for an empty text, or why it is not one.
 */
export function parsePartialDate(text: string): Parsed<string | undefined> {
  const body = normalise(text).replace(YEAR_WORD, '').replace(/\.$/, '').trim();
  if (body === '') return { ok: true, value: undefined };
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(body);
  // `1941-45` is a range of years, not month 45.
  if (iso && !(iso[2] && Number(iso[2]) > 12 && yearRangeOf(text)?.ok)) return calendarDate(Number(iso[1]), num(iso[2]), num(iso[3]));
  const dotted = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$/.exec(body);
  if (dotted) return calendarDate(Number(dotted[3]), Number(dotted[2]), num(dotted[1]));
  const dayFirst = /^(?:(\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\s+)?([a-zа-яё]+\.?),?\s+(\d{4})$/.exec(body);
  const monthFirst = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(body);
  const words = dayFirst ? { day: dayFirst[1], month: dayFirst[2], year: dayFirst[3] } : monthFirst && { day: monthFirst[2], month: monthFirst[1], year: monthFirst[3] };
  const month = words && monthOf(words.month);
  if (words && month) return calendarDate(Number(words.year), month, num(words.day));
  // A range or "circa" is a dating in years, not one date.
  const range = yearRangeOf(text);
  const several = range?.ok && range.value && (range.value.circa || range.value.earliest !== range.value.latest);
  return { ok: false, problem: several ? 'single' : 'unknown' };
}

/** How a calendar date shows to visitors in `lang`: `9 May 1945`, `May 1945`, `9 мая 1945`, `май 1945`. */
export function formatPartialDate(value: string | undefined, lang: DateLanguage): string {
  const match = value && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value ?? '';
  const [, year, month, day] = match;
  if (!month) return year;
  const names = MONTHS[lang];
  if (!day) return `${names.alone[Number(month) - 1]} ${year}`;
  return `${Number(day)} ${names.ofDay[Number(month) - 1]} ${year}`;
}

/** The UI language's dating language (the UI has Russian and English). */
export const dateLanguage = (uiLanguage: string): DateLanguage => (uiLanguage.startsWith('en') ? 'en' : 'ru');

/** A person's birth or death as visitors read it: `9 May 1945`, `c. 1915`, `около марта 1915`. */
export function formatPersonDate(value: { date: string; circa?: boolean } | null | undefined, lang: DateLanguage): string {
  if (!value) return '';
  const date = formatPartialDate(value.date, lang);
  return value.circa ? `${CIRCA_WORD[lang]} ${date}` : date;
}

/** A person's years for a list: `1915–1942`, `c. 1915–?`; empty when neither is known. */
export function formatLifeYears(birth: { date: string; circa?: boolean } | null, death: { date: string; circa?: boolean } | null, lang: DateLanguage): string {
  if (!birth && !death) return '';
  const year = (value: { date: string; circa?: boolean } | null) => (value ? `${value.circa ? `${CIRCA_WORD[lang]} ` : ''}${value.date.slice(0, 4)}` : '?');
  return `${year(birth)}–${year(death)}`;
}
