import { createExhibitionSchema, publicLangQuerySchema, updateExhibitionSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateExhibitionDto extends createZodDto(createExhibitionSchema) {}
export class UpdateExhibitionDto extends createZodDto(updateExhibitionSchema) {}
export class PreviewQuery extends createZodDto(publicLangQuerySchema) {}
