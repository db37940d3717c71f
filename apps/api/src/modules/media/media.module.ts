import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { IiifController } from './iiif.controller';
import { HotTiles } from './hot-tiles';
import { IiifRenderer } from './iiif-renderer';
import { MediaAccess } from './media-access.service';
import { MediaAssetsRepository } from './media-assets.repository';
import { MediaCaptionsService } from './media-captions.service';
import { MediaCleanupWorker } from './media-cleanup.worker';
import { MediaDeliveryController } from './media-delivery.controller';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaUploadsRepository } from './media-uploads.repository';
import { MediaService } from './media.service';
import { ServableMemo } from './servable-memo';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioMediaController, MediaDeliveryController, IiifController],
  providers: [MediaService, MediaDerivativesWorker, MediaAccess, MediaCaptionsService, MediaCleanupWorker, ServableMemo, HotTiles, IiifRenderer, MediaAssetsRepository, MediaUploadsRepository],
  exports: [MediaService, MediaAccess, ServableMemo],
})
export class MediaModule {}
