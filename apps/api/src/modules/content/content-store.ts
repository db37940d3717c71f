import { ConflictException, NotFoundException } from '@nestjs/common';
import type { ContentLanguage, ListQuery, StudioList } from '@vitrina/contracts';
import { resolveText } from '@vitrina/contracts';
import type { DataSource, EntityTarget, Repository } from 'typeorm';
import type { ContentRecordEntity } from './content-record.entity';

const UNIQUE_VIOLATION = '23505';

/** How one kind of record maps between its studio document and its table. */
export interface ContentMapping<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>> {
  /** Singular, for messages: "item", "memorial", "exhibition". */
  label: string;
  entity: EntityTarget<TEntity>;
  /** The row's columns (slug, kind, content, search/sort copies) for a validated document. */
  toColumns(input: TInput): Partial<TEntity>;
}

export interface Author {
  userId: string;
}

/**
 * Storage of curated records, shared by items, memorials and exhibitions:
 * country-scoped reads, optimistic-concurrency saves, deletion of drafts only.
 * Every query names the country, so an id from another country is simply not found.
 */
export class ContentStore<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>> {
  private readonly repository: Repository<TEntity>;

  constructor(
    db: DataSource,
    private readonly mapping: ContentMapping<TInput, TEntity>,
  ) {
    this.repository = db.getRepository(mapping.entity);
  }

  async list(countryId: string, query: ListQuery, lang: ContentLanguage, countryDefault: ContentLanguage): Promise<StudioList> {
    const builder = this.repository
      .createQueryBuilder('record')
      .where('record.country_id = :countryId', { countryId })
      .orderBy('record.updated_at', 'DESC')
      .addOrderBy('record.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) builder.andWhere('record.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('record.kind = :kind', { kind: query.kind });
    if (query.q) {
      builder.andWhere(`(record.slug ILIKE :q OR (record.content->'title')::text ILIKE :q)`, {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const [rows, total] = await builder.getManyAndCount();
    return {
      items: rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        kind: row.kind,
        title: resolveText((row.content as { title?: never }).title, lang, countryDefault),
        status: row.status,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(countryId: string, id: string): Promise<TEntity> {
    const row = await this.repository.findOne({ where: { id, countryId } as never });
    if (!row) throw new NotFoundException(`No such ${this.mapping.label}`);
    return row;
  }

  async create(countryId: string, author: Author, input: TInput): Promise<TEntity> {
    const values = { ...this.mapping.toColumns(input), countryId, createdBy: author.userId, updatedBy: author.userId };
    try {
      const { identifiers } = await this.repository.insert(values as never);
      return this.get(countryId, identifiers[0].id as string);
    } catch (error) {
      throw this.translateWriteError(error, input.slug);
    }
  }

  /** Saves only if nobody saved since `version`; the second of two concurrent saves gets 409. */
  async update(countryId: string, id: string, author: Author, input: TInput & { version: number }): Promise<TEntity> {
    const { version, ...document } = input;
    const values = { ...this.mapping.toColumns(document as unknown as TInput), updatedBy: author.userId };
    let affected: number | undefined;
    try {
      const result = await this.repository
        .createQueryBuilder()
        .update()
        .set({ ...values, version: () => 'version + 1' } as never)
        .where('id = :id AND country_id = :countryId AND version = :version', { id, countryId, version })
        .execute();
      affected = result.affected;
    } catch (error) {
      throw this.translateWriteError(error, input.slug);
    }
    const current = await this.get(countryId, id);
    if (!affected) {
      throw new ConflictException(
        `This ${this.mapping.label} was changed by someone else (now version ${current.version}, you edited version ${version}); reload and apply your changes again`,
      );
    }
    return current;
  }

  /** Only drafts can be deleted; published records must be unpublished first. */
  async remove(countryId: string, id: string): Promise<void> {
    const result = await this.repository.delete({ id, countryId, status: 'draft' } as never);
    if (result.affected) return;
    await this.get(countryId, id);
    throw new ConflictException(`Only drafts can be deleted; this ${this.mapping.label} is published`);
  }

  private translateWriteError(error: unknown, slug: string): unknown {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return new ConflictException(`The slug "${slug}" is already used by another ${this.mapping.label} of this country`);
    }
    return error;
  }
}
