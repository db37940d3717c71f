import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAX_DUPLICATES, type PersonDuplicate, type PersonDuplicates } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { PersonEntity } from '../content/kinds/person.entity';
import { MIN_SCORE, likeness, nameQueries, yearOf } from './person-likeness';
import { PeopleRepository } from './people.repository';

/**
 * Suggested duplicates of a person (issue 14): people of the same country,
 * drafts included, whose names match theirs in any script or within a
 * letter, ranked by what else agrees (years, unit, memorials) and pushed
 * down or out by years that conflict. Read through the name-key index.
 */
@Injectable()
export class PersonDuplicatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleRepository,
  ) {}

  async suggest(countryId: string, id: string): Promise<PersonDuplicates> {
    const person = await this.db.getRepository(PersonEntity).findOneBy({ id, countryId });
    if (!person) throw new NotFoundException('No such person');
    // A person merged into another is retired: their survivor is where duplicates are looked for.
    if (person.mergedInto) return { items: [] };
    const content = person.content;
    const rows = await this.people.candidates(countryId, id, nameQueries(content), { birth: yearOf(content.birth), death: yearOf(content.death) });
    const scored: PersonDuplicate[] = [];
    for (const row of rows) {
      const like = likeness(content, row.content);
      if (!like || like.score < MIN_SCORE) continue;
      scored.push({
        id: row.id,
        slug: row.slug,
        name: row.content.name,
        variants: row.content.variants ?? [],
        birthYear: yearOf(row.content.birth),
        deathYear: yearOf(row.content.death),
        unit: row.content.unit ?? null,
        status: row.status,
        isLive: row.live_revision !== null,
        version: row.version,
        ...like,
      });
    }
    scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { items: scored.slice(0, MAX_DUPLICATES) };
  }
}
