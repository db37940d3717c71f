import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ReviewModule } from '../review/review.module';
import { SearchModule } from '../search/search.module';
import { IiifController } from './iiif.controller';
import { IiifManifestsController } from './iiif-manifests.controller';
import { HotTiles } from './hot-tiles';
import { MediaAccess } from './media-access.service';
import { MediaAssetsRepository } from './media-assets.repository';
import { MediaCaptionsService } from './media-captions.service';
import { MediaCleanupWorker } from './media-cleanup.worker';
import { MediaDeliveryController } from './media-delivery.controller';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaWithdrawalController } from './media-withdrawal.controller';
import { MediaWithdrawal } from './media-withdrawal.service';
import { MediaUploadsRepository } from './media-uploads.repository';
import { MediaService } from './media.service';
import { ServableMemo } from './servable-memo';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule, ReviewModule, SearchModule],
  controllers: [StudioMediaController, MediaDeliveryController, IiifController, IiifManifestsController, MediaWithdrawalController],
  providers: [MediaService, MediaDerivativesWorker, MediaAccess, MediaCaptionsService, MediaCleanupWorker, ServableMemo, HotTiles, MediaWithdrawal, MediaAssetsRepository, MediaUploadsRepository],
  exports: [MediaService, MediaAccess],
})
export class MediaModule {}
