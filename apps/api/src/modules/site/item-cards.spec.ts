import { describe, expect, it } from 'vitest';
import { SplicedJson } from './item-cards';

describe('SplicedJson', () => {
  it('gives the bytes JSON.stringify gives for the whole page, parts of any text in place', () => {
    const cards = [{ title: 'Письмо – 1941', n: 1 }, { title: 'A "quoted" \u0001 title', n: 2 }];
    const whole = { title: 'Выставка', sections: [{ items: cards, caption: '\u0001abc:0' }, { item: cards[1] }] };
    const page = new SplicedJson();
    const part = (card: object) => page.part<object>(Buffer.from(JSON.stringify(card)));
    const spliced = { title: 'Выставка', sections: [{ items: cards.map(part), caption: '\u0001abc:0' }, { item: part(cards[1]) }] };
    expect(page.bytes(spliced).equals(Buffer.from(JSON.stringify(whole)))).toBe(true);
  });
});
