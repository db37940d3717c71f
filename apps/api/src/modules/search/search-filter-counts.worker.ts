import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JobQueue } from '../../infra/queue/job-queue.service';
import { SearchIndexRepository } from './search-index.repository';

export const FILTER_COUNTS_QUEUE = 'search.filter-counts';
const EVERY_FIFTEEN_MINUTES = '*/15 * * * *';

/**
 * Keeps `search_filter_counts` small: every statement that writes search
 * rows appends a row per combination of filter values it touched (appended,
 * not updated, so concurrent approvals never wait on each other), and each
 * browse sums them. Every quarter of an hour the rows are folded into one
 * per combination (a few thousand at a million records).
 */
@Injectable()
export class SearchFilterCountsWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchFilterCountsWorker.name);

  constructor(
    private readonly index: SearchIndexRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
    await this.queue.schedule(FILTER_COUNTS_QUEUE, EVERY_FIFTEEN_MINUTES, async () => {
      const report = await this.compact();
      if (report.before !== report.after) this.logger.log(report, 'search filter counts folded');
    });
  }

  compact(): Promise<{ before: number; after: number }> {
    return this.index.compactFilterCounts();
  }
}
