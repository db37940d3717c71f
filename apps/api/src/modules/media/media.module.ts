import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ReviewModule } from '../review/review.module';
import { IiifController } from './iiif.controller';
import { IiifManifestsController } from './iiif-manifests.controller';
import { MediaAccess } from './media-access.service';
import { MediaCaptionsService } from './media-captions.service';
import { MediaCleanupWorker } from './media-cleanup.worker';
import { MediaDeliveryController } from './media-delivery.controller';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaService } from './media.service';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule, ReviewModule],
  controllers: [StudioMediaController, MediaDeliveryController, IiifController, IiifManifestsController],
  providers: [MediaService, MediaDerivativesWorker, MediaAccess, MediaCaptionsService, MediaCleanupWorker],
  exports: [MediaService, MediaAccess],
})
export class MediaModule {}
