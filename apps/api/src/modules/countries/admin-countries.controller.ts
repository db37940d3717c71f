import { Audited } from '../audit/audited.decorator';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminCountry, AdminCountryList } from '@vitrina/contracts';
import { RequireInstallation } from '../access/access.decorators';
import { CountriesService } from './countries.service';
import { CountryIdParams, CreateCountryDto, UpdateCountryDto } from './dto';

@ApiTags('admin')
@Controller('admin/countries')
@RequireInstallation('countries.manage')
export class AdminCountriesController {
  constructor(private readonly countries: CountriesService) {}

  /** Every country with its workflow settings (the four-eyes rule). */
  @Get()
  async list(): Promise<AdminCountryList> {
    return { items: await this.countries.listForAdmin() };
  }

  @Audited({ action: 'country.create', entityType: 'country', entityId: 'response.id', countryId: 'response.id' })
  @Post()
  create(@Body() body: CreateCountryDto): Promise<AdminCountry> {
    return this.countries.create(body);
  }

  @Audited({ action: 'country.update', entityType: 'country', entityId: 'params.id', countryId: 'params.id' })
  @Patch(':id')
  update(@Param() params: CountryIdParams, @Body() body: UpdateCountryDto): Promise<AdminCountry> {
    return this.countries.update(params.id, body);
  }
}
