import { createMemorialSchema, updateMemorialSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateMemorialDto extends createZodDto(createMemorialSchema) {}
export class UpdateMemorialDto extends createZodDto(updateMemorialSchema) {}
