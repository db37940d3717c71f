import type { MediaTexts } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';
import { withApprovedTexts } from './media-texts';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { LiveRowMemo } from './live-row-memo';
import type { LiveRows } from './live-rows';

/** Media rows kept in memory, as shown and as read. */
const MEMO_ENTRIES = 4_000;

/** Media keys already read (`xmin` of each shown file) for the ids `asked`. */
export interface AssetKeys {
  asked: Set<string>;
  tuples: Map<string, string>;
}

/** A country's media ($2) that may be shown: not withdrawn. */
export const SHOWN_ASSETS = 'country_id = $1 AND id = ANY($2::uuid[]) AND withdrawn_at IS NULL';

/**
 * The media files public pages show, each with the texts the approved
 * revision of a record gave it, kept by row version (LiveRecords.assetsOf).
 */
export class LiveMedia {
  constructor(
    private readonly db: DataSource,
    private readonly reader: LiveRows,
    /** The key of a live record read for a public page (LiveRecords.recordKey). */
    private readonly recordKey: (record: object) => string | undefined,
  ) {}

  private readonly assetMemo = new LiveRowMemo<MediaAssetEntity>(MEMO_ENTRIES);
  /** Of each media file assetsOf gave: its row version and the record whose approved texts it shows. */
  private readonly assetVersions = new WeakMap<object, string>();
  /** Media files as shown (their row with the approved texts of a record), by that version: made once each. */
  private readonly visibleMemo = new LiveRowMemo<MediaAssetEntity>(MEMO_ENTRIES);

  /** What a media file given by assetsOf is made of, as shown: the same version means the same fields and texts. */
  assetVersion(asset: object): string | undefined {
    return this.assetVersions.get(asset);
  }

  /** The media these live records show, with the texts their approved revisions gave them; a withdrawn file is left out. */
  async assetsOf(
    countryId: string,
    ids: string[],
    records: Iterable<ContentRecordEntity<object>>,
    known: AssetKeys = { asked: new Set(), tuples: new Map() },
  ): Promise<Map<string, MediaAssetEntity>> {
    const tuples = new Map<string, string>();
    const assets = ids.length ? await this.shownAssets(countryId, [...new Set(ids)], tuples, known) : new Map<string, MediaAssetEntity>();
    const approved: Record<string, MediaTexts> = {};
    // Whose approved texts each file shows (a later record's win), by that record's key.
    const textsBy = new Map<string, string | undefined>();
    for (const record of records) {
      Object.assign(approved, record.liveMediaTexts);
      for (const id of Object.keys(record.liveMediaTexts ?? {})) textsBy.set(id, this.recordKey(record));
    }
    const shown = new Map<string, MediaAssetEntity>();
    for (const [id, asset] of assets) {
      const texts = approved[id];
      const by = texts ? textsBy.get(id) : '';
      // A file whose texts come from a record of unknown key gets no version: nothing is kept for it.
      const version = by === undefined ? undefined : `${id} ${tuples.get(id)} ${by}`;
      let visible = version === undefined ? undefined : this.visibleMemo.get(version);
      if (!visible) {
        visible = texts ? withApprovedTexts(new Map([[id, asset]]), { [id]: texts }).get(id)! : asset;
        if (version !== undefined) {
          this.visibleMemo.set(version, visible);
          this.assetVersions.set(visible, version);
        }
      }
      shown.set(id, visible);
    }
    return shown;
  }

  /**
   * A country's media that are not withdrawn, by id. An asset has no
   * revision, but each row version has its own `xmin` (the transaction that
   * wrote it; any update writes a new one): the memo is keyed by it, so an
   * asset processed, re-captioned or withdrawn is read again at once.
   */
  private async shownAssets(countryId: string, ids: string[], tuples: Map<string, string>, known: AssetKeys): Promise<Map<string, MediaAssetEntity>> {
    const SHOWN = SHOWN_ASSETS;
    // Keys read with the page's records are used as they are (a file asked for there and not found is not shown).
    const unasked = ids.filter((id) => !known.asked.has(id));
    const keys: { id: string; tuple: string }[] = ids.flatMap((id) => (known.tuples.has(id) ? [{ id, tuple: known.tuples.get(id)! }] : []));
    if (unasked.length) keys.push(...(await this.db.query(`SELECT id, xmin::text AS tuple FROM media_assets WHERE ${SHOWN}`, [countryId, unasked])));
    const found = new Map<string, MediaAssetEntity>();
    const wanted: string[] = [];
    for (const { id, tuple } of keys) {
      const known = this.assetMemo.get(`${id} ${tuple}`);
      tuples.set(id, tuple);
      if (known) found.set(id, known);
      else wanted.push(id);
    }
    if (wanted.length === 0) return found;
    const rows = await this.reader.rows<MediaAssetEntity & { tuple: string }>(MediaAssetEntity, SHOWN, [countryId, wanted], ['metadataBoxes'], ', xmin::text AS "tuple"');
    for (const { tuple, ...asset } of rows) {
      found.set(asset.id, asset as MediaAssetEntity);
      // The row as read now: a newer version than the keys named is shown, under its own.
      tuples.set(asset.id, tuple);
      this.assetMemo.set(`${asset.id} ${tuple}`, asset as MediaAssetEntity);
    }
    return found;
  }
}
