import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Country, CountryList } from '@vitrina/contracts';
import { PublicRoute } from '../access/access.decorators';
import { CountriesService } from './countries.service';
import { CountrySlugParams } from './dto';

@ApiTags('public')
@Controller('public/countries')
@PublicRoute()
export class PublicCountriesController {
  constructor(private readonly countries: CountriesService) {}

  @Get()
  async list(): Promise<CountryList> {
    return { items: await this.countries.list() };
  }

  @Get(':slug')
  get(@Param() params: CountrySlugParams): Promise<Country> {
    return this.countries.getBySlug(params.slug);
  }
}
