import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { resolvedDatabaseUrl } from '../database/database.module';

export interface JobOptions {
  retryLimit?: number;
  singletonKey?: string;
}

/** What a handler learns about the attempt it runs. */
export interface JobAttempt {
  id: string;
  /** True when a failure of this attempt will not be retried. */
  isLast: boolean;
}

const RETRY_LIMIT = 5;
const DEADLOCK = '40P01';

async function createQueueRetrying(boss: PgBoss, queue: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(queue);
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
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
  private readonly created = new Map<string, Promise<void>>();
  private creating: Promise<unknown> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private started(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: resolvedDatabaseUrl(this.config),
        schema: 'pgboss',
        max: 4,
        maintenanceIntervalSeconds: this.config.jobs.maintenanceSeconds,
        // Only workers supervise (expire jobs of dead workers, run schedules); the API only sends.
        supervise: this.config.runJobs,
        schedule: this.config.runJobs,
      });
      boss.on('error', (error) => this.logger.warn(`job queue: ${error.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  /**
   * Creates a queue once per process. pg-boss makes a partition per queue, and
   * two such DDL statements at once can deadlock: creations here are taken one
   * at a time, and one that loses a deadlock to another process is retried.
   */
  private ensureQueue(boss: PgBoss, queue: string): Promise<void> {
    let done = this.created.get(queue);
    if (!done) {
      done = this.creating.then(() => createQueueRetrying(boss, queue));
      this.creating = done.catch(() => undefined);
      this.created.set(queue, done);
      done.catch(() => this.created.delete(queue));
    }
    return done;
  }

  async send(queue: string, data: object, options: JobOptions = {}): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    await boss.send(queue, data, {
      retryLimit: options.retryLimit ?? RETRY_LIMIT,
      retryDelay: this.config.jobs.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.config.jobs.expireSeconds,
      singletonKey: options.singletonKey,
    });
  }

  async work<T extends object>(queue: string, handler: (data: T, attempt: JobAttempt) => Promise<void>): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    await boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) =>
      handler(job.data, { id: job.id, isLast: job.retryCount >= job.retryLimit }),
    );
    this.logger.log(`working on queue ${queue}`);
  }

  /** Runs `queue` on a cron schedule; pg-boss makes sure one worker in the cluster takes each run. */
  async schedule(queue: string, cron: string): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    await boss.schedule(queue, cron, {}, { retryLimit: 1, expireInSeconds: this.config.jobs.expireSeconds });
  }

  async onModuleDestroy(): Promise<void> {
    // Running jobs get a while to finish; those that do not are failed, and so retried by a worker later.
    await this.boss?.stop({ graceful: true, timeout: 15_000 }).catch(() => undefined);
  }
}
