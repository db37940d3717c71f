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

export const createCountrySchema = z
  .strictObject(countryFields)
  .refine(defaultIsEnabled, defaultLanguageIssue);
export type CreateCountryInput = z.infer<typeof createCountrySchema>;

export const updateCountrySchema = z
  .strictObject({
    names: countryFields.names.optional(),
    defaultLanguage: countryFields.defaultLanguage.optional(),
    languages: countryFields.languages.optional(),
    intro: countryFields.intro,
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
