import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Card, SplicedJson } from './item-cards';

const cardOf = (value: object): Card => {
  const json = Buffer.from(JSON.stringify(value));
  return { json, digest: createHash('sha256').update(json).digest() };
};

describe('SplicedJson', () => {
  const cards = [{ title: 'Письмо – 1941', n: 1 }, { title: 'A "quoted" \u0001 title', n: 2 }];
  const spliced = (page: SplicedJson, shown = cards) => ({
    title: 'Выставка',
    sections: [{ items: shown.map((card) => page.part<object>(cardOf(card))), caption: '\u0001abc:0' }, { item: page.part<object>(cardOf(shown[1])) }],
  });

  it('gives the bytes JSON.stringify gives for the whole page, parts of any text in place', () => {
    const whole = { title: 'Выставка', sections: [{ items: cards, caption: '\u0001abc:0' }, { item: cards[1] }] };
    const page = new SplicedJson();
    expect(page.bytes(spliced(page)).bytes.equals(Buffer.from(JSON.stringify(whole)))).toBe(true);
  });

  it('gives the same bytes the same ETag, and other bytes another', () => {
    const first = new SplicedJson();
    const second = new SplicedJson();
    const a = first.bytes(spliced(first));
    const b = second.bytes(spliced(second));
    expect(b.etag).toBe(a.etag);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const third = new SplicedJson();
    const changed = third.bytes(spliced(third, [cards[0], { ...cards[1], n: 3 }]));
    expect(changed.bytes.equals(a.bytes)).toBe(false);
    expect(changed.etag).not.toBe(a.etag);
    // The page's own text counts too, not only its parts.
    const fourth = new SplicedJson();
    const page = spliced(fourth);
    expect(fourth.bytes({ ...page, title: 'Другая' }).etag).not.toBe(a.etag);
  });
});
