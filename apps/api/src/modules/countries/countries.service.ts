import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AdminCountry, ApiError, Country, CreateCountryInput, UpdateCountryInput } from '@vitrina/contracts';
import { updateCountrySchema } from '@vitrina/contracts';
import type { Repository } from 'typeorm';
import { sanitizeLocalizedRichText } from '../../infra/html/rich-text';
import { CountryEntity } from './country.entity';
import { SEED_COUNTRIES } from './seed-countries';

const UNIQUE_VIOLATION = '23505';

function toCountry(entity: CountryEntity): Country {
  return {
    id: entity.id,
    slug: entity.slug,
    names: entity.names,
    defaultLanguage: entity.defaultLanguage,
    languages: entity.languages,
    ...(entity.intro ? { intro: entity.intro } : {}),
  };
}

/** Admins see the workflow settings too; visitors never do. */
function toAdminCountry(entity: CountryEntity): AdminCountry {
  return { ...toCountry(entity), fourEyes: entity.fourEyes };
}

/** The introduction is shown as HTML on the country page: only the rich-text allowlist is kept. */
function withCleanIntro<T extends { intro?: CreateCountryInput['intro'] }>(input: T): T {
  return input.intro ? { ...input, intro: sanitizeLocalizedRichText(input.intro) } : input;
}

@Injectable()
export class CountriesService {
  private readonly logger = new Logger(CountriesService.name);

  constructor(@InjectRepository(CountryEntity) private readonly countries: Repository<CountryEntity>) {}

  async list(): Promise<Country[]> {
    return (await this.countries.find({ order: { slug: 'ASC' } })).map(toCountry);
  }

  async listForAdmin(): Promise<AdminCountry[]> {
    return (await this.countries.find({ order: { slug: 'ASC' } })).map(toAdminCountry);
  }

  /** Every stored country, for lookups by id and slug. */
  listEntities(): Promise<CountryEntity[]> {
    return this.countries.find({ order: { slug: 'ASC' } });
  }

  async getBySlug(slug: string): Promise<Country> {
    const country = await this.countries.findOne({ where: { slug } });
    if (!country) throw new NotFoundException('No such country');
    return toCountry(country);
  }

  /** The stored country, for domains that need its languages. */
  async findEntity(id: string): Promise<CountryEntity> {
    const country = await this.countries.findOne({ where: { id } });
    if (!country) throw new NotFoundException('No such country');
    return country;
  }

  async findEntityBySlug(slug: string): Promise<CountryEntity> {
    const country = await this.countries.findOne({ where: { slug } });
    if (!country) throw new NotFoundException('No such country');
    return country;
  }

  async create(input: CreateCountryInput): Promise<AdminCountry> {
    try {
      // A new country starts with the four-eyes rule unless the admin says otherwise.
      const saved = await this.countries.save(this.countries.create({ fourEyes: true, ...withCleanIntro(input) }));
      return toAdminCountry(saved);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException({ message: `A country with slug "${input.slug}" already exists`, code: 'country-slug-taken' } satisfies Pick<ApiError, 'message' | 'code'>);
      }
      throw error;
    }
  }

  /** Partial update; the default language must stay among the enabled ones after merging. */
  async update(id: string, input: UpdateCountryInput): Promise<AdminCountry> {
    const country = await this.countries.findOne({ where: { id } });
    if (!country) throw new NotFoundException('No such country');
    const merged = { ...country, ...withCleanIntro(input) };
    const check = updateCountrySchema.safeParse({ defaultLanguage: merged.defaultLanguage, languages: merged.languages });
    if (!check.success) throw new BadRequestException('defaultLanguage must be one of languages');
    return toAdminCountry(await this.countries.save(merged));
  }

  /** Seeds the twelve countries on first start only, so admins' later edits and removals stand. */
  async seedDefaults(): Promise<void> {
    if ((await this.countries.count()) > 0) return;
    await this.countries.insert(SEED_COUNTRIES.map((country) => this.countries.create(country)));
    this.logger.log(`seeded ${SEED_COUNTRIES.length} countries`);
  }
}
