import type { ContentLanguage, MediaTexts, RecordKindContract } from '@vitrina/contracts';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { CountryEntity } from '../../countries/country.entity';
import type { ContentRecordEntity } from '../content-record.entity';

/**
 * One kind of curated record as the API stores it. The contract row (names,
 * segment, schemas) comes from libs/contracts; this adds the table and what
 * really differs between kinds. Everything else (storage, revisions,
 * workflow, the studio routes) is shared.
 */
export interface ContentKind<TInput extends { slug: string }, TEntity extends ContentRecordEntity<object>, TStudio> {
  contract: RecordKindContract;
  /** Singular, for messages: "item", "memorial", "exhibition". */
  label: string;
  entity: EntityTarget<TEntity>;
  /** The row's columns (slug, kind, content, search/sort copies) for a validated document. */
  toColumns(input: TInput): Partial<TEntity>;
  toStudio(entity: TEntity): TStudio;
  /** A condition on `record` the studio list keeps rows by (people merged into another leave it). */
  listFilter?: string;
  /** Why a stored record may no longer change (a person merged into another), or null: saves and workflow steps get 409. */
  retired?(entity: TEntity): string | null;
  /** Kind-specific rules run before every save (sanitising, checking references); the document as stored. */
  prepare?(db: EntityManager, country: CountryEntity, input: TInput): Promise<TInput>;
  /**
   * The record's latest document as visitors will see it once published (the
   * kind's public view); its files show the texts `mediaTexts` froze (a
   * revision under review), or their current ones.
   */
  preview?(db: EntityManager, country: CountryEntity, record: TEntity, lang: ContentLanguage | undefined, mediaTexts?: Record<string, MediaTexts>): Promise<unknown>;
  /** The same for a document not saved yet (the editor's live preview); kinds with a preview may have this too. */
  previewDraft?(db: EntityManager, country: CountryEntity, input: TInput, lang: ContentLanguage | undefined): Promise<unknown>;
}
