import { ConflictException, NotFoundException } from '@nestjs/common';
import type { ContentLanguage, ContentStatus, ListQuery, MediaTexts, RecordMediaTexts, RecordType, StudioList, StudioThumbnail } from '@vitrina/contracts';
import { apiRoutes, resolveText } from '@vitrina/contracts';
import { type DataSource, type EntityManager, type FindOptionsWhere, In, IsNull, type Repository } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.service';
import type { ContentRecordEntity } from './content-record.entity';
import type { ContentKind } from './kinds/kind';
import { ContentRevisionEntity } from './content-revision.entity';
import { referencedMediaIds } from './media-references';
import { rowValues } from '../../infra/database/row-values';
import { applyMediaTexts, snapshotMediaTexts } from './media-texts';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
/** States a record may be deleted in: it was never published and is not awaiting a decision. */
const DELETABLE: ContentStatus[] = ['draft', 'changes_requested', 'rejected'];

interface RawThumbnail {
  assetId: string;
  width: number;
}

/**
 * The record's first medium with a picture (an image, or a document's first page) that is ready, with
 * its smallest rendition's width: a sub-select of the list's own query, so a page of records costs no
 * query per record. Items and memorials list their media in `media`; an exhibition has its cover image.
 */
/** Records a studio list counts beyond the page it shows; past that its total is a lower bound (`totalAtLeast`). */
export const STUDIO_COUNT_CAP = 10_000;

const THUMBNAIL_SQL = `(
  SELECT jsonb_build_object('assetId', asset.id, 'width', (SELECT min(w) FROM unnest(asset.derivative_widths) AS w))
    FROM jsonb_array_elements(COALESCE(record.content->'media', jsonb_build_array(jsonb_build_object('assetId', record.content->'coverMediaId'))))
         WITH ORDINALITY AS ref(value, position)
    JOIN media_assets asset ON asset.id = (ref.value->>'assetId')::uuid AND asset.country_id = record.country_id
   WHERE asset.status = 'ready' AND cardinality(asset.derivative_widths) > 0
   ORDER BY ref.position
   LIMIT 1
)`;

function presentThumbnail(raw: RawThumbnail | null | undefined): StudioThumbnail | null {
  return raw ? { assetId: raw.assetId, url: apiRoutes.media.derivative(raw.assetId, raw.width) } : null;
}

/** What the store needs of a kind: its table and how a document maps onto its row. */
export type ContentMapping<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>> = Pick<
  ContentKind<TInput, TEntity, unknown>,
  'contract' | 'label' | 'entity' | 'toColumns' | 'listFilter' | 'retired'
>;

export interface Author {
  userId: string;
  email: string;
}

/** What a save writes beside the document, in its transaction. */
export interface SaveOptions {
  /** Texts of the record's files, written to them before the revision snapshots them. */
  mediaTexts?: RecordMediaTexts;
  /** The earlier revision this save brings back (a restore). */
  restoredFrom?: number;
}

/**
 * Storage of curated records, shared by items, memorials and exhibitions:
 * country-scoped reads; saves that each write a revision, under optimistic
 * concurrency; deletion of never-published records only. Every query names
 * the country, so an id from another country is simply not found.
 */
export class ContentStore<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>> {
  private readonly repository: Repository<TEntity>;

  constructor(
    private readonly db: DataSource,
    private readonly mapping: ContentMapping<TInput, TEntity>,
    private readonly audit: AuditLog,
  ) {
    this.repository = db.getRepository(mapping.entity);
  }

