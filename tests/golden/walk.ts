import { z } from 'zod';
import { ANY_LANGUAGE, LANGUAGES, type LanguageVariant, type RawAnswer, Session, withQuery } from './client';

/** Who reads: the anonymous visitor and every demo account (apps/api/src/modules/demo/demo-accounts.ts). */
export const READERS = [
  { who: 'anonymous', email: null },
  { who: 'admin', email: 'admin@vitrina.test' },
  { who: 'moderator.kz', email: 'moderator.kz@vitrina.test' },
  { who: 'curator.kz', email: 'curator.kz@vitrina.test' },
  { who: 'curator.am', email: 'curator.am@vitrina.test' },
] as const;
export type Who = (typeof READERS)[number]['who'];

/** An id no record has: each route's answer for what does not exist. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

export const COLLECTIONS = ['items', 'memorials', 'exhibitions'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The walk's one pass over the API: every answer kept raw, in order, for normalising afterwards. */
export class Walk {
  readonly answers: RawAnswer[] = [];

  constructor(private readonly sessions: Map<Who, Session>) {}

  /** `keyPath` names the request in the recording when its path holds an opaque token (a search cursor). */
  async get(who: Who, path: string, language: LanguageVariant = ANY_LANGUAGE, keyPath = path): Promise<RawAnswer> {
    const answer = await this.sessions.get(who)!.get(path, language);
    this.answers.push({ ...answer, path: keyPath });
    return answer;
  }

  /** The path in every language variant; `lang` goes into the query only where the route reads it. */
  async inLanguages(who: Who, path: string, takesLang: boolean): Promise<void> {
    for (const language of LANGUAGES) await this.get(who, takesLang ? withQuery(path, { lang: language.lang }) : path, language);
  }

  private readonly extraSecrets: [string, string][] = [];

  addSecret(value: string, name: string): void {
    this.extraSecrets.push([value, name]);
  }

  /** Each run's random tokens and the placeholder each is written as. */
  secrets(): Map<string, string> {
    const fromSessions = [...this.sessions.values()].flatMap((s) => s.secrets.map((v): [string, string] => [v, `<csrf:${s.who}>`]));
    return new Map([...fromSessions, ...this.extraSecrets]);
  }
}

export function jsonOf<T>(answer: RawAnswer, schema: z.ZodType<T>): T {
  if (answer.status !== 200) throw new Error(`GET ${answer.path} as ${answer.who} answered ${answer.status}`);
  return schema.parse(JSON.parse(answer.bytes.toString('utf8')));
}

const countryList = z.object({ items: z.array(z.object({ id: z.string(), slug: z.string() })) });
const studioList = z.object({ items: z.array(z.object({ id: z.string(), slug: z.string(), status: z.string() })), total: z.number() });
const mediaList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      sha256: z.string(),
      originalName: z.string().nullable(),
      derivativeWidths: z.array(z.number()),
      tiled: z.boolean(),
      captionLanguages: z.array(z.string()),
    }),
  ),
});
const userList = z.object({ items: z.array(z.object({ id: z.string(), email: z.string() })) });

export type Country = z.infer<typeof countryList>['items'][number];
export type RecordRef = z.infer<typeof studioList>['items'][number] & { collection: Collection; country: Country };
export type MediaRef = z.infer<typeof mediaList>['items'][number] & { country: Country };

/** What the demo holds, as the admin sees it: where the walk's ids and slugs come from. */
export interface Demo {
  countries: Country[];
  /** Countries with demo records; the staff walk covers these and one empty country. */
  contentCountries: Country[];
  emptyCountry: Country;
  records: RecordRef[];
  media: MediaRef[];
  users: { id: string; email: string }[];
}

/** Reads without recording: discovery must not shape the recording. */
async function read<T>(session: Session, path: string, schema: z.ZodType<T>): Promise<T> {
  return jsonOf(await session.get(path, ANY_LANGUAGE), schema);
}

export async function readCountries(reader: Session): Promise<Country[]> {
  return (await read(reader, '/api/public/countries', countryList)).items;
}

export async function discover(admin: Session): Promise<Demo> {
  const countries = (await readCountries(admin)).sort((a, b) => a.slug.localeCompare(b.slug));
  const records: RecordRef[] = [];
  const media: MediaRef[] = [];
  for (const country of countries) {
    for (const collection of COLLECTIONS) {
      const list = await read(admin, `/api/studio/countries/${country.id}/${collection}?limit=100`, studioList);
      if (list.total > list.items.length) throw new Error(`${country.slug} has more ${collection} than one page: page through them`);
      records.push(...list.items.map((r) => ({ ...r, collection, country })));
    }
    media.push(...(await readMedia(admin, country)));
  }
  // The walk's order must not follow the order of list answers, which is part of what is compared.
  records.sort((a, b) => sortKey(a.country.slug, a.collection, a.slug).localeCompare(sortKey(b.country.slug, b.collection, b.slug)));
  media.sort((a, b) => sortKey(a.country.slug, a.originalName ?? '', a.sha256).localeCompare(sortKey(b.country.slug, b.originalName ?? '', b.sha256)));
  const contentCountries = countries.filter((c) => records.some((r) => r.country.id === c.id));
  const emptyCountry = countries.find((c) => !contentCountries.includes(c));
  if (!emptyCountry || contentCountries.length === 0) throw new Error('expected demo content in some countries and none in others');
  const users = (await read(admin, '/api/admin/users', userList)).items;
  return { countries, contentCountries, emptyCountry, records, media, users };
}

const sortKey = (...parts: string[]) => parts.join('\u0000');

export async function readMedia(admin: Session, country: Country): Promise<MediaRef[]> {
  return (await read(admin, `/api/studio/countries/${country.id}/media`, mediaList)).items.map((m) => ({ ...m, country }));
}

const SINGULAR: Record<Collection, string> = { items: 'item', memorials: 'memorial', exhibitions: 'exhibition' };

/** Names saying what each discovered id is, so placeholders stay put when one answer changes. */
export function labelsOf(demo: Demo): [string, string][] {
  return [
    [NO_SUCH_ID, 'no-such-id'],
    ...demo.countries.map((c): [string, string] => [c.id, `country:${c.slug}`]),
    ...demo.records.map((r): [string, string] => [r.id, `${SINGULAR[r.collection]}:${r.country.slug}/${r.slug}`]),
    ...demo.media.map((m): [string, string] => [m.id, `media:${m.country.slug}/${m.originalName ?? m.sha256.slice(0, 12)}`]),
    ...demo.users.map((u): [string, string] => [u.id, `user:${u.email}`]),
  ];
}
