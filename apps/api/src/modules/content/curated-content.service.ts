import type { ListQuery, StudioList } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import type { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { assertLanguagesEnabled } from './content-languages';
import type { ContentRecordEntity } from './content-record.entity';
import type { ContentStore } from './content-store';
import { assertMediaOfCountry } from './media-references';
import { readerLanguage } from './reader-language';

/** The zod schemas a kind's documents are parsed with. */
export interface CuratedSchemas<TInput> {
  create: { parse(input: unknown): TInput };
  update: { parse(input: unknown): TInput & { version: number } };
}

/**
 * The studio's rules for one kind of curated record, shared by items,
 * memorials and exhibitions: validate, check languages and media against the
 * country, let the kind prepare the document (sanitise, check references), store.
 */
export abstract class CuratedContentService<
  TInput extends { slug: string },
  TEntity extends ContentRecordEntity<object>,
  TStudio,
> {
  protected abstract readonly store: ContentStore<TInput, TEntity>;

  constructor(
    protected readonly countries: CountriesService,
    protected readonly db: DataSource,
    private readonly schemas: CuratedSchemas<TInput>,
  ) {}

  protected abstract toStudio(entity: TEntity): TStudio;

  /** A hook for kind-specific rules run before every save. */
  protected async prepare(_country: CountryEntity, input: TInput): Promise<TInput> {
    return input;
  }

  async list(countryId: string, query: ListQuery, acceptLanguage?: string): Promise<StudioList> {
    const country = await this.countries.findEntity(countryId);
    const lang = readerLanguage(query.lang, acceptLanguage, country.defaultLanguage);
    return this.store.list(countryId, query, lang, country.defaultLanguage);
  }

  async get(countryId: string, id: string): Promise<TStudio> {
    return this.toStudio(await this.store.get(countryId, id));
  }

  async create(countryId: string, actor: Actor, input: unknown): Promise<TStudio> {
    const country = await this.countries.findEntity(countryId);
    const valid = await this.validate(country, this.schemas.create.parse(input));
    return this.toStudio(await this.store.create(countryId, { userId: actor.userId }, valid));
  }

  async update(countryId: string, id: string, actor: Actor, input: unknown): Promise<TStudio> {
    const country = await this.countries.findEntity(countryId);
    const { version, ...document } = this.schemas.update.parse(input);
    const valid = await this.validate(country, document as unknown as TInput);
    return this.toStudio(await this.store.update(countryId, id, { userId: actor.userId }, { ...valid, version }));
  }

  remove(countryId: string, id: string): Promise<void> {
    return this.store.remove(countryId, id);
  }

  private async validate(country: CountryEntity, input: TInput): Promise<TInput> {
    assertLanguagesEnabled(input, country.languages);
    await assertMediaOfCountry(this.db, country.id, (input as { media?: { assetId: string }[] }).media);
    return this.prepare(country, input);
  }
}
