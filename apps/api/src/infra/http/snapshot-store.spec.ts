import { describe, expect, it } from 'vitest';
import { SnapshotStore } from './snapshot-store';

const page = (bytes: number, etag = '"e"') => ({ body: Buffer.alloc(bytes, 'x'), etag, contentType: 'application/json' });

describe('SnapshotStore', () => {
  it('holds at most maxEntries pages, dropping the least recently used first', () => {
    const store = new SnapshotStore({ maxEntries: 3, maxBytes: 1_000_000, maxEntryBytes: 1_000 });
    for (const key of ['a', 'b', 'c']) store.set(key, page(10), [`tag ${key}`]);
    store.get('a');
    store.set('d', page(10), ['tag d']);
    expect(['a', 'b', 'c', 'd'].filter((key) => store.has(key))).toEqual(['a', 'c', 'd']);
    for (let i = 0; i < 10_000; i++) store.set(`k${i}`, page(10), ['shared']);
    expect(store.size).toBe(3);
    expect(store.byteSize).toBe(30);
  });

  it('holds at most maxBytes, and never a page above maxEntryBytes', () => {
    const store = new SnapshotStore({ maxEntries: 100, maxBytes: 250, maxEntryBytes: 120 });
    store.set('big', page(121), ['t']);
    expect(store.has('big')).toBe(false);
    for (const key of ['a', 'b', 'c']) store.set(key, page(100), ['t']);
    expect(['a', 'b', 'c'].filter((key) => store.has(key))).toEqual(['b', 'c']);
    expect(store.byteSize).toBe(200);
  });

  it('drops the pages of a tag and only those, and forgets evicted pages in its tag index', () => {
    const store = new SnapshotStore({ maxEntries: 2, maxBytes: 1_000, maxEntryBytes: 1_000 });
    store.set('item', page(1), ['record 1']);
    store.set('exhibition', page(1), ['record 2', 'record 1']);
    store.set('home', page(1), ['lists kz']);
    expect(store.has('item')).toBe(false);
    store.dropTagged(['record 1']);
    expect(store.has('exhibition')).toBe(false);
    expect(store.has('home')).toBe(true);
    store.set('item', page(1), ['record 1']);
    store.dropTagged(['record 2']);
    expect(store.has('item')).toBe(true);
    expect(store.size).toBe(2);
  });

  it('replaces a page under the same key, counting its bytes once', () => {
    const store = new SnapshotStore({ maxEntries: 10, maxBytes: 1_000, maxEntryBytes: 1_000 });
    store.set('a', page(10, '"1"'), ['t1']);
    store.set('a', page(20, '"2"'), ['t2']);
    expect(store.byteSize).toBe(20);
    expect(store.get('a')?.etag).toBe('"2"');
    store.dropTagged(['t1']);
    expect(store.has('a')).toBe(true);
  });
});
