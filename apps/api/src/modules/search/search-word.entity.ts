import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every word of the names search has indexed (lower-cased, as the `simple`
 * configuration writes it), once. A misspelt name is looked up here by
 * trigram similarity — a few hundred thousand short words — and the words
 * found are then searched for in full text, instead of comparing the typo with
 * the names of millions of rows. Words whose rows are gone stay: they match
 * nothing, so they cost a little space and no correctness.
 */
@Entity({ name: 'search_words' })
// The trigram GIN index and the prefix index (text_pattern_ops, for LIKE 'ab%') are made by their migrations.
@Index('ix_search_words_trigram', { synchronize: false })
@Index('ix_search_words_prefix', { synchronize: false })
export class SearchWordEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_search_words' })
  word: string;
}
