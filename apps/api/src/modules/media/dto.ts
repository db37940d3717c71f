import { countryScopedIdParamsSchema, languageSchema, updateMediaSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class UpdateMediaDto extends createZodDto(updateMediaSchema) {}
export class CaptionsParams extends createZodDto(countryScopedIdParamsSchema.extend({ lang: languageSchema })) {}
export class AssetParams extends createZodDto(z.strictObject({ assetId: z.uuid() })) {}
