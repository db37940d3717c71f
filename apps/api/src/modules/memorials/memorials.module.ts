import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { MemorialsService } from '../content/kinds/memorial.kind';
import { StudioMemorialsController } from './studio-memorials.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioMemorialsController],
  providers: [MemorialsService],
  exports: [MemorialsService],
})
export class MemorialsModule {}
