import type { LocalizedText, SearchHit, SearchType } from '@vitrina/contracts';
import type { PersonCard } from './search-text';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One published thing as search sees it: a live item, memorial or
 * exhibition, or one person named on a live memorial. Rows are written when
 * a revision goes live and removed when it stops being live, in the same
 * transaction, so search never shows a draft or an unpublished thing.
 */
@Entity({ name: 'search_documents' })
@Unique('uq_search_documents_entry', ['recordType', 'recordId', 'personIndex'])
@Check('ck_search_documents_type', `"record_type" IN ('item', 'memorial', 'exhibition', 'person')`)
@Index('ix_search_documents_record', ['recordId'])
// GIN indexes (tsvector, trigram) are made by the search migrations, the date order (an expression) by SearchOrder, and the
// filters inside both, beside the id and after the country or the type (index-only walks newest first), by SearchFiltersInIndex.
@Index('ix_search_documents_tsv', { synchronize: false })
@Index('ix_search_documents_names', { synchronize: false })
@Index('ix_search_documents_date', { synchronize: false })
@Index('ix_search_documents_newest', { synchronize: false })
@Index('ix_search_documents_country_type', { synchronize: false })
@Index('ix_search_documents_country_newest', { synchronize: false })
@Index('ix_search_documents_type_newest', { synchronize: false })
@Index('ix_search_documents_name_keys', { synchronize: false })
@Index('ix_search_documents_name_fuzzy_keys', { synchronize: false })
@Index('ix_search_documents_place_keys', { synchronize: false })
export class SearchDocumentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'record_type', type: 'text' })
  recordType: SearchType;

  /** The record (for a person, the person record). */
  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  /** -1: every row is a record itself (it was a person's place in a memorial's list before people were records). */
  @Column({ name: 'person_index', type: 'integer', default: -1 })
  personIndex: number;

  @Column({ name: 'country_id', type: 'uuid' })
  countryId: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text', nullable: true })
  kind: string | null;

  /** The record's title (for a person, the title of the memorial the hit names), for display in the reader's language. */
  @Column({ type: 'jsonb' })
  title: LocalizedText;

  /** For a person: name, variants, years and the slug of the memorial the hit names. */
  @Column({ type: 'jsonb', nullable: true })
  person: SearchHit['person'];

  /** Plain text per language, for snippets. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  body: Record<string, string>;

  /** Titles, names, their variants and places: what trigram matching forgives typos in. */
  @Column({ type: 'text' })
  names: string;

  @Column({ type: 'integer', array: true, default: () => `'{}'` })
  decades: number[];

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'text', nullable: true })
  condition: string | null;

  @Column({ name: 'has_media', type: 'boolean', default: false })
  hasMedia: boolean;

  /** The first picture to show beside the hit. */
  @Column({ name: 'image_id', type: 'uuid', nullable: true })
  imageId: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  /** A person's name keys (`nameKeys` of @vitrina/names, every name and variant); empty for other records. GIN, matched with `&&`. */
  @Column({ name: 'name_keys', type: 'text', array: true, default: () => `'{}'` })
  nameKeys: string[];

  /** The name keys with their deletion neighbours (`nameKeys(name, { fuzzy: true })`), for a letter misspelt. */
  @Column({ name: 'name_fuzzy_keys', type: 'text', array: true, default: () => `'{}'` })
  nameFuzzyKeys: string[];

  /** A person's places as `placeKeys` (gazetteer ids included: Алма-Ата meets Алматы). */
  @Column({ name: 'place_keys', type: 'text', array: true, default: () => `'{}'` })
  placeKeys: string[];

  /** What a find-a-person hit shows and filters by (rank, unit, fate, years, burial); null for other records. */
  @Column({ name: 'person_card', type: 'jsonb', nullable: true })
  personCard: PersonCard | null;

  /** Russian and English stemmed, every other language as `simple`, titles weighted above bodies. */
  @Column({ type: 'tsvector', select: false })
  tsv: string;
}
