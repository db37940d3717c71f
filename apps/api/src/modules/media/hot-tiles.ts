import { Injectable } from '@nestjs/common';

const MAX_BYTES = 32 * 1024 * 1024;
/** Tiles are at most 512 px JPEGs; anything bigger is not worth a place. */
const MAX_ENTRY_BYTES = 512 * 1024;

/**
 * The bytes of recently served public IIIF tiles, least recently used out
 * first. Keyed by object key and entity tag, so a file processed again is a
 * new entry; it holds no access decision: every request is checked (see
 * MediaAccess) before its bytes are looked up here, so a file that stops
 * being public is refused at once whatever this holds.
 */
@Injectable()
export class HotTiles {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  async read(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = await load();
    if (body.length <= MAX_ENTRY_BYTES) this.keep(key, body);
    return body;
  }

  private keep(key: string, body: Buffer): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.length;
    this.entries.delete(key);
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.length;
    }
  }
}
