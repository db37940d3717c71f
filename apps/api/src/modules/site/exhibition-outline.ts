import { createHash, randomBytes } from 'node:crypto';
import type { ExhibitionBlock, PublicBlock } from '@vitrina/contracts';
import type { ExhibitionEntity } from '../content/kinds/exhibition.entity';
import type { ItemEntity } from '../content/kinds/item.entity';
import { type ExhibitionContext, type Reader, presentBlock, presentExhibitionBody, presentExhibitionHead } from '../content/public-views';
import { type Card, jsonPart, partOf } from './item-cards';

/**
 * A stand-in string no text of a page can hold: a random mark of this
 * process. JSON.stringify quotes it as QUOTED, where the outline cuts.
 */
const MARK = `\u0001${randomBytes(9).toString('base64url')}`;
const QUOTED = JSON.stringify(MARK);
const COMMA = jsonPart(',');

/** The JSON around a block's cards or points (its first and last pieces), made once. */
interface Around {
  open: Card;
  close: Card;
}

/** How one block of the outline is shown on a page. */
type BlockOutline =
  /** A block of the exhibition's own texts (text, quote): the same on every page. */
  | { kind: 'fixed'; part: Card }
  | ({ kind: 'item'; itemId: string } & Around)
  | ({ kind: 'gallery'; itemIds: string[] } & Around)
  | ({ kind: 'map'; itemIds: string[] } & Around)
  /** Any other block (files, memorials' points): presented on every page. */
  | { kind: 'live'; block: ExhibitionBlock };

/** What a page shows of the records its exhibition refers to, and how their cards and points are made. */
export interface OutlineContext extends Pick<ExhibitionContext, 'items' | 'memorials' | 'assets'> {
  card: (item: ItemEntity) => Card;
  point: (item: ItemEntity) => Card | null;
}

const EMPTY: ExhibitionContext = { items: new Map(), memorials: new Map(), assets: new Map() };

/** `value`'s JSON cut where it holds MARK: the pieces between them. */
function cut(value: unknown): string[] {
  return JSON.stringify(value).split(QUOTED);
}

/**
 * An exhibition page's JSON as far as the exhibition alone makes it, for one
 * reader's languages: its sections and texts serialised once, with holes for
 * each block and, in blocks of items, for each card and point. Made per live
 * version of the exhibition (a plan's key) and kept with the page's cards,
 * so it never outlives the record it was made from. A page is then its head
 * (cover, country), the outline's pieces and the cards and points of the
 * records shown, in order: the bytes JSON.stringify(presentExhibition(…))
 * gives, without serialising the exhibition again.
 */
export class ExhibitionOutline {
  /** The body's JSON less its opening brace, cut at each block: one more piece than blocks. */
  private readonly pieces: Card[];
  /** Each block's outline and its section's index, in page order. */
  private readonly blocks: { section: number; outline: BlockOutline }[] = [];

  constructor(reader: Reader, exhibition: ExhibitionEntity) {
    const sections = exhibition.content.sections ?? [];
    sections.forEach((section, index) => section.blocks.forEach((block) => this.blocks.push({ section: index, outline: outlineOf(reader, block) })));
    const body = cut(presentExhibitionBody(reader, exhibition, { ...EMPTY, block: () => MARK as unknown as PublicBlock }));
    body[0] = body[0].slice(1);
    if (body.length !== this.blocks.length + 1) throw new Error('an exhibition outline lost its blocks');
    // Between two blocks of one section stands a comma, which a page writes only between blocks it shows.
    this.blocks.forEach((block, i) => {
      if (i > 0 && block.section === this.blocks[i - 1].section && body[i] !== ',') throw new Error('an exhibition outline misread its blocks');
    });
    this.pieces = body.map((piece) => jsonPart(piece));
  }

