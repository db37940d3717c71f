import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { CAPTIONS_MAX_BYTES, CONTENT_LANGUAGES, TIMED_MEDIA_KINDS, type ContentLanguage, type MediaAsset } from '@vitrina/contracts';
import { WebVTTParser } from 'webvtt-parser';
import { ObjectStorage } from '../../infra/storage/object-storage.service';
import { CountriesService } from '../countries/countries.service';
import type { MediaAssetEntity } from './media-asset.entity';
import { MediaAssetsRepository } from './media-assets.repository';
import { captionsName } from './captions-name';
import { assetFolder } from './media-derivatives.worker';
import { MediaService } from './media.service';

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

/** WebVTT captions of audio and video: per language, every version a revision may have recorded. */
@Injectable()
export class MediaCaptionsService {
  constructor(
    private readonly assets: MediaAssetsRepository,
    private readonly storage: ObjectStorage,
    private readonly countries: CountriesService,
    private readonly media: MediaService,
  ) {}

  /**
   * Stores a new version of a language's captions and makes it the latest.
   * Visitors keep the version the live revision recorded until a revision
   * saved after this one is approved.
   */
  async put(countryId: string, assetId: string, lang: string, body: unknown): Promise<MediaAsset> {
    const asset = await this.timedAsset(countryId, assetId, lang);
    if (typeof body !== 'string') throw new BadRequestException('Send the WebVTT file as the body, with Content-Type text/vtt');
    parseWebVtt(body);
    const bytes = Buffer.from(body, 'utf8');
    const version = createHash('sha256').update(bytes).digest('hex');
    // The object first, then the row: a row never names captions that are not stored.
    await this.storage.putBuffer(`${assetFolder(asset)}/${captionsName(lang, version)}`, bytes, 'text/vtt; charset=utf-8');
    await this.assets.setCaptionVersion(asset.id, lang, version);
    return this.media.get(countryId, assetId);
  }

  /**
   * The language has no captions in the next revision. The file stays: a
   * live revision may still show it (the clean-up removes it with its asset).
   */
  async remove(countryId: string, assetId: string, lang: string): Promise<MediaAsset> {
    const asset = await this.timedAsset(countryId, assetId, lang);
    await this.assets.removeCaptionLanguage(asset.id, lang);
    return this.media.get(countryId, assetId);
  }

  private async timedAsset(countryId: string, assetId: string, lang: string): Promise<MediaAssetEntity> {
    const country = await this.countries.findEntity(countryId);
    if (!CONTENT_LANGUAGES.includes(lang as ContentLanguage) || !country.languages.includes(lang as ContentLanguage)) {
      throw new BadRequestException(`"${lang}" is not a language of this country (${country.languages.join(', ')})`);
    }
    const asset = await this.assets.findInCountry(countryId, assetId);
    if (!asset) throw new NotFoundException('No such media asset');
    if (!TIMED_MEDIA_KINDS.includes(asset.kind)) throw new BadRequestException('Only audio and video have captions');
    return asset;
  }
}
