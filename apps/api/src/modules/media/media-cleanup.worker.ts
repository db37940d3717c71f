import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JobQueue } from '../../infra/queue/job-queue.service';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { MAX_PROCESSING_ATTEMPTS, MediaDerivativesWorker, interruptedReason } from './media-derivatives.worker';
import { MediaAssetsRepository } from './media-assets.repository';
import { MediaUploadsRepository } from './media-uploads.repository';

export const CLEANUP_QUEUE = 'media.cleanup';
export const RECONCILE_QUEUE = 'media.reconcile';
const EVERY_FIFTEEN_MINUTES = '*/15 * * * *';
const DAILY_AT_NIGHT = '40 3 * * *';
/** Pending uploads looked at per run; any beyond wait for the next run. */
const BATCH = 1000;
const ASSET_FOLDER = /^[0-9a-f-]{36}\/([0-9a-f-]{36})\/$/;
/**
 * An upload record with no object yet may be a slow upload still streaming
 * (a 5 GB video over a slow line outlasts the grace period): it is forgotten
 * only after a day, when no upload can still be under way.
 */
const FORGET_EMPTY_MS = 24 * 60 * 60_000;

export interface CleanupReport {
  removedObjects: number;
  removedAssets: number;
  requeuedAssets: number;
  /** Assets whose processing was interrupted too often: marked failed with the reason. */
  failedAssets: number;
}

export interface ReconcileReport {
  checkedFolders: number;
  removedObjects: number;
  removedAssets: number;
}

/**
 * Keeps the store and the database agreeing, at a cost proportional to what
 * is pending, not to the size of the bucket. An upload records itself before
 * its PUT and clears the record once its row exists: a record older than the
 * grace period names an upload that a crash or an outage cut short, and the
 * objects under its folder are removed. An asset still "processing" long
 * after its last attempt has lost its job (the queue was unreachable just
 * then) and is queued again, or failed once it has been tried often enough.
 * A daily pass (reconcile) catches objects no record names, walking asset
 * folders rather than objects.
 */
@Injectable()
export class MediaCleanupWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(MediaCleanupWorker.name);

  constructor(
    private readonly assets: MediaAssetsRepository,
    private readonly uploads: MediaUploadsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
    private readonly derivatives: MediaDerivativesWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
    await this.queue.schedule(CLEANUP_QUEUE, EVERY_FIFTEEN_MINUTES, async () => {
      const report = await this.sweep();
      if (Object.values(report).some(Boolean)) this.logger.log(report, 'media clean-up');
    });
    await this.queue.schedule(RECONCILE_QUEUE, DAILY_AT_NIGHT, async () => {
      const report = await this.reconcile();
      if (report.removedAssets) this.logger.log(report, 'media reconcile');
    });
  }

  async sweep(graceMs = this.config.media.orphanGraceMinutes * 60_000): Promise<CleanupReport> {
    const cutoff = new Date(Date.now() - graceMs);
    return { ...(await this.removeAbandonedUploads(cutoff)), ...(await this.settleStuck(cutoff)) };
  }

  private async removeAbandonedUploads(cutoff: Date): Promise<Pick<CleanupReport, 'removedObjects' | 'removedAssets'>> {
    const pending = await this.uploads.startedBefore(cutoff, BATCH);
    const recorded = await this.knownAssetIds(pending.map((upload) => upload.assetId));
    const forgetEmptyBefore = new Date(Date.now() - FORGET_EMPTY_MS);
    let removedObjects = 0;
    let removedAssets = 0;
    for (const upload of pending) {
      // With a row, the upload got as far as its asset and only missed clearing its record: the objects are the asset's.
      if (!recorded.has(upload.assetId)) {
        const objects = await this.storage.list(`${upload.countryId}/${upload.assetId}/`);
        // Written lately: not abandoned after all. Nothing yet: maybe still streaming.
        if (objects.some((object) => object.lastModified > cutoff)) continue;
        if (objects.length === 0 && upload.startedAt > forgetEmptyBefore) continue;
        await this.storage.removeMany(objects.map((object) => object.key));
        removedObjects += objects.length;
        removedAssets += objects.length > 0 ? 1 : 0;
      }
      await this.uploads.delete(upload.assetId);
    }
    return { removedObjects, removedAssets };
  }

  /**
   * Once a day, for objects no pending record names: those of uploads made
   * after a restored dump (the dump has neither their rows nor their records)
   * or left by a version that kept no records. Walks the asset folders, one
   * listing entry per asset (not per object: a pyramid's tiles are not
   * listed), and removes each folder no row names once its objects are older
   * than the grace period.
   */
  async reconcile(graceMs = this.config.media.orphanGraceMinutes * 60_000): Promise<ReconcileReport> {
    const cutoff = new Date(Date.now() - graceMs);
    const report: ReconcileReport = { checkedFolders: 0, removedObjects: 0, removedAssets: 0 };
    // Keys start with a country id, and countries are never deleted: their rows name every top folder.
    for (const countryId of await this.assets.countryIds()) {
      let folders: string[] = [];
      for await (const folder of this.storage.listFolders(`${countryId}/`)) {
        folders.push(folder);
        if (folders.length < BATCH) continue;
        await this.removeUnnamed(folders, cutoff, report);
        folders = [];
      }
      await this.removeUnnamed(folders, cutoff, report);
    }
    return report;
  }

  /** Removes the folders of `folders` that neither a row nor a pending upload names. */
  private async removeUnnamed(folders: string[], cutoff: Date, report: ReconcileReport): Promise<void> {
    report.checkedFolders += folders.length;
    const byId = new Map(folders.flatMap((folder) => {
      const id = ASSET_FOLDER.exec(folder)?.[1];
      return id ? [[id, folder] as const] : [];
    }));
    if (byId.size === 0) return;
    const named = await this.knownAssetIds([...byId.keys()]);
    // An upload under way has its record: the periodic sweep looks after it.
    for (const upload of await this.uploads.findByAssetIds([...byId.keys()])) named.add(upload.assetId);
    for (const [id, folder] of byId) {
      if (named.has(id)) continue;
      const objects = await this.storage.list(folder);
      if (objects.length === 0 || objects.some((object) => object.lastModified > cutoff)) continue;
      await this.storage.removeMany(objects.map((object) => object.key));
      report.removedObjects += objects.length;
      report.removedAssets += 1;
    }
  }

  private async knownAssetIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return this.assets.existingIds(ids);
  }

  /**
   * Assets processing with no attempt since the cutoff. Their job is gone:
   * never sent (the queue was down), or ended by pg-boss after its worker was
   * killed on every attempt. The grace period is longer than a job's expiry,
   * so a job still running is not sent again.
   */
  private async settleStuck(cutoff: Date): Promise<Pick<CleanupReport, 'requeuedAssets' | 'failedAssets'>> {
    const rows = await this.assets.stuckSince(cutoff, BATCH);
    let requeuedAssets = 0;
    let failedAssets = 0;
    for (const row of rows) {
      if (row.processing_attempts >= MAX_PROCESSING_ATTEMPTS) {
        await this.derivatives.markFailed(row.id, interruptedReason(row.processing_attempts));
        failedAssets += 1;
      } else if (await this.derivatives.enqueue(row.id, row.country_id)) {
        requeuedAssets += 1;
      }
    }
    return { requeuedAssets, failedAssets };
  }
}
