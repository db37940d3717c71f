import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Condition, StudioMemorial } from '@vitrina/contracts';
import { memorialInputSchema, updateMemorialSchema } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { ContentStore } from '../content/content-store';
import { CuratedContentService } from '../content/curated-content.service';
import { studioRecordFields } from '../content/studio-record';
import { assertMediaOfCountry } from '../content/media-references';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { type MemorialContent, MemorialEntity } from './memorial.entity';

type ValidMemorial = ReturnType<typeof memorialInputSchema.parse>;

function latestCondition(input: ValidMemorial): Condition | null {
  const [latest] = [...input.conditionSurveys].sort((a, b) => b.date.localeCompare(a.date));
  return latest?.condition ?? null;
}

/** The row of a validated memorial: its document, its place and its latest condition. */
export function memorialColumns(input: ValidMemorial): Partial<MemorialEntity> {
  const { slug, kind, ...content } = input;
  return {
    slug,
    kind,
    content: content as MemorialContent,
    lat: input.location.lat,
    lng: input.location.lng,
    condition: latestCondition(input),
  };
}

@Injectable()
export class MemorialsService extends CuratedContentService<ValidMemorial, MemorialEntity, StudioMemorial> {
  protected readonly store: ContentStore<ValidMemorial, MemorialEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    countries: CountriesService,
  ) {
    super(countries);
    this.store = new ContentStore(db, { label: 'memorial', entity: MemorialEntity, toColumns: memorialColumns });
  }

  protected override async prepare(country: CountryEntity, input: ValidMemorial): Promise<ValidMemorial> {
    await assertMediaOfCountry(this.db, country.id, input.media);
    return input;
  }

  protected parseCreate(input: unknown): ValidMemorial {
    return memorialInputSchema.parse(input);
  }

  protected parseUpdate(input: unknown) {
    return updateMemorialSchema.parse(input);
  }

  protected toStudio(entity: MemorialEntity): StudioMemorial {
    return {
      ...(entity.content as ValidMemorial),
      slug: entity.slug,
      kind: entity.kind as StudioMemorial['kind'],
      ...studioRecordFields(entity),
    };
  }
}
