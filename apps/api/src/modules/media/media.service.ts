import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { BadRequestException, type HttpException, Inject, Injectable, NotFoundException, RequestTimeoutException } from '@nestjs/common';
import { ALLOWED_MEDIA_TYPES, type MediaAsset, type MediaKind, type UpdateMediaInput } from '@vitrina/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { assertLanguagesEnabled } from '../countries/content-languages';
import { CountriesService } from '../countries/countries.service';
import { type PixelBudget, pixelBudgetRefusal } from './derivatives';
import { type MediaAssetEntity, captionLanguagesOf } from './media-asset.entity';
import { MediaAssetsRepository } from './media-assets.repository';
import { MediaDerivativesWorker, pixelBudgetOf } from './media-derivatives.worker';
import { ImageTooLarge, LengthRequired, PayloadTooLarge, UnsupportedMediaType } from './media-errors';
import { MediaUploadsRepository } from './media-uploads.repository';
import { MarkupScanner } from './markup-scanner';
import {
  MarkupFound,
  SizeMismatch,
  UploadCutOff,
  UploadMeter,
  UploadRateGuard,
  UploadTooSlow,
  endsCleanly,
  feed,
  readHead,
  sanitiseFileName,
} from './upload-stream';

// Enough for every signature file-type knows.
const SNIFF_BYTES = 4100;
// Enough to reach the dimensions of practically every JPEG (after EXIF) and PNG.
const IMAGE_HEADER_BYTES = 512 * 1024;
/** Kinds whose bytes a browser or a viewer might interpret, and so are scanned for markup throughout. */
const SCANNED_KINDS = new Set<MediaKind>(['image', 'document']);

export interface IncomingUpload {
  body: Readable;
  contentLength: number | undefined;
  fileName: string | undefined;
}

export function originalKey(countryId: string, assetId: string): string {
  return `${countryId}/${assetId}/original`;
}

function toMediaAsset(entity: MediaAssetEntity): MediaAsset {
  return {
    id: entity.id,
    countryId: entity.countryId,
    kind: entity.kind,
    mimeType: entity.mimeType,
    byteSize: entity.byteSize,
    sha256: entity.sha256,
    originalName: entity.originalName,
    width: entity.width,
    height: entity.height,
    status: entity.status,
    failureReason: entity.failureReason,
    thumbhash: entity.thumbhash,
    derivativeWidths: entity.derivativeWidths ?? [],
    tiled: entity.tileScaleFactors !== null,
    alt: entity.alt,
    caption: entity.caption,
    credit: entity.credit,
    rights: entity.rights,
    transcript: entity.transcript,
    captionLanguages: captionLanguagesOf(entity),
    withdrawnAt: entity.withdrawnAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
  };
}

@Injectable()
export class MediaService {
  constructor(
    private readonly assets: MediaAssetsRepository,
    private readonly uploads: MediaUploadsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
    private readonly countries: CountriesService,
    private readonly derivatives: MediaDerivativesWorker,
  ) {}

  private get largestAllowed(): number {
    return Math.max(...Object.values(this.config.media.maxBytes));
  }

  /**
   * Accepts an upload only for what its bytes are, streams it to the store
   * while hashing and scanning it, and writes the row only once the object
   * exists. The upload is recorded as pending before its PUT, so whatever a
   * crash leaves in the store is found by the clean-up job. The same file
   * uploaded again to the same country is not stored twice.
   */
  async upload(countryId: string, userId: string | null, upload: IncomingUpload): Promise<{ asset: MediaAsset; reused: boolean }> {
    await this.countries.findEntity(countryId);
    const size = upload.contentLength;
    if (size === undefined) throw new LengthRequired();
    if (size === 0) throw new BadRequestException('The file is empty');
    if (size > this.largestAllowed) throw new PayloadTooLarge(`Files may be at most ${this.largestAllowed} bytes`);

    const guarded = UploadRateGuard.around(upload.body, this.config.media.minUploadRate);
    const { head, body } = await readHead(guarded, IMAGE_HEADER_BYTES).catch((error: unknown) => {
      throw refusal(error) ?? error;
    });
    const { mimeType, kind } = await this.sniff(head.subarray(0, SNIFF_BYTES));
    if (size > this.config.media.maxBytes[kind]) {
      throw new PayloadTooLarge(`${kind} files may be at most ${this.config.media.maxBytes[kind]} bytes`);
    }
    const dimensions = kind === 'image' ? await this.checkPixels(head, size) : undefined;

    const id = randomUUID();
    await this.uploads.insert(id, countryId);
    const meter = new UploadMeter(size, SCANNED_KINDS.has(kind) ? new MarkupScanner() : undefined);
    await this.storeOriginal(countryId, id, body, meter, mimeType, size);
    if (!endsCleanly(mimeType, meter.tail)) {
      await this.discard(countryId, id);
      throw new UnsupportedMediaType('The file carries data after its end: it looks like a polyglot and is refused');
    }
    const recorded = await this.record({
      id,
      countryId,
      kind,
      mimeType,
      byteSize: size,
      sha256: meter.digest(),
      originalName: sanitiseFileName(upload.fileName),
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      createdBy: userId,
    });
    // A reused asset keeps its own original: this upload's copy goes.
    if (recorded.reused) await this.discard(countryId, id);
    else await this.uploads.delete(id);
    return recorded;
  }

