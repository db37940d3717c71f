import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Condition, LocalizedText, MediaTexts, RecordType } from '@vitrina/contracts';
import { type DataSource, type EntityTarget, type FindOptionsOrder, IsNull, Not, type ValueTransformer } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Pool } from 'pg';
import type { ContentRecordEntity } from './content-record.entity';
import { withApprovedTexts } from './media-texts';
import { CountryEntity } from '../countries/country.entity';
import type { ExhibitionEntity } from './kinds/exhibition.entity';
import type { ItemEntity } from './kinds/item.entity';
import { MediaAssetEntity } from '../media/media-asset.entity';
import type { MemorialEntity } from './kinds/memorial.entity';
import type { PersonEntity } from './kinds/person.entity';
import { LiveRowMemo } from './live-row-memo';
import { RECORD_KINDS, asLive } from './record-kinds';

interface LiveTypes {
  item: ItemEntity;
  memorial: MemorialEntity;
  exhibition: ExhibitionEntity;
  person: PersonEntity;
}

const IS_LIVE = { liveRevision: Not(IsNull()) };
/** Live records kept in memory; a few thousand item rows take some megabytes. */
const MEMO_ENTRIES = 4_000;

/** A live record's key as read: what makes it what visitors see. */
export interface RecordKey {
  id: string;
  revision: number;
  approved: string | null;
}

/** Media keys already read (`xmin` of each shown file) for the ids `asked`. */
export interface AssetKeys {
  asked: Set<string>;
  tuples: Map<string, string>;
}

/** A country's media ($2) that may be shown: not withdrawn. */
const SHOWN_ASSETS = 'country_id = $1 AND id = ANY($2::uuid[]) AND withdrawn_at IS NULL';

/** A person's place in the public register's order (by name, byte order, then id). */
export interface PersonOrderKey {
  name: string;
  id: string;
}

/** The records and media a page expects to show, by id. */
export interface ShownIds {
  items: string[];
  memorials: string[];
  assets: string[];
}

/** The keys of what a page expects to show, as read with its record. */
export interface ShownKeys {
  /** All of them as read, in one text: the same text means the same keys. */
  fingerprint: string;
  /** Each of them (parsed only when the fingerprint is not one a page was made from). */
  parsed(): { items: RecordKey[]; memorials: RecordKey[]; assets: AssetKeys };
}

interface ShownKeysRow {
  itemKeys: string | null;
  memorialKeys: string | null;
  assetKeys: string | null;
}

/** A record's key as one text: `id revision approved` (the approval may hold spaces, so it comes last). */
const KEY_TEXT = `id || ' ' || live_revision || ' ' || coalesce(published_at::text, '')`;
/**
 * The keys of a country's live items ($3) and memorials ($4) and of its shown media ($5), each list as one
 * text, in the order the database reads them (as shownWith reads them: a later record's approved media texts win).
 */
const SHOWN_KEYS_COLUMNS = [
  `(SELECT string_agg(${KEY_TEXT}, ',') FROM items WHERE live_revision IS NOT NULL AND country_id = "countries".id AND id = ANY($3::uuid[])) AS "itemKeys"`,
  `(SELECT string_agg(${KEY_TEXT}, ',') FROM memorials WHERE live_revision IS NOT NULL AND country_id = "countries".id AND id = ANY($4::uuid[])) AS "memorialKeys"`,
  `(SELECT string_agg(id || ' ' || xmin, ',') FROM media_assets WHERE country_id = "countries".id AND id = ANY($5::uuid[]) AND withdrawn_at IS NULL) AS "assetKeys"`,
].join(', ');

const unique = (ids: string[]) => [...new Set(ids)];

function recordKeysOf(text: string | null): RecordKey[] {
  if (!text) return [];
  return text.split(',').map((key) => {
    // A uuid is 36 characters; then the revision, then the approval ('' when none).
    const space = key.indexOf(' ', 37);
    const approved = key.slice(space + 1);
    return { id: key.slice(0, 36), revision: Number(key.slice(37, space)), approved: approved === '' ? null : approved };
  });
}

function shownKeys(askedAssets: string[], row: ShownKeysRow): ShownKeys {
  return {
    fingerprint: `${row.itemKeys ?? ''}\n${row.memorialKeys ?? ''}\n${row.assetKeys ?? ''}`,
    parsed: () => {
      const tuples = new Map<string, string>();
      for (const key of row.assetKeys ? row.assetKeys.split(',') : []) tuples.set(key.slice(0, 36), key.slice(37));
      return { items: recordKeysOf(row.itemKeys), memorials: recordKeysOf(row.memorialKeys), assets: { asked: new Set(askedAssets), tuples } };
    },
  };
}

