import { Module } from '@nestjs/common';
import { CountriesModule } from '../countries/countries.module';
import { ItemsService } from '../content/kinds/item.kind';
import { StudioItemsController } from '../content/studio-records.controller';

@Module({
  imports: [CountriesModule],
  controllers: [StudioItemsController],
  providers: [ItemsService],
  exports: [ItemsService],
})
export class ItemsModule {}
