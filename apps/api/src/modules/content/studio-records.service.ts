import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentLanguage, ListQuery, RecordMediaTexts, RecordType, RevisionDetail, RevisionSummary, StudioList } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { ZodError } from 'zod';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { assertLanguagesEnabled } from '../countries/content-languages';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import type { ContentRecordEntity } from './content-record.entity';
import { ContentStore } from './content-store';
import { assertMediaOfCountry, referencedMediaIds } from './media-references';
import { readerLanguage } from '../../infra/http/reader-language';
import { RECORD_KINDS, type RecordKind } from './record-kinds';
import { findRevision, listRevisions } from './revisions';

type Document = { slug: string };

/** A stored revision the schema no longer accepts (rules tightened since it was saved): what to fix, not a crash. */
function unrestorable(number: number, error: ZodError): UnprocessableEntityException {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(document)', message: issue.message }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new UnprocessableEntityException({ message: `Revision ${number} no longer fits the current rules and cannot be restored as it is: ${summary}`, issues });
}

/**
 * A save may carry texts only for files the record it saves shows (so of its
 * country, checked with the record's own media): texts for any other file
 * would change a file this record's review never shows.
 */
function assertTextsOfShownMedia(kind: RecordKind, mediaTexts: RecordMediaTexts, shown: string[]): void {
  const strangers = Object.keys(mediaTexts).filter((assetId) => !shown.includes(assetId));
  if (strangers.length === 0) return;
  throw new BadRequestException({
    message: `Texts for files this ${kind.label} does not show: ${strangers.join(', ')}`,
    issues: strangers.map((assetId) => ({ path: `mediaTexts.${assetId}`, message: `this ${kind.label} does not show this file` })),
  });
}

/**
 * The studio's rules for every kind of curated record: validate with the
 * kind's schema, check languages and media against the country, let the kind
 * prepare the document (sanitise, check references), store it as a new
 * revision; list and restore revisions; preview where the kind has one.
 */
@Injectable()
export class StudioRecordsService {
  private readonly stores: Record<RecordType, ContentStore<Document, ContentRecordEntity<object>>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly countries: CountriesService,
    audit: AuditLog,
  ) {
    this.stores = Object.fromEntries(
      Object.values(RECORD_KINDS).map((kind) => [kind.contract.type, new ContentStore(db, kind, audit)]),
    ) as StudioRecordsService['stores'];
  }

  async list(kind: RecordKind, countryId: string, query: ListQuery, acceptLanguage?: string): Promise<StudioList> {
    const country = await this.countries.findEntity(countryId);
    const lang = readerLanguage(query.lang, acceptLanguage, country.defaultLanguage);
    return this.stores[kind.contract.type].list(countryId, query, lang, country.defaultLanguage);
  }

  async get(kind: RecordKind, countryId: string, id: string): Promise<object> {
    return kind.toStudio(await this.stores[kind.contract.type].get(countryId, id));
  }

  /** A new record, and the texts of its files when the body carries them (`mediaTexts`), in one transaction. */
  async create(kind: RecordKind, countryId: string, actor: Actor, input: unknown): Promise<object> {
    const country = await this.countries.findEntity(countryId);
    const { mediaTexts = {}, ...document } = kind.contract.createBodySchema.parse(input) as Document & { mediaTexts?: RecordMediaTexts };
    const valid = await this.validate(kind, country, document, mediaTexts);
    return kind.toStudio(await this.stores[kind.contract.type].create(countryId, actor, valid, { mediaTexts }));
  }

  /** A new revision, and the texts of the record's files when the body carries them, in one transaction. */
  async update(kind: RecordKind, countryId: string, id: string, actor: Actor, input: unknown): Promise<object> {
    const country = await this.countries.findEntity(countryId);
    const { version, mediaTexts = {}, ...document } = kind.contract.updateBodySchema.parse(input) as Document & { version: number; mediaTexts?: RecordMediaTexts };
    const valid = await this.validate(kind, country, document, mediaTexts);
    return kind.toStudio(await this.stores[kind.contract.type].update(countryId, id, actor, { ...valid, version }, { mediaTexts }));
  }

  remove(kind: RecordKind, countryId: string, id: string, actor: Actor): Promise<void> {
    return this.stores[kind.contract.type].remove(countryId, id, actor);
  }

  async preview(kind: RecordKind, countryId: string, id: string, lang: ContentLanguage | undefined): Promise<unknown> {
    if (!kind.preview) throw new NotFoundException(`No preview for a ${kind.label}`);
    const country = await this.countries.findEntity(countryId);
    const record = await this.stores[kind.contract.type].get(countryId, id);
    return kind.preview(this.db.manager, country, record, lang);
  }

  /** An unsaved document (already checked against the kind's create schema) as the saved preview would show it. */
  async previewDraft(kind: RecordKind, countryId: string, input: unknown, lang: ContentLanguage | undefined): Promise<unknown> {
    if (!kind.previewDraft) throw new NotFoundException(`No preview for a ${kind.label}`);
    const country = await this.countries.findEntity(countryId);
    const document = kind.contract.createSchema.parse(input);
    assertLanguagesEnabled(document, country.languages);
    return kind.previewDraft(this.db.manager, country, document, lang);
  }

  async revisions(kind: RecordKind, countryId: string, id: string): Promise<RevisionSummary[]> {
    const record = await this.stores[kind.contract.type].get(countryId, id);
    return listRevisions(this.db, kind.contract.type, record);
  }

  async revision(kind: RecordKind, countryId: string, id: string, number: number): Promise<RevisionDetail> {
    const summaries = await this.revisions(kind, countryId, id);
    const summary = summaries.find((revision) => revision.number === number && !revision.mergedFrom);
    const row = await findRevision(this.db, kind.contract.type, id, number);
    if (!summary || !row) throw new NotFoundException('No such revision');
    return { ...summary, content: row.content };
  }

  /**
   * An earlier revision comes back as a new draft revision. It is validated
   * again: the country's languages or media may have changed since.
   */
  async restore(kind: RecordKind, countryId: string, id: string, number: number, actor: Actor): Promise<object> {
    const country = await this.countries.findEntity(countryId);
    const old = await findRevision(this.db, kind.contract.type, id, number, countryId);
    if (!old) throw new NotFoundException('No such revision');
    const store = this.stores[kind.contract.type];
    const current = await store.get(countryId, id);
    const parsed = kind.contract.createSchema.safeParse(old.content);
    if (!parsed.success) throw unrestorable(number, parsed.error);
    const valid = await this.validate(kind, country, parsed.data);
    return kind.toStudio(await store.update(countryId, id, actor, { ...valid, version: current.version }, { restoredFrom: number }));
  }

  private async validate(kind: RecordKind, country: CountryEntity, input: Document, mediaTexts: RecordMediaTexts = {}): Promise<Document> {
    assertLanguagesEnabled(input, country.languages);
    assertLanguagesEnabled(mediaTexts, country.languages);
    const shown = referencedMediaIds(input);
    await assertMediaOfCountry(this.db, country.id, shown, Object.keys(mediaTexts));
    assertTextsOfShownMedia(kind, mediaTexts, shown);
    return kind.prepare ? kind.prepare(this.db.manager, country, input) : input;
  }
}
