import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JOB_ATTEMPTS, JobQueue } from '../../infra/queue/job-queue.service';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import sharp from 'sharp';
import { type Derivatives, OverPixelBudget, type PixelBudget, makeImageDerivatives } from './derivatives';
import type { MediaAssetEntity } from './media-asset.entity';
import { MediaAssetsRepository } from './media-assets.repository';
import { storedMetadataBoxes } from './mp4-metadata';
import { PdfPreviewRefused, renderFirstPage } from './pdf-preview';
import { storeSanitisedPdf } from './pdf-sanitiser';

export const DERIVE_QUEUE = 'media.derive';

export interface DeriveJob {
  assetId: string;
}

/** The image budget of uploads and of derivative making alike. */
export function pixelBudgetOf(config: AppConfig): PixelBudget {
  return { maxPixels: config.media.maxImagePixels, maxPixelsPerByte: config.media.maxPixelsPerByte };
}

/** The file itself is bad; another attempt would fail the same way. */
class PermanentFailure extends Error {}

/** Errors that another attempt cannot fix: the file itself is bad. */
function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentFailure || error instanceof OverPixelBudget) return true;
  const message = (error as Error)?.message ?? '';
  return /Input (buffer|file)|unsupported image format|pixel limit|corrupt|premature end|VipsJpeg|pngload|Invalid/i.test(message);
}

/**
 * How many times an asset's processing may start. A worker killed mid-job
 * (out of memory on a huge image) never reports back, so the job's own retry
 * count cannot end it; counting starts on the asset does, across every job
 * the clean-up sends again.
 */
export const MAX_PROCESSING_ATTEMPTS = JOB_ATTEMPTS;

export function interruptedReason(attempts: number): string {
  return `processing was interrupted ${attempts} times without finishing (the worker was probably killed, for instance for running out of memory); upload the file again to retry`;
}

export function assetFolder(asset: Pick<MediaAssetEntity, 'countryId' | 'id'>): string {
  return `${asset.countryId}/${asset.id}`;
}

/** Makes an uploaded image's derivatives; runs wherever the job queue is worked on. */
@Injectable()
export class MediaDerivativesWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(MediaDerivativesWorker.name);

  constructor(
    private readonly assets: MediaAssetsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
  ) {
    // One job per asset at a time: sending again while one waits adds nothing, and two never run at once.
    queue.declare(DERIVE_QUEUE, 'stately');
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
    // A long-running worker keeps no decoded images or open files between jobs (libvips caches both by default).
    sharp.cache(false);
    // One job at a time per process (the queue's work loop takes one job per fetch), so at most one image is decoded at once.
    await this.queue.work<DeriveJob>(DERIVE_QUEUE, async (job, attempt) => {
      try {
        await this.derive(job.assetId);
      } catch (error) {
        // After the last retry the curator must see why, not a spinner for ever.
        if (attempt.isLast) await this.markFailed(job.assetId, `gave up after several attempts: ${(error as Error).message}`);
        throw error;
      }
    });
  }

  /**
   * False when a job for the asset is already waiting (the queue is `stately`): that one will do.
   * Countries take turns: one country's backlog does not hold up another's upload (see JobQueue.send's `share`).
   */
  enqueue(assetId: string, countryId: string): Promise<boolean> {
    return this.queue.send(DERIVE_QUEUE, { assetId } satisfies DeriveJob, { singletonKey: assetId, share: countryId });
  }

  /**
   * Idempotent: a retried or duplicated job rewrites the same keys. A bad file
   * fails at once with its reason; a store outage throws so the job retries.
   * Only assets still `processing` are worked on, and each start is counted.
   */
  async derive(assetId: string): Promise<void> {
    const asset = await this.startAttempt(assetId);
    if (!asset) return;
    if (asset.processingAttempts > MAX_PROCESSING_ATTEMPTS) {
      return this.markFailed(asset.id, interruptedReason(asset.processingAttempts - 1));
    }
    if (asset.kind !== 'image' && asset.kind !== 'document') {
      // Where a phone video says it was filmed is blanked for visitors (see mp4-metadata.ts).
      const metadataBoxes = await storedMetadataBoxes(this.storage, `${assetFolder(asset)}/original`, asset.mimeType, asset.byteSize);
      await this.assets.update(asset.id, { metadataBoxes });
      return this.markReady(asset.id);
    }
    const folder = assetFolder(asset);
    let original = await this.storage.getBuffer(`${folder}/original`);
    if (asset.kind === 'document') {
      // Visitors download the PDF rewritten without scripts and author metadata; one that cannot be rewritten is not offered.
      const sanitised = await storeSanitisedPdf(this.storage, `${folder}/original`, original);
      if ('unreadable' in sanitised) return this.markFailed(asset.id, sanitised.unreadable);
      if (sanitised.removed.length > 0) this.logger.log(`asset ${asset.id}: removed ${sanitised.removed.join(', ')} from the PDF`);
      original = sanitised.pdf;
      await this.assets.update(asset.id, { byteSize: original.length });
    }
    let derived: Derivatives;
    try {
      derived = await this.derivativesOf(asset, original);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      const reason = (error as Error).message;
      this.logger.warn(`asset ${asset.id} cannot be processed: ${reason}`);
      // A document pdf.js cannot draw is still a document: it is offered for download with an icon.
      if (asset.kind === 'document') return this.markReady(asset.id);
      return this.markFailed(asset.id, reason);
    }
    for (const file of derived.files) await this.storage.putBuffer(`${folder}/${file.name}`, file.data, file.contentType);
    await this.assets.update(asset.id, {
      status: 'ready',
      failureReason: null,
      width: derived.width,
      height: derived.height,
      thumbhash: derived.thumbhash,
      derivativeWidths: derived.widths,
      tileScaleFactors: derived.scaleFactors,
    });
  }

  /** Images are decoded once into every rendition; a PDF's first page is drawn, then treated as an image. */
  private async derivativesOf(asset: MediaAssetEntity, original: Buffer): Promise<Derivatives> {
    const budget = pixelBudgetOf(this.config);
    if (asset.kind === 'image') return makeImageDerivatives(original, budget);
    let firstPage: Buffer;
    try {
      firstPage = await renderFirstPage(original, budget.maxPixels);
    } catch (error) {
      const reason = error instanceof PdfPreviewRefused ? error.message : (error as Error).message;
      throw new PermanentFailure(`no preview of the PDF: ${reason}`);
    }
    return makeImageDerivatives(firstPage, budget);
  }

  /** Counts a start of the asset's processing; null when it is not processing (ready, failed, gone). */
  private async startAttempt(assetId: string): Promise<MediaAssetEntity | null> {
    return (await this.assets.countAttempt(assetId)) ? this.assets.findById(assetId) : null;
  }

  /** Only an asset still processing: a late failure never overrides a result. */
  async markFailed(assetId: string, reason: string): Promise<void> {
    await this.assets.failProcessing(assetId, reason.slice(0, 500));
  }

  private async markReady(assetId: string): Promise<void> {
    await this.assets.markReady(assetId);
  }
}
