import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Client } from 'minio';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { withTimeout } from '../timeout';

/** The one door to the object store (MinIO in production, s3rver when embedded). */
@Injectable()
export class ObjectStorage implements OnModuleInit {
  private readonly logger = new Logger(ObjectStorage.name);
  readonly client: Client;
  readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = new URL(config.storage.endpoint);
    this.bucket = config.storage.bucket;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: config.storage.accessKey,
      secretKey: config.storage.secretKey,
      region: config.storage.region,
      pathStyle: true,
    });
  }

  async onModuleInit(): Promise<void> {
    // Best effort: the API starts even while the store is down and reports it in /api/health.
    try {
      await this.ensureBucket();
    } catch (error) {
      this.logger.warn(`object store not reachable at start-up: ${(error as Error).message}`);
    }
  }

  async ensureBucket(): Promise<void> {
    const exists = await withTimeout(this.client.bucketExists(this.bucket), 3000, 'object store');
    if (!exists) await this.client.makeBucket(this.bucket);
  }

  async isUp(timeoutMs = 2000): Promise<boolean> {
    try {
      return await withTimeout(this.client.bucketExists(this.bucket), timeoutMs, 'object store');
    } catch {
      return false;
    }
  }
}
