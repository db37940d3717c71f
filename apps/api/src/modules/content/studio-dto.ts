import { countryScopedIdParamsSchema, countryScopedParamsSchema, listQuerySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class CountryParams extends createZodDto(countryScopedParamsSchema) {}
export class CountryRecordParams extends createZodDto(countryScopedIdParamsSchema) {}
export class StudioListQuery extends createZodDto(listQuerySchema) {}