/** What a live memorial's point on a map needs, and nothing more. */
export interface LiveMemorialPoint {
  id: string;
  slug: string;
  kind: string;
  title: LocalizedText;
  lat: number;
  lng: number;
  condition: Condition | null;
}

/**
 * The public read model: records as their live revision shows them, never
 * the latest edit. Every visitor-facing read (public API, sitemap, IIIF
 * manifests) goes through here.
 */
@Injectable()
export class LiveRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private readonly memo = new LiveRowMemo<LiveTypes[RecordType]>(MEMO_ENTRIES);
  private readonly assetMemo = new LiveRowMemo<MediaAssetEntity>(MEMO_ENTRIES);
  /** The memo key of each record read through `remembered` (what it is made of, for memos of what it shows). */
  private readonly recordKeys = new WeakMap<object, string>();
  /** Of each media file assetsOf gave: its row version and the record whose approved texts it shows. */
  private readonly assetVersions = new WeakMap<object, string>();
  /** Media files as shown (their row with the approved texts of a record), by that version: made once each. */
  private readonly visibleMemo = new LiveRowMemo<MediaAssetEntity>(MEMO_ENTRIES);

  /** What a live record read for a public page is made of: the same key means the same record. */
  recordKey(record: object): string | undefined {
    return this.recordKeys.get(record);
  }

  /** What a media file given by assetsOf is made of, as shown: the same version means the same fields and texts. */
  assetVersion(asset: object): string | undefined {
    return this.assetVersions.get(asset);
  }

  private repository<T extends RecordType>(type: T) {
    return this.db.getRepository<ContentRecordEntity<object>>(RECORD_KINDS[type].entity);
  }

  private live<T extends RecordType>(type: T, rows: ContentRecordEntity<object>[]): LiveTypes[T][] {
    return rows.flatMap((row) => asLive(RECORD_KINDS[type], row) ?? []) as LiveTypes[T][];
  }

  /**
   * Live rows read by plain SQL, without the draft document (`content`, which
   * asLive replaces by the live one): a page of fifty items then parses half
   * the JSON and skips the ORM's query building and row mapping, its largest
   * costs on a miss.
   */
  private liveRows(type: RecordType, where: string, params: unknown[]): Promise<ContentRecordEntity<object>[]> {
    return this.rows(RECORD_KINDS[type].entity, `live_revision IS NOT NULL AND ${where}`, params, ['content']);
  }

  private readonly selects = new Map<string, { sql: string; transformed: ColumnMetadata[] }>();

  /**
   * Rows of an entity's table as find() would give them (columns named as its
   * properties, pg parsing each type as for the ORM, column transformers
   * applied), less the columns `left` out.
   */
  private async rows<T>(entity: EntityTarget<object>, where: string, params: unknown[], left: string[], extra = '', join = '', prepared = false): Promise<T[]> {
    const metadata = this.db.getMetadata(entity);
    const key = `${metadata.tableName} ${left.join(' ')}${extra}${join}`;
    let select = this.selects.get(key);
    if (!select) {
      const columns = metadata.columns.filter((column) => !left.includes(column.propertyName));
      // Named with their table, so that a joined table's columns of the same name cannot be taken for them.
      const list = columns.map((column) => `"${metadata.tableName}"."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
      select = { sql: `SELECT ${list}${extra} FROM "${metadata.tableName}"${join} WHERE `, transformed: columns.filter((column) => column.transformer) };
      this.selects.set(key, select);
    }
    const sql = select.sql + where;
    const rows: Record<string, unknown>[] = prepared ? await this.prepared(sql, params) : await this.db.query(sql, params);
    for (const column of select.transformed) {
      // As the ORM does: several transformers read back last first.
      const transformers = ([] as ValueTransformer[]).concat(column.transformer as ValueTransformer | ValueTransformer[]).reverse();
      for (const row of rows) row[column.propertyName] = transformers.reduce((value, transformer) => transformer.from(value), row[column.propertyName]);
    }
    return rows as T[];
  }

  private readonly statementNames = new Map<string, string>();

  /**
   * A query run as a named prepared statement, on the ORM's own pool (as
   * DataSource.query would run it, less the ORM's logging): each connection
   * parses it once, and PostgreSQL may keep its plan, instead of once per
   * page. For the first query of a public page, read on every page.
   */
  private async prepared(text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
    let name = this.statementNames.get(text);
    if (name === undefined) this.statementNames.set(text, (name = `vitrina_live_${this.statementNames.size + 1}`));
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    return (await pool.query({ name, text, values })).rows;
  }

  /** A country by its slug, for a public page (one plain query, as the records). */
  async country(slug: string): Promise<CountryEntity> {
    const [country] = await this.rows<CountryEntity>(CountryEntity, 'slug = $1', [slug], []);
    if (!country) throw new NotFoundException('No such country');
    return country;
  }

  /**
   * A country by its slug and its live record of that type by slug, the
   * record's key read in the same query as the country: a page's first
   * round trip to the database. Given `also` (the records and media a page
   * of that record showed before), their keys are read in that same query
   * too, as `keys`: a page whose guess was right needs no other round trip.
   */
  async countryAndRecord<T extends RecordType>(
    countrySlug: string,
    type: T,
    slug: string,
    also?: ShownIds,
  ): Promise<{ country: CountryEntity; record: LiveTypes[T]; keys?: ShownKeys }> {
    const table = RECORD_KINDS[type].contract.collection;
    const join = ` LEFT JOIN "${table}" r ON r.country_id = "countries".id AND r.live_revision IS NOT NULL AND r.live_slug = $2`;
    let extra = ', r.id AS "recordId", r.live_revision AS "recordRevision", r.published_at::text AS "recordApproved"';
    const params: unknown[] = [countrySlug, slug];
    if (also) {
      extra += `, ${SHOWN_KEYS_COLUMNS}`;
      params.push(unique(also.items), unique(also.memorials), unique(also.assets));
    }
    type Row = CountryEntity & { recordId: string | null; recordRevision: number | null; recordApproved: string | null } & Partial<ShownKeysRow>;
    const [row] = await this.rows<Row>(CountryEntity, '"countries".slug = $1', params, [], extra, join, true);
    if (!row) throw new NotFoundException('No such country');
    const { recordId, recordRevision, recordApproved, itemKeys, memorialKeys, assetKeys, ...country } = row;
    const keys = recordId === null ? [] : [{ id: recordId, revision: recordRevision!, approved: recordApproved }];
    const [record] = (await this.resolve(type, country.id, keys)).values();
    if (!record) throw new NotFoundException(`No such ${type}`);
    const shown = also && shownKeys(also.assets, { itemKeys: itemKeys ?? null, memorialKeys: memorialKeys ?? null, assetKeys: assetKeys ?? null });
    return { country: country as CountryEntity, record, ...(shown ? { keys: shown } : {}) };
  }

  /** A country's live items and memorials named by keys read before (countryAndRecord's `keys`), in the order read. */
  async recordsOf(countryId: string, keys: { items: RecordKey[]; memorials: RecordKey[] }): Promise<{ items: Map<string, ItemEntity>; memorials: Map<string, MemorialEntity> }> {
    const [items, memorials] = await Promise.all([this.resolve('item', countryId, keys.items), this.resolve('memorial', countryId, keys.memorials)]);
    return { items, memorials };
  }

  /**
   * A country's live items and memorials by ids, and which of its media
   * (`assetIds`, those a page expects to show) are shown, their keys read in
   * one query; assetsOf then reads the keys of no file asked for here again.
   */
  async shownWith(
    countryId: string,
    ids: { items: string[]; memorials: string[]; assets: string[] },
  ): Promise<{ items: Map<string, ItemEntity>; memorials: Map<string, MemorialEntity>; assetKeys: AssetKeys }> {
    const rows: (RecordKey & { kind: string })[] = await this.db.query(
      `${this.keysSql('item', 'id = ANY($2::uuid[])', "'item' AS kind")}
       UNION ALL ${this.keysSql('memorial', 'id = ANY($3::uuid[])', "'memorial' AS kind")}
       UNION ALL SELECT id, NULL, xmin::text, 'asset' FROM media_assets WHERE ${SHOWN_ASSETS.replace('$2', '$4')}`,
      [countryId, [...new Set(ids.items)], [...new Set(ids.memorials)], [...new Set(ids.assets)]],
    );
    const of = (kind: string) => rows.filter((row) => row.kind === kind);
    const [items, memorials] = await Promise.all([this.resolve('item', countryId, of('item')), this.resolve('memorial', countryId, of('memorial'))]);
    const tuples = new Map(of('asset').map((row) => [row.id, row.approved!]));
    return { items, memorials, assetKeys: { asked: new Set(ids.assets), tuples } };
  }

  async bySlug<T extends RecordType>(type: T, countryId: string, slug: string): Promise<LiveTypes[T]> {
    const [live] = (await this.remembered(type, countryId, 'live_slug = $2', slug)).values();
    if (!live) throw new NotFoundException(`No such ${type}`);
    return live;
  }

  /**
   * Where the retired address of a person merged into another now leads: the
   * live address of their survivor (following merges of merges), or null.
   * The merged row keeps its last live slug (see PersonMergeService.retire).
   */
  async mergedPersonAddress(countrySlug: string, slug: string): Promise<string | null> {
    const [row]: { live_slug: string }[] = await this.db.query(
      `WITH RECURSIVE chain AS (
         SELECT p.merged_into AS id, 1 AS depth FROM people p JOIN countries c ON c.id = p.country_id
          WHERE c.slug = $1 AND p.live_slug = $2 AND p.live_revision IS NULL AND p.merged_into IS NOT NULL
         UNION ALL SELECT p.merged_into, chain.depth + 1 FROM chain JOIN people p ON p.id = chain.id
          WHERE p.merged_into IS NOT NULL AND chain.depth < 20
       )
       SELECT p.live_slug FROM chain JOIN people p ON p.id = chain.id
        WHERE p.merged_into IS NULL AND p.live_revision IS NOT NULL LIMIT 1`,
      [countrySlug, slug],
    );
    return row?.live_slug ?? null;
  }

  async byId<T extends RecordType>(type: T, id: string): Promise<LiveTypes[T]> {
    const row = await this.repository(type).findOne({ where: { id, ...IS_LIVE } });
    const [live] = row ? this.live(type, [row]) : [];
    if (!live) throw new NotFoundException(`No such ${type}`);
    return live;
  }

  async list<T extends RecordType>(
    type: T,
    countryId: string | undefined,
    options: { order?: FindOptionsOrder<ContentRecordEntity<object>>; take?: number } = {},
  ): Promise<LiveTypes[T][]> {
    const rows = await this.repository(type).find({ where: { ...(countryId ? { countryId } : {}), ...IS_LIVE }, ...options });
    return this.live(type, rows);
  }

  /**
   * A country's live memorials as map points, first by slug. The fields are picked out of
   * the live documents by PostgreSQL: loading thousands of whole documents into the API
   * to show a dot each cost a second at a million records.
   */
  memorialPoints(countryId: string, take: number): Promise<LiveMemorialPoint[]> {
    return this.db.query(
      `SELECT m.id, m.live_slug AS slug, m.live_content->>'kind' AS kind, m.live_content->'title' AS title,
              (m.live_content->'location'->>'lat')::float8 AS lat, (m.live_content->'location'->>'lng')::float8 AS lng,
              -- The condition column follows the latest save: it is the live one unless a newer draft exists.
              CASE WHEN m.version = m.live_revision THEN m.condition
                   ELSE (SELECT s->>'condition' FROM jsonb_array_elements(m.live_content->'conditionSurveys') AS s
                          ORDER BY s->>'date' DESC LIMIT 1) END AS condition
         FROM memorials m
        -- live_slug IS NOT NULL lets the partial unique index on (country_id, live_slug) give the order.
        WHERE m.country_id = $1 AND m.live_revision IS NOT NULL AND m.live_slug IS NOT NULL
        ORDER BY m.live_slug LIMIT $2`,
      [countryId, take],
    );
  }

  /**
   * A country's live people whose live revision links them to this memorial,
   * by the GIN index over the live links (ix_people_live_memorials). Privacy
   * of the living is the caller's to apply (isPersonPublic).
   */
  async peopleOf(countryId: string, memorialId: string): Promise<PersonEntity[]> {
    const link = JSON.stringify([{ memorialId }]);
    const people = await this.remembered('person', countryId, `live_content->'memorials' @> $2::jsonb`, link);
    return [...people.values()];
  }

  /**
   * Up to `take` of a country's live people (linked to `memorialId`, if
   * given) in the public register's order, name (byte order) then id, after
   * the key `after`: a walk of ix_people_country_live_name. Each comes with
   * its key as read, for the next page's cursor; `more` is false once no
   * person lies beyond. Privacy of the living is the caller's to apply.
   */
  async peopleInOrder(
    countryId: string,
    { after, take, memorialId }: { after: PersonOrderKey | null; take: number; memorialId?: string },
  ): Promise<{ people: { person: PersonEntity; key: PersonOrderKey }[]; last: PersonOrderKey | null; more: boolean }> {
    const NAME = `(live_content->>'name') COLLATE "C"`;
    const params: unknown[] = [countryId];
    const where = [`live_content->>'name' IS NOT NULL`];
    if (after) where.push(`(${NAME}, id) > ($${params.push(after.name)}::text COLLATE "C", $${params.push(after.id)}::uuid)`);
    if (memorialId) where.push(`live_content->'memorials' @> $${params.push(JSON.stringify([{ memorialId }]))}::jsonb`);
    const sql = `${this.keysSql('person', where.join(' AND '), `live_content->>'name' AS name`)} ORDER BY ${NAME}, id LIMIT $${params.push(take)}`;
    const keys: (RecordKey & { name: string })[] = await this.db.query(sql, params);
    const found = await this.resolve('person', countryId, keys);
    const people = keys.flatMap((key) => {
      const person = found.get(key.id);
      return person ? [{ person, key: { name: key.name, id: key.id } }] : [];
    });
    const end = keys[keys.length - 1];
    return { people, last: end ? { name: end.name, id: end.id } : null, more: keys.length === take };
  }

  async byIds<T extends RecordType>(type: T, countryId: string, ids: string[]): Promise<Map<string, LiveTypes[T]>> {
    if (ids.length === 0) return new Map();
    return this.remembered(type, countryId, 'id = ANY($2::uuid[])', [...new Set(ids)]);
  }

  /**
   * A country's live records matching `where` (on $2 = `param`), by id. Their
   * keys (id, live revision, approval) are read first; only records not in
   * the memo are read whole. Parsing fifty whole rows was the largest cost of
   * an exhibition page on a miss.
   */
  private async remembered<T extends RecordType>(type: T, countryId: string, where: string, param: unknown): Promise<Map<string, LiveTypes[T]>> {
    const keys: RecordKey[] = await this.db.query(this.keysSql(type, where), [countryId, param]);
    return this.resolve(type, countryId, keys);
  }

  /** The keys of a country's live records of a type matching `where`, as RecordKey rows. */
  private keysSql(type: RecordType, where: string, extra = ''): string {
    return `SELECT id, live_revision AS revision, published_at::text AS approved${extra ? `, ${extra}` : ''} FROM "${RECORD_KINDS[type].contract.collection}"
             WHERE live_revision IS NOT NULL AND country_id = $1 AND ${where}`;
  }

  /** The records `keys` name: those in the memo from it, the others read whole. */
  private async resolve<T extends RecordType>(type: T, countryId: string, keys: RecordKey[]): Promise<Map<string, LiveTypes[T]>> {
    // In the order the database gives, as a single read did: a later record's approved media texts win (assetsOf).
    const found = new Map<string, LiveTypes[T] | undefined>();
    const wanted = new Map<string, { revision: number; key: string }>();
    for (const { id, revision, approved } of keys) {
      const key = `${type} ${id} ${revision} ${approved ?? ''}`;
      const known = this.memo.get(key) as LiveTypes[T] | undefined;
      found.set(id, known);
      if (known) this.recordKeys.set(known, key);
      else wanted.set(id, { revision, key });
    }
    if (wanted.size > 0) await this.readWanted(type, countryId, wanted, found);
    // A record withdrawn between the two reads is left out.
    for (const [id, record] of found) if (!record) found.delete(id);
    return found as Map<string, LiveTypes[T]>;
  }

  private async readWanted<T extends RecordType>(
    type: T,
    countryId: string,
    wanted: Map<string, { revision: number; key: string }>,
    found: Map<string, LiveTypes[T] | undefined>,
  ): Promise<void> {
    const rows = await this.liveRows(type, 'country_id = $1 AND id = ANY($2::uuid[])', [countryId, [...wanted.keys()]]);
    for (const row of this.live(type, rows)) {
      // Only a record the first read found: one that came live in between waits for the next page.
      if (!found.has(row.id)) continue;
      found.set(row.id, row);
      // Kept only when still the revision its key names (a decision may have come in between the two reads).
      const want = wanted.get(row.id);
      if (want && want.revision === row.version) {
        this.memo.set(want.key, row);
        this.recordKeys.set(row, want.key);
      }
    }
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
      for (const id of Object.keys(record.liveMediaTexts ?? {})) textsBy.set(id, this.recordKeys.get(record));
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
    const rows = await this.rows<MediaAssetEntity & { tuple: string }>(MediaAssetEntity, SHOWN, [countryId, wanted], ['metadataBoxes'], ', xmin::text AS "tuple"');
    for (const { tuple, ...asset } of rows) {
      found.set(asset.id, asset as MediaAssetEntity);
      // The row as read now: a newer version than the keys named is shown, under its own.
      tuples.set(asset.id, tuple);
      this.assetMemo.set(`${asset.id} ${tuple}`, asset as MediaAssetEntity);
    }
    return found;
  }
}
