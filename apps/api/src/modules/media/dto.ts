import { updateMediaSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class UpdateMediaDto extends createZodDto(updateMediaSchema) {}
