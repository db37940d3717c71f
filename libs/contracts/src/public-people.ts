import { z } from './zod';
import { uuidSchema } from './common';
import { contentSlugSchema, resolvedTextSchema } from './content';
import { languageSchema } from './languages';
import { fateSchema, personDateSchema } from './people';

/** The largest page of `GET /api/public/countries/:country/people`, and the one given when none is asked. */
export const PUBLIC_PEOPLE_MAX_LIMIT = 200;
export const PUBLIC_PEOPLE_DEFAULT_LIMIT = 50;

/**
 * The query of a country's register of people. `cursor` is the `nextCursor`
 * of the previous page, as given (opaque: base64url of the last key read);
 * `memorial` keeps the people linked to one live memorial, by its slug.
 */
export const publicPeopleQuerySchema = z.object({
  lang: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PUBLIC_PEOPLE_MAX_LIMIT).default(PUBLIC_PEOPLE_DEFAULT_LIMIT),
  cursor: z
    .string()
    .max(2_000)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be the nextCursor of a previous page, as given')
    .optional(),
  memorial: contentSlugSchema.optional(),
});
export type PublicPeopleQuery = z.infer<typeof publicPeopleQuerySchema>;

/** A live memorial a listed person is linked to: enough for a link to its page. */
export const publicPeopleMemorialSchema = z.object({ slug: z.string(), title: resolvedTextSchema });

/** A live, public person as the register lists them (rank resolved for the reader). */
export const publicPersonSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  /** As written, in the original script. */
  name: z.string(),
  /** The display name in the reader's language. */
  title: resolvedTextSchema,
  birth: personDateSchema.nullable(),
  death: personDateSchema.nullable(),
  rank: z.string().nullable(),
  unit: z.string().nullable(),
  fate: fateSchema,
  memorials: z.array(publicPeopleMemorialSchema),
});
export type PublicPersonSummary = z.infer<typeof publicPersonSummarySchema>;

/** One page of the register, by name then id; `nextCursor` is null on the last page. */
export const publicPeoplePageSchema = z.object({
  items: z.array(publicPersonSummarySchema),
  nextCursor: z.string().nullable(),
});
export type PublicPeoplePage = z.infer<typeof publicPeoplePageSchema>;
