import type {
  Condition,
  PersonMemorialLink,
  PublicMemorialPerson,
  PublicPerson,
  PublicPersonMemorial,
  PublicPersonSource,
} from '@vitrina/contracts';
import { identifierUrl } from '@vitrina/contracts';
import type { MemorialEntity } from './kinds/memorial.entity';
import type { PersonContent, PersonEntity } from './kinds/person.entity';
import { type AssetsById, presentCardImage, presentMedia } from './media-views';
import type { Reader } from './public-views';

/**
 * Privacy of the living: a person with no recorded death, born less than
 * `livingPrivacyYears` years ago, is shown to no visitor (page, memorial
 * lists, search, sitemap) until a curator records their consent. A person
 * with no dates at all is shown: nothing says they may be alive.
 */
export function isPersonPublic(person: Pick<PersonContent, 'birth' | 'death' | 'livingConsent'>, livingPrivacyYears: number, now = new Date()): boolean {
  if (person.livingConsent || person.death) return true;
  if (!person.birth) return true;
  return Number(person.birth.date.slice(0, 4)) <= now.getUTCFullYear() - livingPrivacyYears;
}

/**
 * isPersonPublic as an SQL condition over a people row's `live_content`, for
 * lists read a page at a time, never NULL (so NOT of it is safe). `bornByParam` names the parameter holding the
 * latest year of birth shown without consent (personBornBy).
 */
export function personPublicSql(bornByParam: string, row = 'people'): string {
  const content = `${row}.live_content`;
  return `((${content}->>'livingConsent')::boolean IS TRUE OR jsonb_typeof(${content}->'death') IS NOT DISTINCT FROM 'object'
    OR jsonb_typeof(${content}->'birth') IS DISTINCT FROM 'object' OR left(${content}->'birth'->>'date', 4)::int <= ${bornByParam})`;
}

/** The latest year of birth of a person shown without consent or a recorded death. */
export function personBornBy(livingPrivacyYears: number, now = new Date()): number {
  return now.getUTCFullYear() - livingPrivacyYears;
}

/** A memorial's current condition as its live revision records it (the latest survey). */
export function conditionOf(memorial: MemorialEntity): Condition | null {
  const [latest] = [...(memorial.content.conditionSurveys ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return latest?.condition ?? null;
}

function presentSource(source: PersonContent['sources'][number]): PublicPersonSource {
  return {
    title: source.title,
    archive: source.archive ?? null,
    fond: source.fond ?? null,
    opis: source.opis ?? null,
    delo: source.delo ?? null,
    sheet: source.sheet ?? null,
    url: source.url ?? null,
    identifiers: (source.identifiers ?? []).map(({ scheme, id }) => ({ scheme, id, url: identifierUrl(scheme, id) })),
  };
}

function presentLinkedMemorial(reader: Reader, link: PersonMemorialLink, memorial: MemorialEntity, assets: AssetsById): PublicPersonMemorial {
  return {
    id: memorial.id,
    slug: memorial.slug,
    title: reader.title(memorial.content.title),
    kind: memorial.kind as PublicPersonMemorial['kind'],
    role: link.role,
    plot: link.plot ?? null,
    condition: conditionOf(memorial),
    location: { lat: memorial.lat, lng: memorial.lng },
    image: presentCardImage(reader, memorial.content.media, assets),
  };
}

/**
 * A person's page: their memorials among `memorials` (live ones for visitors,
 * drafts too in a moderator's preview), each with its current condition.
 */
export function presentPerson(reader: Reader, person: PersonEntity, memorials: Map<string, MemorialEntity>, assets: AssetsById): PublicPerson {
  const content = person.content;
  return {
    id: person.id,
    slug: person.slug,
    country: reader.countryRef(),
    name: content.name,
    title: reader.title(content.title),
    surname: content.surname ?? null,
    givenName: content.givenName ?? null,
    patronymic: content.patronymic ?? null,
    variants: content.variants ?? [],
    birth: content.birth ?? null,
    death: content.death ?? null,
    placeOfBirth: reader.text(content.placeOfBirth),
    placeOfConscription: reader.text(content.placeOfConscription),
    rank: reader.label(content.rank),
    unit: content.unit ?? null,
    fate: content.fate ?? 'unknown',
    burialPlace: reader.text(content.burialPlace),
    memorials: (content.memorials ?? []).flatMap((link) => {
      const memorial = memorials.get(link.memorialId);
      return memorial ? [presentLinkedMemorial(reader, link, memorial, assets)] : [];
    }),
    awards: content.awards ?? [],
    sources: (content.sources ?? []).map(presentSource),
    media: presentMedia(reader, content.media, assets),
    biography: reader.text(content.biography),
    updatedAt: person.updatedAt.toISOString(),
  };
}

/** A person as a memorial's page lists them, with their tie to that memorial. */
export function presentMemorialPerson(reader: Reader, person: PersonEntity, memorialId: string): PublicMemorialPerson {
  const content = person.content;
  const link = (content.memorials ?? []).find((candidate) => candidate.memorialId === memorialId);
  return {
    id: person.id,
    slug: person.slug,
    name: content.name,
    variants: content.variants ?? [],
    birth: content.birth ?? null,
    death: content.death ?? null,
    rank: reader.label(content.rank),
    unit: content.unit ?? null,
    fate: content.fate ?? 'unknown',
    role: link?.role ?? 'commemorated',
    plot: link?.plot ?? null,
  };
}

/** Ids of the memorials a person's document links to. */
export const linkedMemorialIds = (content: Pick<PersonContent, 'memorials'>): string[] => (content.memorials ?? []).map((link) => link.memorialId);

/** The media a person's page shows: their own and their memorials' card images. */
export function personPageMediaIds(person: PersonEntity, memorials: Iterable<MemorialEntity>): string[] {
  const ids = new Set(person.mediaIds);
  for (const memorial of memorials) for (const ref of (memorial.content.media ?? []).slice(0, 3)) ids.add(ref.assetId);
  return [...ids];
}
