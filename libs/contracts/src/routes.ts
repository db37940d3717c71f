import type { AdminCountryList, CountryList } from './countries';
import type { CsrfResponse, MeResponse } from './auth';
import type { MediaAsset } from './media';
import type { MapConfig, PublicCountryHome, PublicExhibition } from './public';
import type { PublicMemorialPoints } from './public-map';
import type { PublicPeoplePage } from './public-people';
import type { RECORD_COLLECTIONS } from './record-collections';
import type { Collection, PublicRecordViews } from './record-kinds';
import type { AuditPage, NotificationList, RecordType, ReviewDetail, ReviewQueueEntry, RevisionSummary } from './review';
import type { SearchResults, Suggestion } from './search';
import type { PersonSearchResults } from './person-search';
import type { PersonDuplicates, PersonMergeResult } from './person-duplicates';
import type { StudioList } from './items';
import type { User, UserList } from './users';

/**
 * One endpoint of the API, as the web calls it: its path (with its query, if
 * any) and the type of its answer. `Answer` carries the type only; it is
 * never set. The zod schemas of the answers are in `route-schemas.ts`, apart,
 * so that the visitor's bundle does not carry zod for a path builder.
 */
export interface Endpoint<T = unknown> {
  readonly path: string;
  readonly Answer?: T;
}

/** Query parameters; empty, null and undefined values are left out. */
export type RouteQuery = Record<string, string | number | boolean | null | undefined> | URLSearchParams;

function withQuery(path: string, query?: RouteQuery): string {
  if (!query) return path;
  const params = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [key, value] of entries) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function endpoint<T>(path: string, query?: RouteQuery): Endpoint<T> {
  return { path: withQuery(path, query) };
}

/** A path segment, encoded. */
const s = (value: string | number) => encodeURIComponent(String(value));

type Kind = Collection;
/** The record type whose collection segment is K. */
type TypeOfCollection<K extends Collection> = { [T in RecordType]: (typeof RECORD_COLLECTIONS)[T] extends K ? T : never }[RecordType];
/** A public record page's answer: the kind's public view, as the registry names it. */
type PublicRecord<K extends Kind> = PublicRecordViews[TypeOfCollection<K>];

const studioBase = (countryId: string) => `/api/studio/countries/${s(countryId)}`;
const reviewBase = (countryId: string) => `/api/review/countries/${s(countryId)}`;

/**
 * Every endpoint the web calls, by resource. Builders take the path's
 * parameters (encoded here) and, for reads that have one, a query.
 */