  /**
   * Streams the body through the meter into the store. Whatever fails, both
   * sides are waited for, so a refused upload is removed only once the store
   * is done with its PUT and nothing can land after the removal.
   */
  private async storeOriginal(countryId: string, id: string, body: Readable, meter: UploadMeter, mimeType: string, size: number) {
    const [stored, streamed] = await Promise.allSettled([
      this.storage.putStream(originalKey(countryId, id), meter, size, mimeType),
      feed(body, meter),
    ]);
    if (stored.status === 'fulfilled' && streamed.status === 'fulfilled') return;
    meter.destroy();
    await this.discard(countryId, id);
    // What the upload itself did wrong comes first: the store's side then only saw the PUT aborted.
    const refused = streamed.status === 'rejected' ? refusal(streamed.reason) : null;
    throw refused ?? (stored.status === 'rejected' ? stored.reason : (streamed as PromiseRejectedResult).reason);
  }

  /**
   * Removes an upload's original. The pending record goes only once the
   * object is surely gone; if the store is unreachable, the clean-up job
   * removes the object later.
   */
  private async discard(countryId: string, id: string): Promise<void> {
    try {
      await this.storage.remove(originalKey(countryId, id));
    } catch {
      return;
    }
    await this.uploads.delete(id).catch(() => undefined);
  }

  private async sniff(head: Buffer): Promise<{ mimeType: string; kind: MediaKind }> {
    const detected = await fileTypeFromBuffer(head);
    const kind = detected ? ALLOWED_MEDIA_TYPES[detected.mime] : undefined;
    if (!detected || !kind) {
      throw new UnsupportedMediaType(
        `This kind of file is not accepted${detected ? ` (${detected.mime})` : ''}: upload images (JPEG, PNG, TIFF, WebP), audio (MP3, M4A, OGG), video (MP4, WebM) or PDF`,
      );
    }
    return { mimeType: detected.mime, kind };
  }

  /**
   * Refuses decompression bombs from their header and the declared size
   * alone, before the body is read: only the header is parsed here, never
   * pixels. A header sharp cannot read (a TIFF whose directory lies past
   * the head) is left to the worker, which applies the same budget.
   */
  private async checkPixels(head: Buffer, byteSize: number): Promise<{ width: number; height: number } | undefined> {
    let metadata: Metadata;
    try {
      metadata = await sharp(head, { failOn: 'none', limitInputPixels: false }).metadata();
    } catch {
      return undefined;
    }
    if (!metadata.width || !metadata.height) return undefined;
    const refusal = pixelBudgetRefusal(metadata.width, metadata.height, byteSize, this.pixelBudget);
    if (refusal) throw new ImageTooLarge(refusal);
    return { width: metadata.width, height: metadata.height };
  }

  private get pixelBudget(): PixelBudget {
    return pixelBudgetOf(this.config);
  }

  /** The new asset's row, or the one already holding the same file (whose original this upload then leaves alone). */
  private async record(values: Partial<MediaAssetEntity>): Promise<{ asset: MediaAsset; reused: boolean }> {
    const existing = await this.assets.findBySha256(values.countryId!, values.sha256!);
    if (existing) return { asset: toMediaAsset(await this.retryIfFailed(existing)), reused: true };
    if (!(await this.assets.insertProcessing(values))) return this.record(values); // lost a race with the same file
    await this.derivatives.enqueue(values.id!, values.countryId!);
    return { asset: toMediaAsset(await this.assets.getById(values.id!)), reused: false };
  }

  /**
   * Uploading a failed asset's file again is how a curator asks for another
   * try (the job may have failed for a reason since gone: a worker killed, a
   * store outage): its processing starts over with a fresh attempt count.
   */
  private async retryIfFailed(asset: MediaAssetEntity): Promise<MediaAssetEntity> {
    if (asset.status !== 'failed') return asset;
    if (await this.assets.restartFailed(asset.id)) await this.derivatives.enqueue(asset.id, asset.countryId);
    return this.assets.getById(asset.id);
  }

  async list(countryId: string): Promise<MediaAsset[]> {
    const rows = await this.assets.latestOf(countryId, 200);
    return rows.map(toMediaAsset);
  }

  async get(countryId: string, id: string): Promise<MediaAsset> {
    return toMediaAsset(await this.find(countryId, id));
  }

  async update(countryId: string, id: string, input: UpdateMediaInput): Promise<MediaAsset> {
    const country = await this.countries.findEntity(countryId);
    assertLanguagesEnabled(input, country.languages);
    const asset = await this.find(countryId, id);
    await this.assets.update(asset.id, input);
    return this.get(countryId, id);
  }

  private async find(countryId: string, id: string): Promise<MediaAssetEntity> {
    const asset = await this.assets.findInCountry(countryId, id);
    if (!asset) throw new NotFoundException('No such media asset');
    return asset;
  }
}

/** The HTTP answer to a body the upload itself got wrong; null for anything else (the store, the database). */
function refusal(error: unknown): HttpException | null {
  if (error instanceof MarkupFound) {
    return new UnsupportedMediaType(`The file contains markup (${error.token}): it looks like a polyglot and is refused`);
  }
  if (error instanceof SizeMismatch || error instanceof UploadCutOff) return new BadRequestException(error.message);
  if (error instanceof UploadTooSlow) return new RequestTimeoutException(`The upload was too slow and was cut off: ${error.message}`);
  return null;
}
