import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { MediaDerivativesWorker } from './media-derivatives.worker';
import { MediaService } from './media.service';
import { StudioMediaController } from './studio-media.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioMediaController],
  providers: [MediaService, MediaDerivativesWorker],
  exports: [MediaService],
})
export class MediaModule {}