export const apiRoutes = {
  auth: {
    me: () => endpoint<MeResponse>('/api/auth/me'),
    csrf: () => endpoint<CsrfResponse>('/api/auth/csrf'),
    login: () => endpoint<MeResponse>('/api/auth/login'),
    logout: () => endpoint<void>('/api/auth/logout'),
  },
  public: {
    countries: () => endpoint<CountryList>('/api/public/countries'),
    countryHome: (country: string, query?: { lang?: string }) =>
      endpoint<PublicCountryHome>(`/api/public/countries/${s(country)}/home`, query),
    /** The points of the country page's map: its live memorials by slug, the first 5 000. */
    memorialPoints: (country: string, query?: { lang?: string }) =>
      endpoint<PublicMemorialPoints>(`/api/public/countries/${s(country)}/memorial-points`, query),
    record: <K extends Kind>(kind: K, country: string, slug: string, query?: { lang?: string }) =>
      endpoint<PublicRecord<K>>(`/api/public/countries/${s(country)}/${kind}/${s(slug)}`, query),
    /** A country's live, public people by name, a page at a time (`cursor`: the previous page's nextCursor). */
    people: (country: string, query?: { lang?: string; limit?: number; cursor?: string | null; memorial?: string }) =>
      endpoint<PublicPeoplePage>(`/api/public/countries/${s(country)}/people`, query),
    mapConfig: () => endpoint<MapConfig>('/api/public/map-config'),
    /** A live record as schema.org JSON-LD (Linked Art for an item, by Accept): the `alternate` of its page. */
    linkedData: (collection: Collection, id: string) => `/api/public/linked-data/${collection}/${s(id)}`,
    search: (query: RouteQuery) => endpoint<SearchResults>('/api/public/search', query),
    suggest: (query: { q: string; lang: string }) => endpoint<Suggestion[]>('/api/public/search/suggest', query),
    searchPeople: (query: RouteQuery) => endpoint<PersonSearchResults>('/api/public/search/people', query),
  },
  media: {
    /** The base of a file's derivatives (`/w400.webp`, `/captions/ru.vtt`…). */
    base: (assetId: string) => `/api/media/${s(assetId)}`,
    derivative: (assetId: string, width: number) => `/api/media/${s(assetId)}/w${width}.webp`,
    captions: (assetId: string, lang: string) => `/api/media/${s(assetId)}/captions/${s(lang)}.vtt`,
  },
  notifications: {
    list: () => endpoint<NotificationList>('/api/notifications'),
    markAllRead: () => endpoint<void>('/api/notifications/read'),
  },
  admin: {
    countries: () => endpoint<AdminCountryList>('/api/admin/countries'),
    country: (countryId: string) => endpoint<unknown>(`/api/admin/countries/${s(countryId)}`),
    users: () => endpoint<UserList>('/api/admin/users'),
    user: (userId: string) => endpoint<User>(`/api/admin/users/${s(userId)}`),
    memberships: (userId: string) => endpoint<unknown>(`/api/admin/users/${s(userId)}/memberships`),
    membership: (userId: string, countryId: string) => endpoint<unknown>(`/api/admin/users/${s(userId)}/memberships/${s(countryId)}`),
    unlock: (userId: string) => endpoint<unknown>(`/api/admin/users/${s(userId)}/unlock`),
  },
  studio: {
    /** A collection: GET lists it (with a query), POST creates a record. */
    collection: (countryId: string, collection: Collection, query?: RouteQuery) =>
      endpoint<StudioList>(`${studioBase(countryId)}/${collection}`, query),
    /** One record: GET, PUT, DELETE. */
    record: <T = unknown>(countryId: string, collection: Collection, id: string) => endpoint<T>(`${studioBase(countryId)}/${collection}/${s(id)}`),
    revisions: (countryId: string, collection: Collection, id: string) =>
      endpoint<RevisionSummary[]>(`${studioBase(countryId)}/${collection}/${s(id)}/revisions`),
    restore: (countryId: string, collection: Collection, id: string, revision: number) =>
      endpoint<unknown>(`${studioBase(countryId)}/${collection}/${s(id)}/revisions/${s(revision)}/restore`),
    /** A workflow step of the curator: `submit` or `withdraw`. */
    workflow: (countryId: string, collection: Collection, id: string, step: 'submit' | 'withdraw') =>
      endpoint<unknown>(`${studioBase(countryId)}/${collection}/${s(id)}/${step}`),
    /** GET: people of the same country who may be this person (drafts included). */
    personDuplicates: (countryId: string, id: string) => endpoint<PersonDuplicates>(`${studioBase(countryId)}/people/${s(id)}/duplicates`),
    /** POST `{ duplicateId, version, duplicateVersion }` (moderators): the duplicate merges into this person. */
    mergePerson: (countryId: string, id: string) => endpoint<PersonMergeResult>(`${studioBase(countryId)}/people/${s(id)}/merge`),
    preview: (countryId: string, id: string, query: { lang: string }) =>
      endpoint<PublicExhibition>(`${studioBase(countryId)}/exhibitions/${s(id)}/preview`, query),
    /** POST an exhibition document not saved yet: the answer is the page as the saved preview would show it. */
    draftPreview: (countryId: string, query: { lang: string }) => endpoint<PublicExhibition>(`${studioBase(countryId)}/exhibitions/preview`, query),
    media: (countryId: string) => endpoint<{ items: MediaAsset[] }>(`${studioBase(countryId)}/media`),
    asset: (countryId: string, assetId: string) => endpoint<MediaAsset>(`${studioBase(countryId)}/media/${s(assetId)}`),
    captions: (countryId: string, assetId: string, lang: string) =>
      endpoint<MediaAsset>(`${studioBase(countryId)}/media/${s(assetId)}/captions/${s(lang)}`),
  },
  review: {
    queue: (countryId: string, query?: { lang?: string }) => endpoint<ReviewQueueEntry[]>(`${reviewBase(countryId)}/queue`, query),
    record: (countryId: string, collection: Collection, id: string, query?: { lang?: string }) =>
      endpoint<ReviewDetail>(`${reviewBase(countryId)}/${collection}/${s(id)}`, query),
    /** The latest revision as visitors will see it once approved: the kind's public view. */
    preview: <K extends Kind>(countryId: string, collection: K, id: string, query: { lang: string }) =>
      endpoint<PublicRecord<K>>(`${reviewBase(countryId)}/${collection}/${s(id)}/preview`, query),
    decide: (countryId: string, collection: Collection, id: string, decision: 'approve' | 'request-changes' | 'reject' | 'unpublish' | 'archive') =>
      endpoint<unknown>(`${reviewBase(countryId)}/${collection}/${s(id)}/${decision}`),
    mediaDecision: (countryId: string, assetId: string, decision: 'withdraw' | 'restore') =>
      endpoint<unknown>(`${reviewBase(countryId)}/media/${s(assetId)}/${decision}`),
  },
  audit: {
    page: (query: RouteQuery) => endpoint<AuditPage>('/api/audit', query),
    exportCsv: (query: RouteQuery) => withQuery('/api/audit/export.csv', query),
  },
} as const;
