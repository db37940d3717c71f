import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CAPTIONS_MAX_BYTES, CONTENT_LANGUAGES, TIMED_MEDIA_KINDS, type ContentLanguage, type MediaAsset } from '@vitrina/contracts';
import type { DataSource, Repository } from 'typeorm';
import { WebVTTParser } from 'webvtt-parser';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { CountriesService } from '../countries/countries.service';
import { MediaAssetEntity } from './media-asset.entity';
import { assetFolder } from './media-derivatives.worker';
import { MediaService } from './media.service';

export function captionsKey(asset: Pick<MediaAssetEntity, 'countryId' | 'id'>, lang: string): string {
  return `${assetFolder(asset)}/captions/${lang}.vtt`;
}

/** Refuses anything that is not a WebVTT file with at least one cue, naming the first problems and their lines. */
export function parseWebVtt(text: string): void {
  if (Buffer.byteLength(text) > CAPTIONS_MAX_BYTES) throw new BadRequestException(`Captions files may be at most ${CAPTIONS_MAX_BYTES} bytes`);
  const { cues, errors } = new WebVTTParser().parse(text.replace(/^\uFEFF/, ''), 'metadata');
  if (errors.length > 0) {
    const listed = errors.slice(0, 5).map((error) => `line ${error.line}: ${error.message}`).join('; ');
    throw new BadRequestException(`Not a valid WebVTT file: ${listed}`);
  }
  if (cues.length === 0) throw new BadRequestException('The WebVTT file has no cues');
}

/** WebVTT captions of audio and video, one file per language. */
@Injectable()
export class MediaCaptionsService {
  private readonly assets: Repository<MediaAssetEntity>;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly storage: ObjectStorage,
    private readonly countries: CountriesService,
    private readonly media: MediaService,
  ) {
    this.assets = db.getRepository(MediaAssetEntity);
  }

  async put(countryId: string, assetId: string, lang: string, body: unknown): Promise<MediaAsset> {
    const asset = await this.timedAsset(countryId, assetId, lang);
    if (typeof body !== 'string') throw new BadRequestException('Send the WebVTT file as the body, with Content-Type text/vtt');
    parseWebVtt(body);
    // The object first, then the row: a row never names captions that are not stored.
    await this.storage.putBuffer(captionsKey(asset, lang), Buffer.from(body, 'utf8'), 'text/vtt; charset=utf-8');
    await this.assets.query(
      `UPDATE media_assets SET caption_languages = array_append(array_remove(caption_languages, $2), $2), updated_at = now() WHERE id = $1`,
      [asset.id, lang],
    );
    return this.media.get(countryId, assetId);
  }

  async remove(countryId: string, assetId: string, lang: string): Promise<MediaAsset> {
    const asset = await this.timedAsset(countryId, assetId, lang);
    await this.assets.query(
      `UPDATE media_assets SET caption_languages = array_remove(caption_languages, $2), updated_at = now() WHERE id = $1`,
      [asset.id, lang],
    );
    await this.storage.remove(captionsKey(asset, lang));
    return this.media.get(countryId, assetId);
  }

  private async timedAsset(countryId: string, assetId: string, lang: string): Promise<MediaAssetEntity> {
    const country = await this.countries.findEntity(countryId);
    if (!CONTENT_LANGUAGES.includes(lang as ContentLanguage) || !country.languages.includes(lang as ContentLanguage)) {
      throw new BadRequestException(`"${lang}" is not a language of this country (${country.languages.join(', ')})`);
    }
    const asset = await this.assets.findOneBy({ countryId, id: assetId });
    if (!asset) throw new NotFoundException('No such media asset');
    if (!TIMED_MEDIA_KINDS.includes(asset.kind)) throw new BadRequestException('Only audio and video have captions');
    return asset;
  }
}
