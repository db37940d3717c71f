import {
  approveSchema,
  countryScopedParamsSchema,
  moderationSchema,
  publicLangQuerySchema,
  recordRouteParamsSchema,
  revisionRouteParamsSchema,
  sendBackSchema,
  submitSchema,
} from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';

export class RecordRouteParams extends createZodDto(recordRouteParamsSchema) {}
export class RevisionRouteParams extends createZodDto(revisionRouteParamsSchema) {}
export class CountryRouteParams extends createZodDto(countryScopedParamsSchema) {}
export class LangQuery extends createZodDto(publicLangQuerySchema) {}
export class SubmitDto extends createZodDto(submitSchema) {}
export class ApproveDto extends createZodDto(approveSchema) {}
export class SendBackDto extends createZodDto(sendBackSchema) {}
export class ModerationDto extends createZodDto(moderationSchema) {}
