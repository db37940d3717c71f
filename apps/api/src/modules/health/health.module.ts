import { Module } from '@nestjs/common';
import { DatabaseProbeRepository } from './database-probe.repository';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, DatabaseProbeRepository] })
export class HealthModule {}
