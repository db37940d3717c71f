import { contentSlugSchema, publicLangQuerySchema, slugSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class LangQuery extends createZodDto(publicLangQuerySchema) {}
export class RecordSlugParams extends createZodDto(z.strictObject({ slug: slugSchema, recordSlug: contentSlugSchema })) {}
