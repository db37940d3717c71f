import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Condition, LocalizedText, RecordType } from '@vitrina/contracts';
import { type DataSource, type FindOptionsOrder, IsNull, Not } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';
import { CountryEntity } from '../countries/country.entity';
import type { ExhibitionEntity } from './kinds/exhibition.entity';
import type { ItemEntity } from './kinds/item.entity';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import type { MemorialEntity } from './kinds/memorial.entity';
import type { PersonEntity } from './kinds/person.entity';
import { LiveRowMemo } from './live-row-memo';
import { RECORD_KINDS, asLive } from './record-kinds';
import { type AssetKeys, LiveMedia, SHOWN_ASSETS } from './live-media';
import { LiveRows } from './live-rows';
import { type RecordKey, SHOWN_KEYS_COLUMNS, type ShownIds, type ShownKeys, type ShownKeysRow, idsParam, shownKeys } from './shown-keys';
import { PUBLISHED_AT_SQL } from './published-cursor';

export type { AssetKeys } from './live-media';
export type { RecordKey, ShownIds, ShownKeys } from './shown-keys';

interface LiveTypes {
  item: ItemEntity;
  memorial: MemorialEntity;
  exhibition: ExhibitionEntity;
  person: PersonEntity;
}

const IS_LIVE = { liveRevision: Not(IsNull()) };
/** Live records kept in memory; a few thousand item rows take some megabytes. */
const MEMO_ENTRIES = 4_000;
const COUNTRY_ENTRIES = 200;

/** A person's place in the public register's order (by name, byte order, then id). */
export interface PersonOrderKey {
  name: string;
  id: string;
}

/** A record's place in the newest-first order: when it was approved (ISO 8601 in UTC, to the microsecond) and its id. */
export interface PublishedOrderKey {
  at: string;
  id: string;
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
  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.reader = new LiveRows(db);
    this.media = new LiveMedia(db, this.reader, (record) => this.recordKey(record));
  }

  private readonly reader: LiveRows;
  private readonly media: LiveMedia;
  private readonly memo = new LiveRowMemo<LiveTypes[RecordType]>(MEMO_ENTRIES);
  /** Countries' rows by id and row version (there are few countries). */
  private readonly countryMemo = new LiveRowMemo<CountryEntity>(COUNTRY_ENTRIES);
  /** The memo key of each record read through `remembered` (what it is made of, for memos of what it shows). */
  private readonly recordKeys = new WeakMap<object, string>();

  /** What a live record read for a public page is made of: the same key means the same record. */
  recordKey(record: object): string | undefined {
    return this.recordKeys.get(record);
  }

  /** What a media file given by assetsOf is made of, as shown: the same version means the same fields and texts. */
  assetVersion(asset: object): string | undefined {
    return this.media.assetVersion(asset);
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
    return this.reader.rows(RECORD_KINDS[type].entity, `live_revision IS NOT NULL AND ${where}`, params, ['content']);
  }

  /** A country by its slug, for a public page (one plain query, as the records). */
  async country(slug: string): Promise<CountryEntity> {
    const [country] = await this.reader.rows<CountryEntity>(CountryEntity, 'slug = $1', [slug], []);
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
    let extra = ', "countries".xmin::text AS "countryTuple", r.id AS "recordId", r.live_revision AS "recordRevision", r.published_at::text AS "recordApproved"';
    const params: unknown[] = [countrySlug, slug];
    if (also) {
      extra += `, ${SHOWN_KEYS_COLUMNS}`;
      params.push(idsParam(also.items), idsParam(also.memorials), idsParam(also.assets));
    }
    type Row = { id: string; countryTuple: string; recordId: string | null; recordRevision: number | null; recordApproved: string | null } & Partial<ShownKeysRow>;
    // The country's key alone (its id and row version): the row itself is read once per version (countryOf).
    const [row] = await this.reader.rows<Row>(CountryEntity, '"countries".slug = $1', params, this.countryColumnsBesidesId(), extra, join, true);
    if (!row) throw new NotFoundException('No such country');
    const { recordId, recordRevision, recordApproved, itemKeys, memorialKeys, assetKeys } = row;
    const country = await this.countryOf(row.id, row.countryTuple);
    const keys = recordId === null ? [] : [{ id: recordId, revision: recordRevision!, approved: recordApproved }];
    const [record] = (await this.resolve(type, country.id, keys)).values();
    if (!record) throw new NotFoundException(`No such ${type}`);
    const shown = also && shownKeys(also.assets, { itemKeys: itemKeys ?? null, memorialKeys: memorialKeys ?? null, assetKeys: assetKeys ?? null });
    return { country, record, ...(shown ? { keys: shown } : {}) };
  }

  private countryColumns?: string[];

  private countryColumnsBesidesId(): string[] {
    return (this.countryColumns ??= this.db.getMetadata(CountryEntity).columns.flatMap((column) => (column.propertyName === 'id' ? [] : [column.propertyName])));
  }

  /**
   * A country's row by its id and row version (`xmin`, as for media): kept
   * per version, so a page parses no country columns while the row is as it
   * was, and a changed row is read at once. A row newer than the version
   * asked for is shown, under its own.
   */
  private async countryOf(id: string, tuple: string): Promise<CountryEntity> {
    const known = this.countryMemo.get(`${id} ${tuple}`);
    if (known) return known;
    const [read] = await this.reader.rows<CountryEntity & { tuple: string }>(CountryEntity, '"countries".id = $1', [id], [], ', "countries".xmin::text AS "tuple"');
    if (!read) throw new NotFoundException('No such country');
    const { tuple: readTuple, ...country } = read;
    this.countryMemo.set(`${id} ${readTuple}`, country as CountryEntity);
    return country as CountryEntity;
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

  /**
   * A country's live records of a type, newest approved first then by id,
   * after `after` (the key of the last one a previous page read), by the
   * partial index on (country_id, published_at DESC, id) every record table has.
   */
  async newestFirst<T extends RecordType>(
    type: T,
    countryId: string,
    { after, take }: { after: PublishedOrderKey | null; take: number },
  ): Promise<{ records: { record: LiveTypes[T]; key: PublishedOrderKey }[]; last: PublishedOrderKey | null; more: boolean }> {
    const params: unknown[] = [countryId];
    const where = ['published_at IS NOT NULL'];
    if (after) {
      params.push(after.at, after.id);
      where.push(`(published_at < $2::timestamptz OR (published_at = $2::timestamptz AND id > $3::uuid))`);
    }
    // To the microsecond, as PostgreSQL keeps it, so the next page starts exactly after it.
    const extra = `${PUBLISHED_AT_SQL('published_at')} AS order_at`;
    const sql = `${this.keysSql(type, where.join(' AND '), extra)} ORDER BY published_at DESC, id LIMIT $${params.push(take)}`;
    const keys: (RecordKey & { order_at: string })[] = await this.db.query(sql, params);
    const found = await this.resolve(type, countryId, keys);
    const records = keys.flatMap((key) => {
      const record = found.get(key.id);
      return record ? [{ record, key: { at: key.order_at, id: key.id } }] : [];
    });
    const end = keys[keys.length - 1];
    return { records, last: end ? { at: end.order_at, id: end.id } : null, more: keys.length === take };
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

  /** The media these live records show, with the texts their approved revisions gave them; a withdrawn file is left out (LiveMedia). */
  assetsOf(countryId: string, ids: string[], records: Iterable<ContentRecordEntity<object>>, known?: AssetKeys): Promise<Map<string, MediaAssetEntity>> {
    return this.media.assetsOf(countryId, ids, records, known);
  }
}
