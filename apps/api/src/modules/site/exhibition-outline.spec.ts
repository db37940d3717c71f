import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CountryEntity } from '../countries/country.entity';
import type { ExhibitionEntity } from '../content/kinds/exhibition.entity';
import type { ItemEntity } from '../content/kinds/item.entity';
import type { MemorialEntity } from '../content/kinds/memorial.entity';
import { Reader, presentExhibition, presentItemPoint, presentItemSummary } from '../content/public-views';
import { ExhibitionOutline } from './exhibition-outline';
import { partOf } from './item-cards';

const text = (value: string) => ({ text: value, status: 'original' as const });
const both = (en: string, ru: string) => ({ en: text(en), ru: text(ru) });
const country = { id: randomUUID(), slug: 'kazakhstan', names: { en: 'Kazakhstan', ru: 'Казахстан' }, defaultLanguage: 'ru' } as unknown as CountryEntity;

const item = (n: number, located = true) =>
  ({
    id: randomUUID(),
    slug: `item-${n}`,
    kind: 'artefact',
    lat: located ? 49 + n / 10 : null,
    lng: located ? 73 : null,
    content: { title: both(`Letter ${n} – 1941`, `Письмо ${n}`), date: { earliest: 1941, display: both('1941–1942', '1941–1942 гг.') }, media: [] },
  }) as unknown as ItemEntity;
const memorial = { id: randomUUID(), slug: 'obelisk', kind: 'monument', lat: 50, lng: 70, condition: 'good', content: { title: both('Obelisk', 'Обелиск') } } as unknown as MemorialEntity;
const items = [item(1), item(2), item(3, false), item(4)];

function exhibition(withSections = true): ExhibitionEntity {
  const block = (value: object) => ({ id: randomUUID(), ...value });
  return {
    id: randomUUID(),
    slug: 'letters',
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    content: {
      title: both('Letters "from" the front', 'Письма с фронта'),
      summary: both('<p>Fifty objects</p>', '<p>Пятьдесят предметов</p>'),
      coverItemId: items[0].id,
      sections: withSections
        ? [
            { id: randomUUID(), title: both('Part 1', 'Часть 1'), blocks: [] },
            {
              id: randomUUID(),
              title: both('Part 2', 'Часть 2'),
              blocks: [
                block({ type: 'text', body: both('<p>Found \u0001 in an archive</p>', '<p>Найдено</p>') }),
                block({ type: 'item', itemId: items[1].id, caption: both('Caption', 'Подпись') }),
                block({ type: 'gallery', itemIds: [items[0].id, items[1].id, items[2].id] }),
                block({ type: 'quote', text: both('We kept every letter.', 'Мы хранили каждое письмо.') }),
                block({ type: 'media', assetIds: [randomUUID()] }),
              ],
            },
            { id: randomUUID(), blocks: [block({ type: 'item', itemId: items[3].id })] },
            {
              id: randomUUID(),
              title: both('On the map', 'На карте'),
              blocks: [block({ type: 'map', itemIds: items.map((i) => i.id) }), block({ type: 'map', itemIds: [items[2].id], memorialIds: [memorial.id] })],
            },
          ]
        : [],
    },
  } as unknown as ExhibitionEntity;
}

function page(outline: ExhibitionOutline, reader: Reader, record: ExhibitionEntity, shown: ItemEntity[], memorials: MemorialEntity[]) {
  const context = { items: new Map(shown.map((i) => [i.id, i])), memorials: new Map(memorials.map((m) => [m.id, m])), assets: new Map() };
  const made = outline.page(reader, record, {
    ...context,
    card: (i) => partOf(presentItemSummary(reader, i, context.assets)),
    point: (i) => {
      const point = presentItemPoint(reader, i);
      return point && partOf(point);
    },
  });
  return { ...made, expected: Buffer.from(JSON.stringify(presentExhibition(reader, record, context))) };
}

describe('ExhibitionOutline', () => {
  it("gives the bytes of presentExhibition's JSON, whichever of its records a page shows", () => {
    for (const lang of ['en', 'ru'] as const) {
      const reader = new Reader(lang, country);
      const record = exhibition();
      const outline = new ExhibitionOutline(reader, record);
      const shownSets = [items, [], [items[0]], [items[2]], [items[1], items[3]], items.slice(0, 3)];
      for (const shown of shownSets) {
        for (const memorials of [[], [memorial]]) {
          const { bytes, expected } = page(outline, reader, record, shown, memorials);
          expect(bytes.toString(), `${lang} ${shown.length} ${memorials.length}`).toBe(expected.toString());
        }
      }
      const empty = exhibition(false);
      const made = page(new ExhibitionOutline(reader, empty), reader, empty, items, []);
      expect(made.bytes.toString()).toBe(made.expected.toString());
    }
  });

  it('gives the same bytes the same ETag, and other bytes another', () => {
    const reader = new Reader('en', country);
    const record = exhibition();
    const first = page(new ExhibitionOutline(reader, record), reader, record, items, []);
    const again = page(new ExhibitionOutline(reader, record), reader, record, items, []);
    expect(again.etag).toBe(first.etag);
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const fewer = page(new ExhibitionOutline(reader, record), reader, record, items.slice(1), []);
    expect(fewer.etag).not.toBe(first.etag);
    // The head's country name counts too, as read with the page.
    const renamed = new Reader('en', { ...country, names: { en: 'Qazaqstan' } } as unknown as CountryEntity);
    expect(page(new ExhibitionOutline(renamed, record), renamed, record, items, []).etag).not.toBe(first.etag);
  });
});
