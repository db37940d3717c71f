import { type PersonDocument, personInputSchema } from '@vitrina/contracts';
import { describe, expect, it } from 'vitest';
import { MIN_SCORE, likeness } from './person-likeness';
import { unitePeople } from './person-union';

const text = (value: string) => ({ text: value, status: 'original' as const });
const person = (slug: string, extra: Partial<PersonDocument>): PersonDocument => personInputSchema.parse({ slug, name: extra.name, title: { ru: text(extra.name ?? slug) }, ...extra });
const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';
const A1 = '33333333-3333-4333-8333-333333333333';

describe('unitePeople', () => {
  it('keeps every value of the survivor, fills what it lacks, unites lists without repeats and reports what it kept', () => {
    const kept = person('aa', { name: 'Иванов Пётр', unit: '316-я дивизия', rank: { ru: 'сержант' }, awards: ['Медаль'], memorials: [{ memorialId: M1, role: 'commemorated' }], media: [{ assetId: A1 }] });
    const other = person('bb', {
      name: 'Ivanov Pyotr',
      variants: ['Иванов Пётр', 'Ivanov P.'],
      unit: '8-я дивизия',
      rank: { ru: 'старшина', en: 'Sergeant major' },
      death: { date: '1943' },
      awards: ['медаль', 'Орден'],
      memorials: [{ memorialId: M1, role: 'burial', plot: 'ряд 1' }, { memorialId: M2, role: 'commemorated' }],
      media: [{ assetId: A1 }],
      biography: { en: text('<p>Bio</p>') },
      fate: 'killed',
    });
    const { document, conflicts } = unitePeople(kept, other, 'draft');
    expect(document).toMatchObject({ slug: 'aa', name: 'Иванов Пётр', unit: '316-я дивизия', rank: { ru: 'сержант', en: 'Sergeant major' }, death: { date: '1943' }, fate: 'killed' });
    expect(document.variants).toEqual(['Ivanov Pyotr', 'Ivanov P.']);
    expect(document.awards).toEqual(['Медаль', 'Орден']);
    expect(document.memorials).toEqual([{ memorialId: M1, role: 'commemorated', plot: 'ряд 1' }, { memorialId: M2, role: 'commemorated' }]);
    expect(document.media).toEqual([{ assetId: A1 }]);
    expect(document.biography).toEqual({ en: text('<p>Bio</p>') });
    expect(conflicts).toEqual([
      { copy: 'draft', field: 'rank.ru', kept: 'сержант', dropped: 'старшина' },
      { copy: 'draft', field: 'unit', kept: '316-я дивизия', dropped: '8-я дивизия' },
    ]);
    expect(personInputSchema.safeParse(document).success).toBe(true);
  });
});

describe('likeness', () => {
  const semenov = { name: 'Семёнов Иван Петрович', birth: { date: '1918' }, death: { date: '1942' }, unit: '8-я гвардейская' };
  it('matches across scripts and ranks agreement up', () => {
    const like = likeness(semenov, { name: 'Semenov Ivan', birth: { date: '1918' }, unit: '8-я Гвардейская' });
    expect(like).toMatchObject({ reasons: ['same-name', 'birth-year-agrees', 'same-unit'] });
  });
  it('pushes one conflicting year down and two out', () => {
    const one = likeness(semenov, { name: 'Семенов Иван', death: { date: '1950' } })!;
    expect(one.reasons).toContain('death-year-conflicts');
    expect(one.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(likeness(semenov, { name: 'Семёнов Иван', birth: { date: '1870' }, death: { date: '1901' } })!.score).toBeLessThan(MIN_SCORE);
  });
  it('tolerates a letter misspelt, and no more than the name allows', () => {
    expect(likeness(semenov, { name: 'Семинов Иван' })?.reasons).toEqual(['similar-name']);
    expect(likeness(semenov, { name: 'Ахметов Серик' })).toBeNull();
  });
});
