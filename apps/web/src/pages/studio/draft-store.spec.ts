import { afterEach, describe, expect, it } from 'vitest';
import { dropDraftsOf, reopenDrafts } from '../../auth/drafts-on-this-device';
import { type DraftKey, type KeptDraft, draftStorageKey, dropDraft, keepDraft, readDraft } from './draft-store';

const key: DraftKey = { userId: 'u1', countryId: 'c1', collection: 'items', recordId: 'new' };
const draft: KeptDraft<{ slug: string }> = {
  keptAt: '2026-03-01T10:15:00.000Z',
  basedOn: null,
  base: { slug: '' },
  document: { slug: 'kiiz-kilem' },
  mediaTexts: { a1: { alt: { kk: { text: 'Киіз кілем, әженің қолы', status: 'original' } } } },
  captionsChanged: false,
};

afterEach(() => localStorage.clear());

describe('drafts kept on this device', () => {
  it('are kept per person, country, kind and record, and read back as they were', () => {
    expect(keepDraft(key, draft)).toBe('kept');
    expect(readDraft(key)).toEqual(draft);
    for (const other of [{ userId: 'u2' }, { countryId: 'c2' }, { collection: 'memorials' }, { recordId: 'r1' }]) {
      expect(readDraft({ ...key, ...other }), JSON.stringify(other)).toBeUndefined();
    }
    expect(draftStorageKey(key)).toBe('vitrina.draft:1:u1:c1:items:new');
  });

  it('are gone once dropped', () => {
    keepDraft(key, draft);
    dropDraft(key);
    expect(readDraft(key)).toBeUndefined();
    expect(localStorage.length).toBe(0);
  });

  it('that cannot be read are removed rather than restored half-read', () => {
    localStorage.setItem(draftStorageKey(key), '{"keptAt": 3');
    expect(readDraft(key)).toBeUndefined();
    localStorage.setItem(draftStorageKey(key), JSON.stringify({ document: { slug: 'x' } }));
    expect(readDraft(key)).toBeUndefined();
    expect(localStorage.length).toBe(0);
  });

  it('say so when the browser refuses to keep them (storage full)', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    expect(keepDraft(key, draft, full)).toBe('refused');
  });

  it('of one tab are never written over by another tab on the same record, unless it takes them over', () => {
    const first = { ...draft, tab: 'tab-a' };
    const second = { ...draft, tab: 'tab-b', document: { slug: 'kiiz-kilem-2' } };
    expect(keepDraft(key, first)).toBe('kept');
    expect(keepDraft(key, second)).toBe('held-elsewhere');
    expect(readDraft(key)).toEqual(first);
    // The same tab writes over its own.
    expect(keepDraft(key, { ...first, document: { slug: 'kiiz' } })).toBe('kept');
    // The person chose, in the second tab, to restore or discard the kept draft: it is that tab's now.
    expect(keepDraft(key, second, localStorage, true)).toBe('kept');
    expect(readDraft(key)).toEqual(second);
    expect(keepDraft(key, first)).toBe('held-elsewhere');
    // Once the slot is free (the other tab saved), any tab keeps its own.
    dropDraft(key);
    expect(keepDraft(key, first)).toBe('kept');
  });

  it('of a draft kept before tabs were told apart, is written over as before', () => {
    localStorage.setItem(draftStorageKey(key), JSON.stringify(draft));
    expect(keepDraft(key, { ...draft, tab: 'tab-a' })).toBe('kept');
  });

  it('of a person who signs out are all gone, and none is kept until they sign in again', () => {
    const other = { ...key, userId: 'u2' };
    keepDraft(key, draft);
    keepDraft({ ...key, recordId: 'r1' }, draft);
    keepDraft({ ...key, countryId: 'c2', collection: 'memorials' }, draft);
    keepDraft(other, draft);
    dropDraftsOf('u1');
    expect(readDraft(key)).toBeUndefined();
    expect(readDraft({ ...key, recordId: 'r1' })).toBeUndefined();
    expect(readDraft({ ...key, countryId: 'c2', collection: 'memorials' })).toBeUndefined();
    // Someone else's drafts on this device are theirs.
    expect(readDraft(other)).toEqual(draft);
    // An editor still open (a pending write as it closes, another tab) keeps nothing more.
    expect(keepDraft(key, draft)).toBe('refused');
    expect(readDraft(key)).toBeUndefined();
    expect(keepDraft(other, draft)).toBe('kept');
    reopenDrafts('u1');
    expect(keepDraft(key, draft)).toBe('kept');
    expect(readDraft(key)).toEqual(draft);
  });
});
