import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { resolvedDatabaseUrl } from '../database/database.module';

export interface JobOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  singletonKey?: string;
}

/**
 * The job queue, kept in PostgreSQL by pg-boss (schema `pgboss`, which pg-boss
 * versions itself). Jobs are fetched with SKIP LOCKED, so any number of
 * workers on any number of machines never run one job twice; a job whose
 * worker dies is retried once its expiry passes.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private started(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({ connectionString: resolvedDatabaseUrl(this.config), schema: 'pgboss', max: 4 });
      boss.on('error', (error) => this.logger.warn(`job queue: ${error.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  async send(queue: string, data: object, options: JobOptions = {}): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(queue);
    await boss.send(queue, data, {
      retryLimit: options.retryLimit ?? 5,
      retryDelay: options.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      singletonKey: options.singletonKey,
    });
  }

  async work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(queue);
    await boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => handler(job.data));
    this.logger.log(`working on queue ${queue}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
  }
}
