import { describe, expect, it } from 'vitest';
import { changedFields, sameDocument } from './record-changes';

const text = (value: string, status = 'original') => ({ text: value, status });

describe('comparing a document with a server copy', () => {
  it('counts neither key order nor undefined members as a change', () => {
    expect(sameDocument({ slug: 'a', title: { ru: text('Ковёр') }, date: undefined }, { title: { ru: text('Ковёр') }, slug: 'a' })).toBe(true);
    expect(sameDocument({ tags: ['войлок', 'ковёр'] }, { tags: ['ковёр', 'войлок'] })).toBe(false);
    expect(sameDocument({ title: { ru: text('Ковёр') } }, { title: { ru: text('Ковёр', 'translated') } })).toBe(false);
  });

  it('lists each changed field by its path, a text per language whole: fields of the first side in order, then new ones', () => {
    const before = { slug: 'a', title: { ru: text('Ковёр'), kk: text('Кілем') }, people: [{ name: 'Қасымов Ерлан' }], tags: ['войлок'] };
    const after = { slug: 'a', title: { ru: text('Ковёр, войлок'), kk: text('Кілем') }, people: [{ name: 'Қасымов Ерлан', rank: 'сержант' }], tags: [] };
    expect(changedFields(before, after)).toEqual([
      { path: 'title.ru', before: text('Ковёр'), after: text('Ковёр, войлок') },
      { path: 'tags.0', before: 'войлок', after: undefined },
      { path: 'people.0.rank', before: undefined, after: 'сержант' },
      { path: 'tags', before: undefined, after: [] },
    ]);
    expect(changedFields(before, before)).toEqual([]);
  });
});
