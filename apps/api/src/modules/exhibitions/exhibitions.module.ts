import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ExhibitionsService } from '../content/kinds/exhibition.kind';
import { StudioExhibitionsController } from './studio-exhibitions.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioExhibitionsController],
  providers: [ExhibitionsService],
  exports: [ExhibitionsService],
})
export class ExhibitionsModule {}
