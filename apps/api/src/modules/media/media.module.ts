import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { IiifController } from './iiif.controller';
import { IiifManifestsController } from './iiif-manifests.controller';
import { MediaAccess } from './media-access.service';
import { MediaDeliveryController } from './media-delivery.controller';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaService } from './media.service';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioMediaController, MediaDeliveryController, IiifController, IiifManifestsController],
  providers: [MediaService, MediaDerivativesWorker, MediaAccess],
  exports: [MediaService],
})
export class MediaModule {}
