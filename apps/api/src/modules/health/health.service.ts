import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@vitrina/contracts';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { withTimeout } from '../../infra/timeout';
import { DatabaseProbeRepository } from './database-probe.repository';

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseProbeRepository,
    private readonly storage: ObjectStorage,
  ) {}

  private async databaseUp(): Promise<boolean> {
    try {
      await withTimeout(this.database.ping(), 2000, 'database');
      return true;
    } catch {
      return false;
    }
  }

  async check(): Promise<HealthResponse> {
    const [database, storage] = await Promise.all([this.databaseUp(), this.storage.isUp()]);
    return {
      status: database && storage ? 'ok' : 'error',
      database: database ? 'up' : 'down',
      storage: storage ? 'up' : 'down',
    };
  }
}
