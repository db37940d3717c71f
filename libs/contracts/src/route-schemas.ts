import { csrfResponseSchema, meResponseSchema } from './auth';
import { adminCountryListSchema, countryListSchema } from './countries';
import { studioListSchema } from './items';
import { mediaAssetSchema } from './media';
import { personDuplicatesSchema, personMergeResultSchema } from './person-duplicates';
import { publicMemorialPointsSchema } from './public-map';
import { publicPeoplePageSchema } from './public-people';
import { apiKeyListSchema, publicExhibitionsPageSchema, publicItemsPageSchema, publicMemorialsPageSchema } from './partners';
import { userListSchema, userSchema } from './users';
import type { z } from './zod';

/**
 * The zod schema of an answer, for the endpoints of `apiRoutes` whose answer
 * has one in the contracts, by the path's shape (without its query).
 */
const ANSWER_SCHEMAS: [RegExp, z.ZodType][] = [
  [/^\/api\/auth\/(me|login)$/, meResponseSchema],
  [/^\/api\/auth\/csrf$/, csrfResponseSchema],
  [/^\/api\/public\/countries$/, countryListSchema],
  [/^\/api\/public\/countries\/[^/]+\/people$/, publicPeoplePageSchema],
  [/^\/api\/public\/countries\/[^/]+\/items$/, publicItemsPageSchema],
  [/^\/api\/public\/countries\/[^/]+\/memorials$/, publicMemorialsPageSchema],
  [/^\/api\/public\/countries\/[^/]+\/exhibitions$/, publicExhibitionsPageSchema],
  [/^\/api\/public\/countries\/[^/]+\/memorial-points$/, publicMemorialPointsSchema],
  [/^\/api\/admin\/countries$/, adminCountryListSchema],
  [/^\/api\/admin\/users$/, userListSchema],
  [/^\/api\/admin\/api-keys$/, apiKeyListSchema],
  [/^\/api\/admin\/users\/[^/]+$/, userSchema],
  [/^\/api\/studio\/countries\/[^/]+\/(items|memorials|exhibitions)$/, studioListSchema],
  [/^\/api\/studio\/countries\/[^/]+\/people\/[^/]+\/duplicates$/, personDuplicatesSchema],
  [/^\/api\/studio\/countries\/[^/]+\/people\/[^/]+\/merge$/, personMergeResultSchema],
  [/^\/api\/studio\/countries\/[^/]+\/media\/[^/]+(\/captions\/[^/]+)?$/, mediaAssetSchema],
];

export function answerSchemaOf(path: string): z.ZodType | undefined {
  const pathname = path.split('?')[0];
  return ANSWER_SCHEMAS.find(([pattern]) => pattern.test(pathname))?.[1];
}
