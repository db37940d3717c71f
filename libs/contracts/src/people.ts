import { z } from './zod';
import { uuidSchema } from './common';
import {
  contentSlugSchema,
  localizedLabel,
  localizedLongTextSchema,
  localizedTextSchema,
  partialDateSchema,
  requiredLocalizedTextSchema,
  versionSchema,
} from './content';
import { mediaRefSchema, studioRecordFields } from './items';
import { safeString } from './text';

/** What became of a person in the war (ОБД Мемориал's "причина выбытия", CWGC's casualty type). */
export const FATES = ['killed', 'missing', 'died-of-wounds', 'died-in-captivity', 'survived', 'unknown'] as const;
export const fateSchema = z.enum(FATES);
export type Fate = z.infer<typeof fateSchema>;

/** How a person is tied to a memorial: buried there, or named there (their village's obelisk, say). */
export const PERSON_MEMORIAL_ROLES = ['burial', 'commemorated'] as const;
export type PersonMemorialRole = (typeof PERSON_MEMORIAL_ROLES)[number];

/** Databases of the fallen and of awards whose record numbers a source may cite. */
export const PERSON_IDENTIFIER_SCHEMES = ['obd-memorial', 'pamyat-naroda', 'podvig-naroda'] as const;
export type PersonIdentifierScheme = (typeof PERSON_IDENTIFIER_SCHEMES)[number];

/**
 * What a record number looks like in each database. ОБД Мемориал and Подвиг
 * народа number their records; Память народа names a record by its index, its
 * document type and its number, as its address shows
 * (`pamyat-naroda.ru/heroes/memorial-chelovek_donesenie51442417/`).
 */
const IDENTIFIER_FORMATS: Record<PersonIdentifierScheme, { pattern: RegExp; example: string }> = {
  'obd-memorial': { pattern: /^\d{1,15}$/, example: '51431517' },
  'pamyat-naroda': { pattern: /^[a-z]{2,20}-[a-z_]{2,40}\d{1,15}$/, example: 'memorial-chelovek_donesenie51442417' },
  'podvig-naroda': { pattern: /^\d{1,15}$/, example: '150012345' },
};

/** A record of the database as a curator should type it, for a hint beside the field. */
export const identifierExample = (scheme: PersonIdentifierScheme): string => IDENTIFIER_FORMATS[scheme].example;

/** The public page of a record in its database; the id matched its format, so the address cannot be bent. */
export function identifierUrl(scheme: PersonIdentifierScheme, id: string): string {
  const token = encodeURIComponent(id);
  switch (scheme) {
    case 'obd-memorial':
      return `https://obd-memorial.ru/html/info.htm?id=${token}`;
    case 'pamyat-naroda':
      return `https://pamyat-naroda.ru/heroes/${token}/`;
    case 'podvig-naroda':
      return `https://podvignaroda.ru/?#id=${token}&tab=navDetailManAward`;
  }
}

const shortText = (max: number) => safeString().trim().min(1).max(max);

/** A calendar date as far as it is known (`1915`, `1915-03`, `1915-03-02`), maybe approximate. */
export const personDateSchema = z.strictObject({
  date: partialDateSchema,
  /** The date is approximate ("c. 1915"). */
  circa: z.boolean().optional(),
});
export type PersonDate = z.infer<typeof personDateSchema>;

export const personMemorialLinkSchema = z.strictObject({
  /** A memorial of the register, of the person's own country. */
  memorialId: uuidSchema,
  role: z.enum(PERSON_MEMORIAL_ROLES),
  /** The plot, row or grave at that memorial. */
  plot: shortText(200).optional(),
});
export type PersonMemorialLink = z.infer<typeof personMemorialLinkSchema>;

export const personIdentifierSchema = z
  .strictObject({
    scheme: z.enum(PERSON_IDENTIFIER_SCHEMES),
    id: z.string().trim().min(1).max(60),
  })
  .refine(({ scheme, id }) => IDENTIFIER_FORMATS[scheme].pattern.test(id), {
    message: 'must be the record as its database writes it in its address',
    path: ['id'],
  });

export const personSourceSchema = z.strictObject({
  /** What the document is: "Донесение о безвозвратных потерях", "Наградной лист". */
  title: shortText(500),
  archive: shortText(200).optional(),
  fond: shortText(40).optional(),
  opis: shortText(40).optional(),
  delo: shortText(40).optional(),
  sheet: shortText(40).optional(),
  url: z
    .url()
    .max(2_000)
    .regex(/^https?:\/\//, 'must be an http(s) address')
    .optional(),
  identifiers: z.array(personIdentifierSchema).max(10).default([]),
});
export type PersonSource = z.infer<typeof personSourceSchema>;

/** Whether the date `a` may come before (or be) `b`, as far as both are known. */
function notAfter(a: string, b: string): boolean {
  const known = Math.min(a.length, b.length);
  return a.slice(0, known) <= b.slice(0, known);
}

export const personInputSchema = z
  .strictObject({
    slug: contentSlugSchema,
    /** The name as written in its original script: "Қасымов Ермек", "Иванов Пётр Семёнович". */
    name: shortText(300),
    /**
     * The display name per language (with translation status, like every
     * record's title): what lists, review, search and the page's heading show.
     */
    title: requiredLocalizedTextSchema,
    surname: shortText(150).optional(),
    givenName: shortText(150).optional(),
    patronymic: shortText(150).optional(),
    /** Other spellings and transliterations: Иванов / Ivanov / Іваноў. */
    variants: z.array(shortText(300)).max(20).default([]),
    birth: personDateSchema.optional(),
    death: personDateSchema.optional(),
    placeOfBirth: localizedTextSchema.optional(),
    placeOfConscription: localizedTextSchema.optional(),
    /** Shown to visitors, so per language: `{ ru: 'сержант', en: 'Sergeant' }`. */
    rank: localizedLabel(200).optional(),
    /** A proper name, written once. */
    unit: shortText(300).optional(),
    fate: fateSchema.default('unknown'),
    memorials: z.array(personMemorialLinkSchema).max(50).default([]),
    /** A burial place not in the register (a cemetery abroad, a field). */
    burialPlace: localizedTextSchema.optional(),
    awards: z.array(shortText(300)).max(50).default([]),
    sources: z.array(personSourceSchema).max(100).default([]),
    /** Photographs and documents of the person, in display order. */
    media: z.array(mediaRefSchema).max(100).default([]),
    /** HTML per language; the server keeps only the rich-text allowlist. */
    biography: localizedLongTextSchema.optional(),
    /** A curator recorded that a living person (or their family) agreed to be shown. */
    livingConsent: z.boolean().default(false),
  })
  .refine((person) => !person.birth || !person.death || notAfter(person.birth.date, person.death.date), {
    message: 'birth must not be after death',
    path: ['death'],
  })
  .refine((person) => new Set(person.memorials.map((link) => link.memorialId)).size === person.memorials.length, {
    message: 'each memorial may be linked once',
    path: ['memorials'],
  });
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonDocument = z.infer<typeof personInputSchema>;

export const createPersonSchema = personInputSchema;
export const updatePersonSchema = personInputSchema.safeExtend({ version: versionSchema });
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

export const studioPersonSchema = personInputSchema.safeExtend({
  ...studioRecordFields,
  /** Only on a retired duplicate: the person it was merged into (it is read-only, its history kept). */
  mergedInto: uuidSchema.optional(),
});
export type StudioPerson = z.infer<typeof studioPersonSchema>;
