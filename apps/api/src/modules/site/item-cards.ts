import { createHash, randomBytes } from 'node:crypto';
import type { PublicItemSummary } from '@vitrina/contracts';
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
  const json = Buffer.from(JSON.stringify(value));
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

/**
 * A page whose parts are JSON already made (UTF-8): each stands in the page
 * as a placeholder string, and the page's bytes get them back in place of the
 * placeholders' quoted forms. The placeholders hold a random mark of this
 * process, so no text of the page can be mistaken for one.
 */
export class SplicedJson {
  private static readonly MARK = `\u0001${randomBytes(9).toString('base64url')}:`;
  /** A placeholder as JSON quotes it, its index captured (so that split() keeps it). */
  private static readonly QUOTED = new RegExp(`"\\\\u0001${SplicedJson.MARK.slice(1)}(\\d+)"`);
  private readonly parts: Card[] = [];

  /** Stands for `card`'s JSON in the page; typed as what it stands for. */
  part<T>(card: Card): T {
    return `${SplicedJson.MARK}${this.parts.push(card) - 1}` as T;
  }

  /**
   * The page's JSON as UTF-8, the parts' bytes in place of their
   * placeholders, and its ETag: a SHA-256 of the page's own pieces (each with
   * its length) and of the parts' digests, in order, so the same bytes always
   * get the same ETag and other bytes another, without hashing every card's
   * bytes again on every page.
   */
  bytes(page: unknown): { bytes: Buffer; etag: string } {
    // split() with a capturing pattern alternates the page's own text and the captured indexes.
    const pieces = JSON.stringify(page).split(SplicedJson.QUOTED);
    let length = 0;
    for (let i = 0; i < pieces.length; i++) length += i % 2 === 1 ? this.parts[Number(pieces[i])].json.length : Buffer.byteLength(pieces[i]);
    const bytes = Buffer.allocUnsafe(length);
    const hash = createHash('sha256');
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      if (i % 2 === 1) {
        const part = this.parts[Number(pieces[i])];
        at += part.json.copy(bytes, at);
        hash.update(part.digest);
      } else {
        const written = bytes.write(pieces[i], at);
        hash.update(`${written}:`).update(bytes.subarray(at, at + written));
        at += written;
      }
    }
    return { bytes, etag: `"${hash.digest('base64url').slice(0, 32)}"` };
  }
}

/** The card of an item on a page made with SplicedJson, made by `card` (ItemCards, or cards a plan kept). */
export function splicedCard(page: SplicedJson, card: (item: ItemEntity, assets: AssetsById) => Card) {
  return (item: ItemEntity, assets: AssetsById): PublicItemSummary => page.part<PublicItemSummary>(card(item, assets));
}
