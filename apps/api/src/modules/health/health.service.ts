import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { withTimeout } from '../../infra/timeout';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: ObjectStorage,
  ) {}

  private async databaseUp(): Promise<boolean> {
    try {
      await withTimeout(this.db.query('SELECT 1'), 2000, 'database');
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
