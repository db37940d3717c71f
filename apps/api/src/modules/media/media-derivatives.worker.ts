import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JobQueue } from '../../infra/queue/job-queue.service';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { type Derivatives, makeImageDerivatives } from './derivatives';
import { MediaAssetEntity } from './media-asset.entity';
import { storedMetadataBoxes } from './mp4-metadata';
import { renderFirstPage } from './pdf-preview';

export const DERIVE_QUEUE = 'media.derive';

export interface DeriveJob {
  assetId: string;
}

/** The file itself is bad; another attempt would fail the same way. */
class PermanentFailure extends Error {}

/** Errors that another attempt cannot fix: the file itself is bad. */
function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentFailure) return true;
  const message = (error as Error)?.message ?? '';
  return /Input (buffer|file)|unsupported image format|pixel limit|corrupt|premature end|VipsJpeg|pngload|Invalid/i.test(message);
}

export function assetFolder(asset: Pick<MediaAssetEntity, 'countryId' | 'id'>): string {
  return `${asset.countryId}/${asset.id}`;
}

/** Makes an uploaded image's derivatives; runs wherever the job queue is worked on. */
@Injectable()
export class MediaDerivativesWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(MediaDerivativesWorker.name);
  private readonly assets: Repository<MediaAssetEntity>;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
  ) {
    this.assets = db.getRepository(MediaAssetEntity);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runJobs) return;
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

  enqueue(assetId: string): Promise<void> {
    return this.queue.send(DERIVE_QUEUE, { assetId } satisfies DeriveJob, { singletonKey: assetId });
  }

  /**
   * Idempotent: a retried or duplicated job rewrites the same keys. A bad file
   * fails at once with its reason; a store outage throws so the job retries.
   */
  async derive(assetId: string): Promise<void> {
    const asset = await this.assets.findOneBy({ id: assetId });
    if (!asset || asset.status === 'ready') return;
    if (asset.kind !== 'image' && asset.kind !== 'document') {
      // Where a phone video says it was filmed is blanked for visitors (see mp4-metadata.ts).
      const metadataBoxes = await storedMetadataBoxes(this.storage, `${assetFolder(asset)}/original`, asset.mimeType, asset.byteSize);
      await this.assets.update({ id: asset.id }, { metadataBoxes });
      return this.markReady(asset.id);
    }
    const folder = assetFolder(asset);
    const original = await this.storage.getBuffer(`${folder}/original`);
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
    await this.assets.update(
      { id: asset.id },
      {
        status: 'ready',
        failureReason: null,
        width: derived.width,
        height: derived.height,
        thumbhash: derived.thumbhash,
        derivativeWidths: derived.widths,
        tileScaleFactors: derived.scaleFactors,
      },
    );
  }

  /** Images are decoded once into every rendition; a PDF's first page is drawn, then treated as an image. */
  private async derivativesOf(asset: MediaAssetEntity, original: Buffer): Promise<Derivatives> {
    if (asset.kind === 'image') return makeImageDerivatives(original, this.config.media.maxImagePixels);
    let firstPage: Buffer;
    try {
      firstPage = await renderFirstPage(original);
    } catch (error) {
      throw new PermanentFailure(`no preview of the PDF: ${(error as Error).message}`);
    }
    return makeImageDerivatives(firstPage, this.config.media.maxImagePixels);
  }

  private async markFailed(assetId: string, reason: string): Promise<void> {
    await this.assets.update({ id: assetId }, { status: 'failed', failureReason: reason.slice(0, 500) });
  }

  private async markReady(assetId: string): Promise<void> {
    await this.assets.update({ id: assetId }, { status: 'ready', failureReason: null });
  }
}
