import { describe, expect, it } from 'vitest';
import { type DateLanguage, formatPartialDate, formatYearRange, parsePartialDate, parseYearRange } from './dates';

const years = (earliest: number, latest = earliest, circa = false) => ({ ok: true, value: circa ? { earliest, latest, circa } : { earliest, latest } });
const refused = (problem: string) => ({ ok: false, problem });

describe('a dating in years, as people write it', () => {
  it.each([
    ['1943', years(1943)],
    [' 1943 ', years(1943)],
    ['1943 г.', years(1943)],
    ['1943 год', years(1943)],
    ['1941–1945', years(1941, 1945)],
    ['1941-1945', years(1941, 1945)],
    ['1941 — 1945', years(1941, 1945)],
    ['1941 - 1945 гг.', years(1941, 1945)],
    ['1941−1945', years(1941, 1945)],
    ['1941-45', years(1941, 1945)],
    ['с 1941 по 1945', years(1941, 1945)],
    ['from 1941 to 1945', years(1941, 1945)],
    ['c. 1943', years(1943, 1943, true)],
    ['c.1943', years(1943, 1943, true)],
    ['ca. 1943', years(1943, 1943, true)],
    ['circa 1943', years(1943, 1943, true)],
    ['Около 1943', years(1943, 1943, true)],
    ['ок. 1943', years(1943, 1943, true)],
    ['~1943', years(1943, 1943, true)],
    ['примерно 1943 г.', years(1943, 1943, true)],
    ['c. 1941–1945', years(1941, 1945, true)],
    ['1940s', years(1940, 1949)],
    ["1940's", years(1940, 1949)],
    ['1940-е', years(1940, 1949)],
    ['1940-е годы', years(1940, 1949)],
    ['около 1940-х', years(1940, 1949, true)],
    ['XIX век', years(1801, 1900)],
    ['xix в.', years(1801, 1900)],
    ['19th century', years(1801, 1900)],
    ['300 BC', years(-300)],
    ['300 до н. э.', years(-300)],
    ['500–300 до н.э.', years(-500, -300)],
    ['V век до н. э.', years(-500, -401)],
    ['', { ok: true, value: undefined }],
    ['   ', { ok: true, value: undefined }],
  ])('%j', (text, expected) => {
    expect(parseYearRange(text)).toEqual(expected);
  });

  it.each([
    ['abc', 'unknown'],
    ['45', 'unknown'],
    ['1 2', 'unknown'],
    ['1943 года ок', 'unknown'],
    ['1945–1941', 'reversed'],
    ['1945-41', 'reversed'],
    ['1943s', 'unknown'],
    ['2150', 'future'],
    ['1990–2150', 'future'],
    ['9 May 1945', 'yearsOnly'],
    ['09.05.1945', 'yearsOnly'],
    ['32.13.1945', 'unknown'],
    ['c.', 'unknown'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseYearRange(text)).toEqual(refused(problem));
  });
});

describe('a calendar date, possibly partial', () => {
  it.each([
    ['1945', '1945'],
    ['1945-05-09', '1945-05-09'],
    ['1945-5-9', '1945-05-09'],
    ['1945-05', '1945-05'],
    ['09.05.1945', '1945-05-09'],
    ['9.5.1945', '1945-05-09'],
    ['05.1945', '1945-05'],
    ['9 May 1945', '1945-05-09'],
    ['9th May 1945', '1945-05-09'],
    ['May 9, 1945', '1945-05-09'],
    ['may 1945', '1945-05'],
    ['Sept. 1941', '1941-09'],
    ['9 мая 1945', '1945-05-09'],
    ['9 мая 1945 года', '1945-05-09'],
    ['9 мая 1945 г.', '1945-05-09'],
    ['май 1945', '1945-05'],
    ['Май 1945 г.', '1945-05'],
    ['22 июня 1941', '1941-06-22'],
    ['сентябрь 1941', '1941-09'],
    ['1 декабря 2021', '2021-12-01'],
    ['29.02.1944', '1944-02-29'],
    ['1967 г.', '1967'],
  ])('%j is %s', (text, stored) => {
    expect(parsePartialDate(text)).toEqual({ ok: true, value: stored });
  });

  it('takes an empty text as no date', () => {
    expect(parsePartialDate('')).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['32.13.1945', 'month'],
    ['1945-13', 'month'],
    ['31.04.1945', 'day'],
    ['29.02.1945', 'day'],
    ['0.05.1945', 'day'],
    ['abc', 'unknown'],
    ['9 маяя 1945', 'unknown'],
    ['9 mai 1945', 'unknown'],
    ['09.05.45', 'unknown'],
    ['945', 'unknown'],
    ['1941–1945', 'single'],
    ['1941-45', 'single'],
    ['c. 1943', 'single'],
    ['1940-е', 'single'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parsePartialDate(text)).toEqual(refused(problem));
  });
});

describe('how a date shows to visitors', () => {
  it.each<[object | undefined, string, string]>([
    [{ earliest: 1943, latest: 1943 }, '1943', '1943'],
    [{ earliest: 1943 }, '1943', '1943'],
    [{ latest: 1945 }, '1945', '1945'],
    [{ earliest: 1943, latest: 1943, circa: true }, 'c. 1943', 'ок. 1943'],
    [{ earliest: 1941, latest: 1945 }, '1941–1945', '1941–1945'],
    [{ earliest: 1941, latest: 1945, circa: true }, 'c. 1941–1945', 'ок. 1941–1945'],
    [{ earliest: 1940, latest: 1949 }, '1940s', '1940-е'],
    [{ earliest: 1801, latest: 1900 }, '19th century', 'XIX век'],
    [{ earliest: 2001, latest: 2100 }, '21st century', 'XXI век'],
    [{ earliest: -300, latest: -300 }, '300 BC', '300 до н. э.'],
    [{ earliest: -500, latest: -300 }, '500–300 BC', '500–300 до н. э.'],
    [{ earliest: -500, latest: -401 }, '5th century BC', 'V век до н. э.'],
    [{ earliest: Number.NaN }, '', ''],
    [undefined, '', ''],
  ])('%j', (range, en, ru) => {
    expect(formatYearRange(range, 'en')).toBe(en);
    expect(formatYearRange(range, 'ru')).toBe(ru);
  });

  it.each([
    ['1945', '1945', '1945'],
    ['1945-05', 'May 1945', 'май 1945'],
    ['1945-05-09', '9 May 1945', '9 мая 1945'],
    ['1941-06-22', '22 June 1941', '22 июня 1941'],
  ])('%s', (value, en, ru) => {
    expect(formatPartialDate(value, 'en')).toBe(en);
    expect(formatPartialDate(value, 'ru')).toBe(ru);
  });

  it('reads back what it shows, in both languages', () => {
    const ranges = [{ earliest: 1943, latest: 1943, circa: true }, { earliest: 1940, latest: 1949 }, { earliest: 1801, latest: 1900 }, { earliest: -500, latest: -300 }, { earliest: 1941, latest: 1945 }];
    for (const lang of ['en', 'ru'] as DateLanguage[]) {
      for (const range of ranges) expect(parseYearRange(formatYearRange(range, lang)), `${lang} ${JSON.stringify(range)}`).toEqual({ ok: true, value: range });
      for (const date of ['1945', '1945-05', '1945-05-09', '2021-12-31']) expect(parsePartialDate(formatPartialDate(date, lang))).toEqual({ ok: true, value: date });
    }
  });
});
