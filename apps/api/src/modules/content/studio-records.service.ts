import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { ListQuery, RevisionDetail, RevisionSummary, StudioList } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { ZodError } from 'zod';
import type { Actor } from '../access/actor';
import type { AuditLog } from '../audit/audit-log.service';
import type { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { assertLanguagesEnabled } from '../countries/content-languages';
import type { ContentRecordEntity } from './content-record.entity';
import { ContentRevisionEntity } from './content-revision.entity';
import type { ContentStore } from './content-store';
import { assertMediaOfCountry, referencedMediaIds } from './media-references';
import { readerLanguage } from './reader-language';
import { listRevisions } from './revisions';

/** The zod schemas a kind's documents are parsed with. */
export interface CuratedSchemas<TInput> {
  create: { parse(input: unknown): TInput; safeParse(input: unknown): { success: true; data: TInput } | { success: false; error: ZodError } };
  update: { parse(input: unknown): TInput & { version: number } };
}

/** A stored revision the schema no longer accepts (rules tightened since it was saved): what to fix, not a crash. */
function unrestorable(number: number, error: ZodError): UnprocessableEntityException {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(document)', message: issue.message }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new UnprocessableEntityException({ message: `Revision ${number} no longer fits the current rules and cannot be restored as it is: ${summary}`, issues });
}

/**
 * The studio's rules for one kind of curated record, shared by items,
 * memorials and exhibitions: validate, check languages and media against the
 * country, let the kind prepare the document (sanitise, check references),
 * store it as a new revision; list and restore revisions.
 */
export abstract class CuratedContentService<
  TInput extends { slug: string },
  TEntity extends ContentRecordEntity<object>,
  TStudio,
> {
  protected abstract readonly store: ContentStore<TInput, TEntity>;
  protected abstract readonly type: 'item' | 'memorial' | 'exhibition';

  constructor(
    protected readonly countries: CountriesService,
    protected readonly db: DataSource,
    private readonly schemas: CuratedSchemas<TInput>,
    protected readonly audit: AuditLog,
  ) {}

  protected abstract toStudio(entity: TEntity): TStudio;

  /** A hook for kind-specific rules run before every save. */
  protected async prepare(_country: CountryEntity, input: TInput): Promise<TInput> {
    return input;
  }

  async list(countryId: string, query: ListQuery, acceptLanguage?: string): Promise<StudioList> {
    const country = await this.countries.findEntity(countryId);
    const lang = readerLanguage(query.lang, acceptLanguage, country.defaultLanguage);
    return this.store.list(countryId, query, lang, country.defaultLanguage);
  }

  async get(countryId: string, id: string): Promise<TStudio> {
    return this.toStudio(await this.store.get(countryId, id));
  }

  async create(countryId: string, actor: Actor, input: unknown): Promise<TStudio> {
    const country = await this.countries.findEntity(countryId);
    const valid = await this.validate(country, this.schemas.create.parse(input));
    return this.toStudio(await this.store.create(countryId, actor, valid));
  }

  async update(countryId: string, id: string, actor: Actor, input: unknown): Promise<TStudio> {
    const country = await this.countries.findEntity(countryId);
    const { version, ...document } = this.schemas.update.parse(input);
    const valid = await this.validate(country, document as unknown as TInput);
    return this.toStudio(await this.store.update(countryId, id, actor, { ...valid, version }));
  }

  remove(countryId: string, id: string, actor: Actor): Promise<void> {
    return this.store.remove(countryId, id, actor);
  }

  async revisions(countryId: string, id: string): Promise<RevisionSummary[]> {
    const record = await this.store.get(countryId, id);
    return listRevisions(this.db, this.type, record);
  }

  async revision(countryId: string, id: string, number: number): Promise<RevisionDetail> {
    const summaries = await this.revisions(countryId, id);
    const summary = summaries.find((revision) => revision.number === number);
    const row = await this.db.getRepository(ContentRevisionEntity).findOneBy({ recordType: this.type, recordId: id, number });
    if (!summary || !row) throw new NotFoundException('No such revision');
    return { ...summary, content: row.content };
  }

  /**
   * An earlier revision comes back as a new draft revision. It is validated
   * again: the country's languages or media may have changed since.
   */
  async restore(countryId: string, id: string, number: number, actor: Actor): Promise<TStudio> {
    const country = await this.countries.findEntity(countryId);
    const old = await this.db.getRepository(ContentRevisionEntity).findOneBy({ recordType: this.type, recordId: id, countryId, number });
    if (!old) throw new NotFoundException('No such revision');
    const current = await this.store.get(countryId, id);
    const parsed = this.schemas.create.safeParse(old.content);
    if (!parsed.success) throw unrestorable(number, parsed.error);
    const valid = await this.validate(country, parsed.data);
    return this.toStudio(await this.store.update(countryId, id, actor, { ...valid, version: current.version }, number));
  }

  private async validate(country: CountryEntity, input: TInput): Promise<TInput> {
    assertLanguagesEnabled(input, country.languages);
    await assertMediaOfCountry(this.db, country.id, referencedMediaIds(input));
    return this.prepare(country, input);
  }
}
