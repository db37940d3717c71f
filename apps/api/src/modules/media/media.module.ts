import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ReviewModule } from '../review/review.module';
import { SearchModule } from '../search/search.module';
import { IiifController } from './iiif.controller';
import { IiifManifestsController } from '../site/iiif-manifests.controller';
import { HotTiles } from './hot-tiles';
import { MediaAccess } from './media-access.service';
import { MediaCaptionsService } from './media-captions.service';
import { MediaCleanupWorker } from './media-cleanup.worker';
import { MediaDeliveryController } from './media-delivery.controller';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaWithdrawalController } from '../review/media-withdrawal.controller';
import { MediaWithdrawal } from '../review/media-withdrawal.service';
import { MediaService } from './media.service';
import { ServableMemo } from './servable-memo';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule, ReviewModule, SearchModule],
  controllers: [StudioMediaController, MediaDeliveryController, IiifController, IiifManifestsController, MediaWithdrawalController],
  providers: [MediaService, MediaDerivativesWorker, MediaAccess, MediaCaptionsService, MediaCleanupWorker, ServableMemo, HotTiles, MediaWithdrawal],
  exports: [MediaService, MediaAccess],
})
export class MediaModule {}
