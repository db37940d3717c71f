import { listQuerySchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class StudioListQuery extends createZodDto(listQuerySchema) {}
