import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { JobQueue } from '../../infra/queue/job-queue.service';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { makeImageDerivatives } from './derivatives';
import { MediaAssetEntity } from './media-asset.entity';

export const DERIVE_QUEUE = 'media.derive';

export interface DeriveJob {
  assetId: string;
}

/** Errors that another attempt cannot fix: the file itself is bad. */
function isPermanent(error: unknown): boolean {
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
    await this.queue.work<DeriveJob>(DERIVE_QUEUE, (job) => this.derive(job.assetId));
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
    if (asset.kind !== 'image') {
      await this.assets.update({ id: asset.id }, { status: 'ready', failureReason: null });
      return;
    }
    const folder = assetFolder(asset);
    const original = await this.storage.getBuffer(`${folder}/original`);
    let derived: Awaited<ReturnType<typeof makeImageDerivatives>>;
    try {
      derived = await makeImageDerivatives(original, this.config.media.maxImagePixels);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      this.logger.warn(`asset ${asset.id} cannot be processed: ${(error as Error).message}`);
      await this.assets.update({ id: asset.id }, { status: 'failed', failureReason: (error as Error).message.slice(0, 500) });
      return;
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
}
