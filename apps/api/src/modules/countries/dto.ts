import { countryScopedIdParamsSchema, countryScopedParamsSchema, createCountrySchema, idParamsSchema, slugSchema, updateCountrySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateCountryDto extends createZodDto(createCountrySchema) {}
export class UpdateCountryDto extends createZodDto(updateCountrySchema) {}
export class CountryIdParams extends createZodDto(idParamsSchema) {}
export class CountrySlugParams extends createZodDto(z.strictObject({ slug: slugSchema })) {}
/** A country's own routes (`…/countries/:countryId/…`) and a record or file of it. */
export class CountryParams extends createZodDto(countryScopedParamsSchema) {}
export class CountryRecordParams extends createZodDto(countryScopedIdParamsSchema) {}
