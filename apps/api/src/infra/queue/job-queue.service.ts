import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { resolvedDatabaseUrl } from '../database/database.module';

export interface JobOptions {
  retryLimit?: number;
  /** Groups the jobs of one thing (an asset); what it guarantees depends on the queue's policy. */
  singletonKey?: string;
  /**
   * Who the job is for (a country). Jobs of different shares take turns: a
   * job is queued behind as many jobs of the others as its own share already
   * has waiting, so 500 uploads of one country delay another's single
   * upload by at most one job per worker.
   */
  share?: string;
}

/** Where a job's share is kept in its data (pg-boss has no column for it). */
export const SHARE_FIELD = '_share';
/** Counting a share's waiting jobs stops here: a backlog this deep is last in line either way. */
const SHARE_COUNT_CAP = 100_000;

/**
 * pg-boss 10 queue policies. `standard` ignores singletonKey altogether;
 * `stately` allows per singletonKey at most one job waiting, one waiting to be
 * retried and one running, so a key is never worked on twice at once and
 * sending again while one waits adds nothing.
 */
export type QueuePolicy = 'standard' | 'stately';

/** What a handler learns about the attempt it runs. */
export interface JobAttempt {
  id: string;
  /** True when a failure of this attempt will not be retried. */
  isLast: boolean;
}

const RETRY_LIMIT = 5;
/** How many times a job runs at most: its first attempt and its retries. */
export const JOB_ATTEMPTS = RETRY_LIMIT + 1;
const DEADLOCK = '40P01';

async function createQueueRetrying(boss: PgBoss, queue: string, policy: QueuePolicy, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue, { name: queue, policy });
      // A queue made by an earlier version keeps its policy until told otherwise (new jobs follow it).
      const existing = await boss.getQueue(queue);
      if (existing && existing.policy !== policy) await boss.updateQueue(queue, { name: queue, policy });
      return;
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
  private readonly policies = new Map<string, QueuePolicy>();
  private creating: Promise<unknown> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Gives `queue` a policy other than `standard`. Call it before the first
   * send or work, in every process (senders and workers alike create queues).
   */
  declare(queue: string, policy: QueuePolicy): void {
    this.policies.set(queue, policy);
  }

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
      done = this.creating.then(() => createQueueRetrying(boss, queue, this.policies.get(queue) ?? 'standard'));
      this.creating = done.catch(() => undefined);
      this.created.set(queue, done);
      done.catch(() => this.created.delete(queue));
    }
    return done;
  }

  /** False when the queue's policy refused the job: one for the same singletonKey is already waiting. */
  async send(queue: string, data: object, options: JobOptions = {}): Promise<boolean> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    const shared = options.share === undefined ? data : { ...data, [SHARE_FIELD]: options.share };
    const id = await boss.send(queue, shared, {
      priority: options.share === undefined ? 0 : -(await this.waitingInShare(boss, queue, options.share)),
      retryLimit: options.retryLimit ?? RETRY_LIMIT,
      retryDelay: this.config.jobs.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.config.jobs.expireSeconds,
      singletonKey: options.singletonKey,
    });
    return id !== null;
  }

  /**
   * How many jobs of `share` wait in `queue`. pg-boss takes the highest
   * priority first (then the oldest), so a job's priority of minus this count
   * makes the queue round-robin across shares: each share's n-th waiting job
   * is taken in the n-th round. Two sends at once may get the same rank,
   * which only makes them tie.
   */
  private async waitingInShare(boss: PgBoss, queue: string, share: string): Promise<number> {
    const { rows } = await boss.getDb().executeSql(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM pgboss.job WHERE name = $1 AND state < 'active' AND data->>'${SHARE_FIELD}' = $2 LIMIT ${SHARE_COUNT_CAP}
       ) waiting`,
      [queue, share],
    );
    return (rows[0] as { n: number }).n;
  }

  async work<T extends object>(queue: string, handler: (data: T, attempt: JobAttempt) => Promise<void>): Promise<void> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    await boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) =>
      handler(job.data, { id: job.id, isLast: job.retryCount >= job.retryLimit }),
    );
    this.logger.log(`working on queue ${queue}`);
  }

  /** Runs `handler` on a cron schedule, as the work of `queue`; pg-boss makes sure one worker in the cluster takes each run. */
  async schedule(queue: string, cron: string, handler: () => Promise<void>): Promise<void> {
    await this.work(queue, handler);
    const boss = await this.started();
    await boss.schedule(queue, cron, {}, { retryLimit: 1, expireInSeconds: this.config.jobs.expireSeconds });
  }

  async onModuleDestroy(): Promise<void> {
    // Running jobs get a while to finish; those that do not are failed, and so retried by a worker later.
    await this.boss?.stop({ graceful: true, timeout: 15_000 }).catch(() => undefined);
  }
}
