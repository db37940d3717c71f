import { Inject, Injectable } from '@nestjs/common';
import type { PublicPeoplePage, PublicPeopleQuery, PublicPersonSummary } from '@vitrina/contracts';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { PageSources } from '../../infra/http/page-sources';
import { readerLanguage } from '../../infra/http/reader-language';
import type { PersonEntity } from '../content/kinds/person.entity';
import type { MemorialEntity } from '../content/kinds/memorial.entity';
import { LiveRecords, type PersonOrderKey } from '../content/live-records';
import { isPersonPublic, linkedMemorialIds } from '../content/person-views';
import { Reader } from '../content/public-views';
import { decodePeopleCursor, encodePeopleCursor } from './people-cursor';

/**
 * Reads of the register a page may take when people privacy hides are many:
 * past them the page is shorter than asked, with a nextCursor after the last
 * person read, so one request never walks a whole country.
 */
const MAX_READS = 5;

function presentSummary(reader: Reader, person: PersonEntity, memorials: Map<string, MemorialEntity>): PublicPersonSummary {
  const content = person.content;
  return {
    id: person.id,
    slug: person.slug,
    name: content.name,
    title: reader.title(content.title),
    birth: content.birth ?? null,
    death: content.death ?? null,
    rank: reader.label(content.rank),
    unit: content.unit ?? null,
    fate: content.fate ?? 'unknown',
    memorials: linkedMemorialIds(content).flatMap((id) => {
      const memorial = memorials.get(id);
      return memorial ? [{ slug: memorial.slug, title: reader.title(memorial.content.title) }] : [];
    }),
  };
}

/** The public register of a country's people, a page at a time in a stable order (name, then id). */
@Injectable()
export class PublicPeopleService {
  constructor(
    private readonly live: LiveRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(countrySlug: string, query: PublicPeopleQuery, request: { acceptLanguage?: string; sources?: PageSources }): Promise<PublicPeoplePage> {
    const after = query.cursor ? decodePeopleCursor(query.cursor) : null;
    const country = await this.live.country(countrySlug);
    // The page shows the country's people and memorials: any change to one of them refreshes it.
    request.sources?.listsOf(country.id);
    const memorial = query.memorial ? await this.live.bySlug('memorial', country.id, query.memorial) : null;
    const reader = new Reader(readerLanguage(query.lang, request.acceptLanguage, country.defaultLanguage), country);
    const shown: { person: PersonEntity; key: PersonOrderKey }[] = [];
    let readTo = after;
    let more = true;
    // One person more than the page holds, to know whether another page follows.
    for (let read = 0; read < MAX_READS && more && shown.length <= query.limit; read++) {
      const batch = await this.live.peopleInOrder(country.id, { after: readTo, take: query.limit + 1 - shown.length, memorialId: memorial?.id });
      shown.push(...batch.people.filter(({ person }) => isPersonPublic(person.content, this.config.people.livingPrivacyYears)));
      readTo = batch.last ?? readTo;
      more = batch.more;
    }
    const items = shown.slice(0, query.limit);
    const nextKey = shown.length > query.limit ? items[items.length - 1].key : more ? readTo : null;
    const memorials = await this.live.byIds('memorial', country.id, items.flatMap(({ person }) => linkedMemorialIds(person.content)));
    return {
      items: items.map(({ person }) => presentSummary(reader, person, memorials)),
      nextCursor: nextKey ? encodePeopleCursor(nextKey) : null,
    };
  }
}
