import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ItemsService } from './items.service';
import { StudioItemsController } from './studio-items.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioItemsController],
  providers: [ItemsService],
  exports: [ItemsService],
})
export class ItemsModule {}
