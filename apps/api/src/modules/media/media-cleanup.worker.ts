import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JobQueue } from '../../infra/queue/job-queue.service';
import { ObjectStorage, type StoredObject } from '../../infra/storage/object-storage.service';
import { MediaDerivativesWorker } from './media-derivatives.worker';

export const CLEANUP_QUEUE = 'media.cleanup';
const EVERY_FIFTEEN_MINUTES = '*/15 * * * *';
const ASSET_KEY = /^([0-9a-f-]{36})\/([0-9a-f-]{36})\//;

export interface CleanupReport {
  removedObjects: number;
  removedAssets: number;
  requeuedAssets: number;
}

/**
 * Keeps the store and the database agreeing. An upload writes its object
 * before its row, so a crash or outage in between leaves an object nobody
 * names: once it is older than the grace period it is removed. An asset
 * still "processing" long after upload has lost its job (the queue was
 * unreachable just then) and is queued again.
 */
@Injectable()
export class MediaCleanupWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(MediaCleanupWorker.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
    private readonly derivatives: MediaDerivativesWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
    await this.queue.work(CLEANUP_QUEUE, async () => {
      const report = await this.sweep();
      if (report.removedAssets || report.requeuedAssets) this.logger.log(report, 'media clean-up');
    });
    await this.queue.schedule(CLEANUP_QUEUE, EVERY_FIFTEEN_MINUTES);
  }

  async sweep(graceMs = this.config.media.orphanGraceMinutes * 60_000): Promise<CleanupReport> {
    const cutoff = new Date(Date.now() - graceMs);
    const folders = groupByAsset(await this.storage.list(''));
    const known = await this.knownAssetIds([...folders.keys()]);
    let removedObjects = 0;
    let removedAssets = 0;
    for (const [assetId, objects] of folders) {
      if (known.has(assetId) || objects.some((object) => object.lastModified > cutoff)) continue;
      await this.storage.removeMany(objects.map((object) => object.key));
      removedObjects += objects.length;
      removedAssets += 1;
    }
    return { removedObjects, removedAssets, requeuedAssets: await this.requeueStuck(cutoff) };
  }

  private async knownAssetIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM media_assets WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  private async requeueStuck(cutoff: Date): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM media_assets WHERE status = 'processing' AND created_at < $1`,
      [cutoff],
    );
    // The singleton key keeps a job that is merely slow from being doubled.
    for (const row of rows) await this.derivatives.enqueue(row.id);
    return rows.length;
  }
}

function groupByAsset(objects: StoredObject[]): Map<string, StoredObject[]> {
  const folders = new Map<string, StoredObject[]>();
  for (const object of objects) {
    const match = ASSET_KEY.exec(object.key);
    if (!match) continue;
    const list = folders.get(match[2]) ?? [];
    list.push(object);
    folders.set(match[2], list);
  }
  return folders;
}