  async list(countryId: string, query: ListQuery, lang: ContentLanguage, countryDefault: ContentLanguage): Promise<StudioList> {
    const builder = this.listed(countryId, query)
      .addSelect(THUMBNAIL_SQL, 'thumbnail')
      .orderBy('record.updated_at', 'DESC')
      .addOrderBy('record.id')
      .take(query.limit)
      .skip(query.offset);
    const [{ entities, raw }, counted] = await Promise.all([builder.getRawAndEntities<{ record_id: string; thumbnail: RawThumbnail | null }>(), this.countUpTo(countryId, query)]);
    const thumbnails = new Map(raw.map((row) => [row.record_id, row.thumbnail]));
    return {
      items: entities.map((row) => ({
        id: row.id,
        slug: row.slug,
        kind: row.kind,
        title: resolveText((row.content as { title?: never }).title, lang, countryDefault),
        status: row.status,
        version: row.version,
        isLive: row.liveRevision !== null,
        updatedAt: row.updatedAt.toISOString(),
        thumbnail: presentThumbnail(thumbnails.get(row.id)),
      })),
      total: counted.total,
      totalAtLeast: counted.atLeast,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The records of a country a studio list shows, with its filters. */
  private listed(countryId: string, query: ListQuery) {
    const builder = this.repository.createQueryBuilder('record').where('record.country_id = :countryId', { countryId });
    if (this.mapping.listFilter) builder.andWhere(this.mapping.listFilter);
    if (query.status) builder.andWhere('record.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('record.kind = :kind', { kind: query.kind });
    if (query.ids) builder.andWhere('record.id IN (:...ids)', { ids: query.ids });
    if (query.q) {
      builder.andWhere(`(record.slug ILIKE :q OR (record.content->'title')::text ILIKE :q)`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return builder;
  }

  /**
   * How many records the list holds, counted up to STUDIO_COUNT_CAP past the
   * page shown: a country's register of 700 000 people took over a second to
   * count exactly, for a number nobody pages through (the search box narrows
   * it). `atLeast` when there are more.
   */
  private async countUpTo(countryId: string, query: ListQuery): Promise<{ total: number; atLeast: boolean }> {
    const cap = query.offset + query.limit + STUDIO_COUNT_CAP;
    const [sql, params] = this.listed(countryId, query).select('1').getQueryAndParameters();
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${cap + 1}) counted`, params)) as { n: number }[];
    return n > cap ? { total: cap, atLeast: true } : { total: n, atLeast: false };
  }

  async get(countryId: string, id: string, manager?: EntityManager): Promise<TEntity> {
    const repository = manager ? manager.getRepository(this.mapping.entity) : this.repository;
    const row = await repository.findOne({ where: { id, countryId } as FindOptionsWhere<TEntity> });
    if (!row) throw new NotFoundException(`No such ${this.mapping.label}`);
    return row;
  }

  async create(countryId: string, author: Author, input: TInput, { mediaTexts = {} }: SaveOptions = {}): Promise<TEntity> {
    const id = await this.writing(input.slug, () =>
      this.db.transaction(async (tx) => {
        const texted = await this.writeMediaTexts(tx, countryId, author, mediaTexts);
        const { id: recordId } = await insertDraft(tx, this.mapping, { countryId, input, authorId: author.userId });
        await this.audit.record(
          { action: 'create', actor: author, countryId, entityType: this.mapping.contract.type, entityId: recordId, toState: 'draft', details: { revision: 1, ...withMedia(texted) } },
          tx,
        );
        return recordId;
      }),
    );
    return this.get(countryId, id);
  }

  /**
   * Saves a new revision if nobody saved since `version`: of two concurrent
   * saves, the second gets 409. The latest revision becomes a draft again —
   * also when it was awaiting review, so an edit is never approved unseen —
   * while whatever is live stays live. The files' texts the save carries are
   * written first, in the same transaction, so the revision snapshots them
   * and a refused save (409, a slug taken) leaves them as they were.
   */
  async update(countryId: string, id: string, author: Author, input: TInput & { version: number }, { mediaTexts = {}, restoredFrom }: SaveOptions = {}): Promise<TEntity> {
    const { version, ...document } = input;
    await this.writing(input.slug, () =>
      this.db.transaction(async (tx) => {
        const current = await this.locked(tx, countryId, id);
        if (current.version !== version) {
          throw new ConflictException(
            `This ${this.mapping.label} was changed by someone else (now version ${current.version}, you edited version ${version}); reload and apply your changes again`,
          );
        }
        const texted = await this.writeMediaTexts(tx, countryId, author, mediaTexts);
        const values = { ...columnsOf(this.mapping, document as unknown as TInput), updatedBy: author.userId, status: 'draft', version: version + 1 };
        await tx.getRepository(this.mapping.entity).update({ id } as FindOptionsWhere<TEntity>, rowValues<TEntity>(values));
        await insertRevision(tx, this.mapping.contract.type, { countryId, recordId: id, number: version + 1, input: document, authorId: author.userId, restoredFrom });
        await this.audit.record(
          {
            action: restoredFrom ? 'restore' : 'save',
            actor: author,
            countryId,
            entityType: this.mapping.contract.type,
            entityId: id,
            fromState: current.status,
            toState: 'draft',
            details: { revision: version + 1, ...(restoredFrom ? { restoredFrom } : {}), ...withMedia(texted) },
          },
          tx,
        );
      }),
    );
    return this.get(countryId, id);
  }

  /** Only records never published can be deleted (with their revisions); published ones are unpublished or archived. */
  async remove(countryId: string, id: string, author: Author): Promise<void> {
    await this.referenced(() => this.db.transaction(async (tx) => {
      const current = await this.locked(tx, countryId, id);
      if (current.liveRevision !== null || !DELETABLE.includes(current.status)) {
        throw new ConflictException(`Only drafts that were never published can be deleted; this ${this.mapping.label} is ${current.status}`);
      }
      await tx.getRepository(ContentRevisionEntity).delete({ recordType: this.mapping.contract.type, recordId: id });
      await tx.getRepository(this.mapping.entity).delete({ id, countryId, liveRevision: IsNull(), status: In(DELETABLE) } as FindOptionsWhere<TEntity>);
      await this.audit.record({ action: 'delete', actor: author, countryId, entityType: this.mapping.contract.type, entityId: id, fromState: current.status }, tx);
    }));
  }

  /** A record others still point to (a person another was merged into) stays: 409, not a 500. */
  private async referenced(remove: () => Promise<void>): Promise<void> {
    try {
      await remove();
    } catch (error) {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
      throw new ConflictException(`This ${this.mapping.label} cannot be deleted: another record was merged into it and keeps its history there`);
    }
  }

  /** The row, locked until the transaction ends, so transitions and saves of one record take turns. */
  async locked(tx: EntityManager, countryId: string, id: string): Promise<TEntity> {
    const row = await tx.getRepository(this.mapping.entity).findOne({ where: { id, countryId } as FindOptionsWhere<TEntity>, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundException(`No such ${this.mapping.label}`);
    const retired = this.mapping.retired?.(row);
    if (retired) throw new ConflictException(retired);
    return row;
  }

  /** The files' texts of a save, each audited as a file's update of its own (as the file's PATCH is). */
  private async writeMediaTexts(tx: EntityManager, countryId: string, author: Author, texts: RecordMediaTexts): Promise<string[]> {
    const written = await applyMediaTexts(tx, countryId, texts);
    for (const assetId of written) {
      await this.audit.record({ action: 'media.update', actor: author, countryId, entityType: 'media', entityId: assetId, details: { with: this.mapping.contract.type } }, tx);
    }
    return written;
  }

  private async writing<T>(slug: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(`The slug "${slug}" is already used by another ${this.mapping.label} of this country`);
      }
      throw error;
    }
  }
}

/** The audit details naming the files whose texts a save wrote (none: nothing added). */
const withMedia = (assetIds: string[]) => (assetIds.length > 0 ? { mediaTexts: assetIds } : {});

function columnsOf<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>>(mapping: ContentMapping<TInput, TEntity>, input: TInput): Partial<TEntity> {
  return { ...mapping.toColumns(input), mediaIds: referencedMediaIds(input) };
}

/** What a caller gets back of the revision it inserted (enough to publish it). */
export type InsertedRevision = Pick<ContentRevisionEntity, 'number' | 'content' | 'mediaTexts'>;

export interface NewRevision {
  countryId: string;
  recordId: string;
  number: number;
  input: object;
  authorId: string | null;
  restoredFrom?: number;
  /** The texts of its media as approved before (a merge's union of live copies); by default, as they are now. */
  mediaTexts?: Record<string, MediaTexts>;
}

/** A revision row, with the texts of the media it shows as they are now (what a moderator will review). */
export async function insertRevision(tx: EntityManager, recordType: RecordType, revision: NewRevision): Promise<InsertedRevision> {
  const mediaTexts = revision.mediaTexts ?? (await snapshotMediaTexts(tx, revision.countryId, referencedMediaIds(revision.input)));
  const row: Partial<ContentRevisionEntity> = {
    recordType,
    recordId: revision.recordId,
    countryId: revision.countryId,
    number: revision.number,
    content: revision.input as Record<string, unknown>,
    mediaTexts,
    authorId: revision.authorId,
    restoredFrom: revision.restoredFrom ?? null,
  };
  await tx.getRepository(ContentRevisionEntity).insert(rowValues(row));
  return { number: revision.number, content: row.content!, mediaTexts };
}

/**
 * A new record as a draft at its first revision, in the caller's transaction
 * (the studio's create, the demo seeder). `id` is chosen by the caller or by
 * the database.
 */
export async function insertDraft<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>>(
  tx: EntityManager,
  mapping: ContentMapping<TInput, TEntity>,
  draft: { countryId: string; input: TInput; authorId: string | null; id?: string },
): Promise<{ id: string; revision: InsertedRevision }> {
  const values: Partial<TEntity> = { ...columnsOf(mapping, draft.input), ...(draft.id ? { id: draft.id } : {}), countryId: draft.countryId, createdBy: draft.authorId, updatedBy: draft.authorId };
  const { identifiers } = await tx.getRepository(mapping.entity).insert(rowValues(values));
  const id = identifiers[0].id as string;
  const revision = await insertRevision(tx, mapping.contract.type, { countryId: draft.countryId, recordId: id, number: 1, input: draft.input, authorId: draft.authorId });
  return { id, revision };
}
