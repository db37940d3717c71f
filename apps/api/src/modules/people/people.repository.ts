import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentStatus } from '@vitrina/contracts';
import { type NameQuery, isInitialKey } from '@vitrina/names';
import type { DataSource, EntityManager } from 'typeorm';
import type { PersonContent } from '../content/kinds/person.entity';
import { ONE_WORD_NAME_KEY } from '../content/person-name-keys';

/**
 * Candidates read at most for one person's suggestions: those with most
 * years in agreement first. A name shared by more people than this (the
 * commonest surname and given name of a very large register) is narrowed by
 * years before the cap, through the same indexed read.
 */
export const CANDIDATE_CAP = 200;

export interface CandidateRow {
  id: string;
  slug: string;
  status: ContentStatus;
  version: number;
  live_revision: number | null;
  content: PersonContent;
}

/** The SQL of duplicate suggestions, merges and the addresses merges retire. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * People of the country, other than `exceptId` and not merged, whose name
   * keys share a key or deletion neighbour with every required word of one of
   * the queries (`name_keys && …`, the GIN index ix_people_name_keys), or
   * who are known by one word that is one of theirs: never a walk of the
   * country. Those whose birth and death years equal the person's come first,
   * so a common name keeps its likeliest within the cap.
   */
  async candidates(countryId: string, exceptId: string, queries: NameQuery[], years: { birth: number | null; death: number | null }): Promise<CandidateRow[]> {
    const params: unknown[] = [countryId, exceptId, years.birth === null ? null : String(years.birth), years.death === null ? null : String(years.death)];
    const next = (value: unknown) => `$${params.push(value)}`;
    const required = queries.map((query) => query.tokens.filter((token) => !token.optional)).filter((tokens) => tokens.length > 0);
    const arms = required.map((tokens) => `(${tokens.map((token) => `p.name_keys && ${next(token.fuzzyKeys)}::text[]`).join(' AND ')})`);
    if (arms.length === 0) return [];
    // People known by one word: any one of a fuller name's words finds them.
    const words = [...new Set(required.filter((tokens) => tokens.length > 1).flatMap((tokens) => tokens.flatMap((token) => token.fuzzyKeys.filter((key) => !isInitialKey(key)))))];
    if (words.length > 0) arms.push(`(p.name_keys @> ${next([ONE_WORD_NAME_KEY])}::text[] AND p.name_keys && ${next(words)}::text[])`);
    return this.db.query(
      `SELECT p.id, p.slug, p.status, p.version, p.live_revision, p.content
         FROM people p
        WHERE p.country_id = $1 AND p.id <> $2 AND p.merged_into IS NULL AND (${arms.join(' OR ')})
        ORDER BY (CASE WHEN left(p.content->'birth'->>'date', 4) = $3 THEN 1 ELSE 0 END
                + CASE WHEN left(p.content->'death'->>'date', 4) = $4 THEN 1 ELSE 0 END) DESC, p.id
        LIMIT ${CANDIDATE_CAP}`,
      params,
    );
  }

  /** Both people's rows locked, in id order (two merges of the same pair wait rather than deadlock). */
  async lockPair(tx: EntityManager, countryId: string, ids: [string, string]): Promise<void> {
    await tx.query(`SELECT id FROM people WHERE country_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [countryId, [...ids].sort()]);
  }
}
