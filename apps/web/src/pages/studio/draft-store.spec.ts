import { afterEach, describe, expect, it } from 'vitest';
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
    expect(keepDraft(key, draft)).toBe(true);
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
    expect(keepDraft(key, draft, full)).toBe(false);
  });
});
