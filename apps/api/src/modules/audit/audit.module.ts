import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditController } from './audit.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLog } from './audit-log.service';

/** The append-only audit log; global, because every domain records into it. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditLogRepository, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditLog],
})
export class AuditModule {}
