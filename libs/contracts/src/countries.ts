import { z } from './zod';
import { slugSchema, uuidSchema } from './common';
import { localizedLongTextSchema } from './content';
import { languageMapSchema, languageSchema } from './languages';

/** First path segments the web app uses itself; a country there could never be reached. */
export const RESERVED_COUNTRY_SLUGS = ['admin', 'api', 'assets', 'countries', 'iiif', 'login', 'media', 'review', 'search', 'sitemap', 'studio'];

const countryFields = {
  slug: slugSchema.refine((slug) => !RESERVED_COUNTRY_SLUGS.includes(slug), 'is reserved for a page of the site'),
  names: languageMapSchema,
  defaultLanguage: languageSchema,
  languages: z.array(languageSchema).min(1).max(16),
  /** The museum's introduction on its country page. */
  intro: localizedLongTextSchema.optional(),
};

function defaultIsEnabled(value: { defaultLanguage?: string; languages?: string[] }): boolean {
  if (!value.defaultLanguage || !value.languages) return true;
  return value.languages.includes(value.defaultLanguage);
}

const defaultLanguageIssue = {
  message: 'defaultLanguage must be one of languages',
  path: ['defaultLanguage'],
};

/** Settings of a country's workflow, read and changed by admins only. */
const settingFields = {
  /** The four-eyes rule: a moderator may not approve a revision they submitted or wrote. On unless switched off. */
  fourEyes: z.boolean(),
};

export const createCountrySchema = z
  .strictObject({ ...countryFields, fourEyes: settingFields.fourEyes.optional() })
  .refine(defaultIsEnabled, defaultLanguageIssue);
export type CreateCountryInput = z.infer<typeof createCountrySchema>;

export const updateCountrySchema = z
  .strictObject({
    names: countryFields.names.optional(),
    defaultLanguage: countryFields.defaultLanguage.optional(),
    languages: countryFields.languages.optional(),
    intro: countryFields.intro,
    fourEyes: settingFields.fourEyes.optional(),
  })
  .refine(defaultIsEnabled, defaultLanguageIssue)
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateCountryInput = z.infer<typeof updateCountrySchema>;

export const countrySchema = z.object({
  id: uuidSchema,
  ...countryFields,
});
export type Country = z.infer<typeof countrySchema>;

export const countryListSchema = z.object({ items: z.array(countrySchema) });
export type CountryList = z.infer<typeof countryListSchema>;

/** A country as admins see it: with its workflow settings. */
export const adminCountrySchema = countrySchema.extend(settingFields);
export type AdminCountry = z.infer<typeof adminCountrySchema>;

export const adminCountryListSchema = z.object({ items: z.array(adminCountrySchema) });
export type AdminCountryList = z.infer<typeof adminCountryListSchema>;
