import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALLOWED_MEDIA_TYPES, type MediaAsset, type MediaKind, type UpdateMediaInput } from '@vitrina/contracts';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import type { DataSource, Repository } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { assertLanguagesEnabled } from '../content/content-languages';
import { CountriesService } from '../countries/countries.service';
import { MediaAssetEntity } from './media-asset.entity';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { ImageTooLarge, LengthRequired, PayloadTooLarge, UnsupportedMediaType } from './media-errors';
import { SizeMismatch, UploadMeter, endsCleanly, readHead, sanitiseFileName } from './upload-stream';

// Enough for every signature file-type knows.
const SNIFF_BYTES = 4100;
// Enough to reach the dimensions of practically every JPEG (after EXIF) and PNG.
const IMAGE_HEADER_BYTES = 512 * 1024;

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
    captionLanguages: entity.captionLanguages,
    createdAt: entity.createdAt.toISOString(),
  };
}

@Injectable()
export class MediaService {
  private readonly assets: Repository<MediaAssetEntity>;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
    private readonly countries: CountriesService,
    private readonly derivatives: MediaDerivativesWorker,
  ) {
    this.assets = db.getRepository(MediaAssetEntity);
  }

  private get largestAllowed(): number {
    return Math.max(...Object.values(this.config.media.maxBytes));
  }

  /**
   * Accepts an upload only for what its bytes are, streams it to the store
   * while hashing it, and writes the row only once the object exists. The
   * same file uploaded again to the same country is not stored twice.
   */
  async upload(countryId: string, userId: string | null, upload: IncomingUpload): Promise<{ asset: MediaAsset; reused: boolean }> {
    await this.countries.findEntity(countryId);
    const size = upload.contentLength;
    if (size === undefined) throw new LengthRequired();
    if (size === 0) throw new BadRequestException('The file is empty');
    if (size > this.largestAllowed) throw new PayloadTooLarge(`Files may be at most ${this.largestAllowed} bytes`);

    const { head, body } = await readHead(upload.body, IMAGE_HEADER_BYTES);
    const { mimeType, kind } = await this.sniff(head.subarray(0, SNIFF_BYTES));
    if (size > this.config.media.maxBytes[kind]) {
      throw new PayloadTooLarge(`${kind} files may be at most ${this.config.media.maxBytes[kind]} bytes`);
    }
    const dimensions = kind === 'image' ? await this.checkPixels(head) : undefined;

    const id = randomUUID();
    const key = originalKey(countryId, id);
    const meter = new UploadMeter(size);
    try {
      await Promise.all([this.storage.putStream(key, meter, size, mimeType), pipeline(body, meter)]);
    } catch (error) {
      meter.destroy();
      await this.storage.remove(key).catch(() => undefined);
      if (error instanceof SizeMismatch) throw new BadRequestException(error.message);
      throw error;
    }
    if (!endsCleanly(mimeType, meter.tail)) {
      await this.storage.remove(key).catch(() => undefined);
      throw new UnsupportedMediaType('The file carries data after its end: it looks like a polyglot and is refused');
    }
    return this.record({
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

  /** Refuses decompression bombs from their header alone, before the body is read. */
  private async checkPixels(head: Buffer): Promise<{ width: number; height: number } | undefined> {
    let metadata: Metadata;
    try {
      metadata = await sharp(head, { failOn: 'none', limitInputPixels: false }).metadata();
    } catch {
      return undefined;
    }
    if (!metadata.width || !metadata.height) return undefined;
    const pixels = metadata.width * metadata.height;
    if (pixels > this.config.media.maxImagePixels) {
      throw new ImageTooLarge(
        `The image is ${metadata.width} × ${metadata.height} pixels; at most ${this.config.media.maxImagePixels} pixels are accepted`,
      );
    }
    return { width: metadata.width, height: metadata.height };
  }

  private async record(values: Partial<MediaAssetEntity>): Promise<{ asset: MediaAsset; reused: boolean }> {
    const existing = await this.assets.findOneBy({ countryId: values.countryId!, sha256: values.sha256! });
    if (existing) {
      await this.storage.remove(originalKey(values.countryId!, values.id!)).catch(() => undefined);
      return { asset: toMediaAsset(existing), reused: true };
    }
    const inserted = await this.assets
      .createQueryBuilder()
      .insert()
      .values({ ...values, status: 'processing' })
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.raw.length === 0) return this.record(values); // lost a race with the same file
    await this.derivatives.enqueue(values.id!);
    return { asset: toMediaAsset(await this.assets.findOneByOrFail({ id: values.id! })), reused: false };
  }

  async list(countryId: string): Promise<MediaAsset[]> {
    const rows = await this.assets.find({ where: { countryId }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map(toMediaAsset);
  }

  async get(countryId: string, id: string): Promise<MediaAsset> {
    return toMediaAsset(await this.find(countryId, id));
  }

  async update(countryId: string, id: string, input: UpdateMediaInput): Promise<MediaAsset> {
    const country = await this.countries.findEntity(countryId);
    assertLanguagesEnabled(input, country.languages);
    const asset = await this.find(countryId, id);
    await this.assets.update({ id: asset.id }, input);
    return this.get(countryId, id);
  }

  private async find(countryId: string, id: string): Promise<MediaAssetEntity> {
    const asset = await this.assets.findOneBy({ countryId, id });
    if (!asset) throw new NotFoundException('No such media asset');
    return asset;
  }
}