  /**
   * The page: its bytes and an ETag made of the digests of its pieces, in
   * order (other bytes, other pieces). `reader` and `exhibition` are the
   * page's own: of the outline's languages and key, but the country as read
   * now (its name is in the head).
   */
  page(reader: Reader, exhibition: ExhibitionEntity, context: OutlineContext): { bytes: Buffer; etag: string } {
    const shown = { items: context.items, memorials: context.memorials, assets: context.assets };
    const head = JSON.stringify(presentExhibitionHead(reader, exhibition, shown));
    const parts: Card[] = [jsonPart(`${head.slice(0, -1)},`), this.pieces[0]];
    let shownInSection = false;
    this.blocks.forEach(({ section, outline }, i) => {
      if (i > 0 && section !== this.blocks[i - 1].section) {
        parts.push(this.pieces[i]);
        shownInSection = false;
      }
      const at = parts.length;
      if (shownInSection) parts.push(COMMA);
      if (this.block(reader, outline, context, shown, parts)) shownInSection = true;
      else parts.length = at;
    });
    if (this.blocks.length > 0) parts.push(this.pieces[this.blocks.length]);
    let length = 0;
    for (const part of parts) length += part.json.length;
    const bytes = Buffer.allocUnsafe(length);
    const digests = Buffer.allocUnsafe(parts.length * 32);
    let at = 0;
    parts.forEach((part, i) => {
      at += part.json.copy(bytes, at);
      part.digest.copy(digests, i * 32);
    });
    return { bytes, etag: `"${createHash('sha256').update(digests).digest('base64url').slice(0, 32)}"` };
  }

  /** Adds a block's parts; false when the page shows no such block (nothing it needs is shown). */
  private block(reader: Reader, outline: BlockOutline, context: OutlineContext, shown: ExhibitionContext, parts: Card[]): boolean {
    switch (outline.kind) {
      case 'fixed':
        parts.push(outline.part);
        return true;
      case 'item': {
        const item = context.items.get(outline.itemId);
        if (item) parts.push(outline.open, context.card(item), outline.close);
        return item !== undefined;
      }
      case 'gallery':
      case 'map': {
        parts.push(outline.open);
        let shown = 0;
        for (const id of outline.itemIds) {
          const item = context.items.get(id);
          const part = item && (outline.kind === 'gallery' ? context.card(item) : context.point(item));
          if (!part) continue;
          if (shown++ > 0) parts.push(COMMA);
          parts.push(part);
        }
        parts.push(outline.close);
        return shown > 0;
      }
      case 'live': {
        const presented = presentBlock(reader, outline.block, shown);
        if (presented) parts.push(partOf(presented));
        return presented !== null;
      }
    }
  }
}

/**
 * A block's outline: its own JSON made once where nothing else shows in it,
 * or cut around its cards (or points) where only the items it shows do.
 */
function outlineOf(reader: Reader, block: ExhibitionBlock): BlockOutline {
  if (block.type === 'text' || block.type === 'quote') {
    const presented = presentBlock(reader, block, EMPTY);
    return presented ? { kind: 'fixed', part: partOf(presented) } : { kind: 'live', block };
  }
  const itemIds = block.type === 'item' ? [block.itemId] : block.type === 'gallery' || (block.type === 'map' && !block.memorialIds?.length) ? (block.itemIds ?? []) : [];
  if (itemIds.length === 0) return { kind: 'live', block };
  // Every item shown, each card or point standing in as MARK: the JSON around them is the block's own.
  const items = new Map(itemIds.map((id) => [id, {} as ItemEntity]));
  const stand = () => MARK as never;
  const presented = presentBlock(reader, block, { ...EMPTY, items, card: stand, point: stand });
  const pieces = cut(presented);
  if (pieces.length !== itemIds.length + 1 || pieces.slice(1, -1).some((piece) => piece !== ',')) return { kind: 'live', block };
  const around = { open: jsonPart(pieces[0]), close: jsonPart(pieces[pieces.length - 1]) };
  if (block.type === 'item') return { kind: 'item', itemId: block.itemId, ...around };
  return { kind: block.type === 'gallery' ? 'gallery' : 'map', itemIds, ...around };
}
