import { createHash } from 'node:crypto';
import type { ItemEntity } from '../content/kinds/item.entity';
import { LiveRowMemo } from '../content/live-row-memo';
import { type AssetsById, CARD_IMAGE_CANDIDATES } from '../content/media-views';
import { type Reader, presentItemSummary } from '../content/public-views';

/** Cards kept; an item's card takes about 1.4 kB of JSON, so a few thousand of them stay within the byte bound. */
const CARD_ENTRIES = 8_000;
const CARD_BYTES = 16 * 1024 * 1024;

/** A card's JSON (UTF-8) and its SHA-256, which a page's ETag is made of in place of its bytes. */
export interface Card {
  json: Buffer;
  digest: Buffer;
}

/** A part of a page made once: its JSON and digest. */
export function partOf(value: unknown): Card {
  return jsonPart(JSON.stringify(value));
}

/** A piece of a page's JSON as made (UTF-8), and its digest. */
export function jsonPart(text: string): Card {
  const json = Buffer.from(text);
  return { json, digest: createHash('sha256').update(json).digest() };
}

/** What tells a live record and a shown media file apart from every other version of them (LiveRecords gives both). */
export interface CardKeys {
  recordKey(record: object): string | undefined;
  assetVersion(asset: object): string | undefined;
}

/**
 * The finished JSON of item cards, per reader language, kept under what the
 * card is made of: the item's live key (id, revision, approval), the
 * country's default language (the fallback of every text) and, for each
 * media file the card may picture, its row version and whose approved texts
 * it shows. A key never names another card, so no entry is ever stale; a
 * card with a part of unknown version is made and not kept. Fifty cards were
 * most of the work of an exhibition page built on a miss.
 */
export class ItemCards {
  /**
   * Kept as UTF-8: a card with one character outside Latin-1 (a date's en
   * dash) made the whole page a two-byte string, whose encoding for the hash
   * and the socket cost more than building the page.
   */
  private readonly memo = new LiveRowMemo<Card>(CARD_ENTRIES, { maxBytes: CARD_BYTES, sizeOf: (card) => card.json.length + card.digest.length });

  constructor(private readonly keys: CardKeys) {}

  get size(): number {
    return this.memo.size;
  }

  get bytes(): number {
    return this.memo.bytes;
  }

  card(reader: Reader, item: ItemEntity, assets: AssetsById): Card {
    const key = this.key(reader, item, assets);
    const known = key === undefined ? undefined : this.memo.get(key);
    if (known !== undefined) return known;
    const card = partOf(presentItemSummary(reader, item, assets));
    if (key !== undefined) this.memo.set(key, card);
    return card;
  }

  private key(reader: Reader, item: ItemEntity, assets: AssetsById): string | undefined {
    const recordKey = this.keys.recordKey(item);
    if (recordKey === undefined) return undefined;
    let key = `${reader.lang} ${reader.country.defaultLanguage} ${recordKey}`;
    for (const { assetId } of (item.content.media ?? []).slice(0, CARD_IMAGE_CANDIDATES)) {
      const asset = assets.get(assetId);
      // A file not shown (withdrawn, another country's) is keyed as absent: shown later, it makes another key.
      const version = asset ? this.keys.assetVersion(asset) : `${assetId} -`;
      if (version === undefined) return undefined;
      key += ` | ${version}`;
    }
    return key;
  }
}
