import { SetMetadata } from '@nestjs/common';
import type { AuditAction, AuditEntityType } from '@vitrina/contracts';

export const AUDITED = 'vitrina:audited';

/** Where in the request or the answer a value is found: `params.id`, `body.countryId`, `response.id`. */
export type ValuePath = `${'params' | 'body' | 'response'}.${string}`;

export interface AuditedRoute {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: ValuePath;
  countryId?: ValuePath;
}

/** Records a successful call of this route in the audit log, with who made it and from where. */
export const Audited = (route: AuditedRoute) => SetMetadata(AUDITED, route);
