import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, LessThan, type Repository } from 'typeorm';
import { MediaUploadEntity } from './media-upload.entity';

/** The pending uploads' records (`media_uploads`): written before an original is stored, cleared once its row exists. */
@Injectable()
export class MediaUploadsRepository {
  private readonly uploads: Repository<MediaUploadEntity>;

  constructor(@InjectDataSource() db: DataSource) {
    this.uploads = db.getRepository(MediaUploadEntity);
  }

  async insert(assetId: string, countryId: string): Promise<void> {
    await this.uploads.insert({ assetId, countryId });
  }

  async delete(assetId: string): Promise<void> {
    await this.uploads.delete({ assetId });
  }

  /** At most `take` uploads started before the cutoff, the oldest first. */
  startedBefore(cutoff: Date, take: number): Promise<MediaUploadEntity[]> {
    return this.uploads.find({ where: { startedAt: LessThan(cutoff) }, order: { startedAt: 'ASC' }, take });
  }

  /** The pending uploads of these asset ids. */
  findByAssetIds(assetIds: string[]): Promise<MediaUploadEntity[]> {
    return this.uploads.findBy({ assetId: In(assetIds) });
  }
}
