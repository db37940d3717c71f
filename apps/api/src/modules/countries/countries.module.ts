import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminCountriesController } from './admin-countries.controller';
import { CountriesService } from './countries.service';
import { CountryEntity } from './country.entity';
import { PublicCountriesController } from './public-countries.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CountryEntity])],
  controllers: [PublicCountriesController, AdminCountriesController],
  providers: [CountriesService],
  exports: [CountriesService],
})
export class CountriesModule {}
