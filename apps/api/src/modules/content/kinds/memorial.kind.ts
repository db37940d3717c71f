import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Condition, StudioMemorial } from '@vitrina/contracts';
import { memorialInputSchema, updateMemorialSchema } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { ContentStore } from '../content-store';
import { CuratedContentService } from '../studio-records.service';
import { studioRecordFields } from '../studio-record';
import { CountriesService } from '../../countries/countries.service';
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

  protected readonly type = 'memorial' as const;

  constructor(
    @InjectDataSource() db: DataSource,
    countries: CountriesService,
    audit: AuditLog,
  ) {
    super(countries, db, { create: memorialInputSchema, update: updateMemorialSchema }, audit);
    this.store = new ContentStore(db, { type: 'memorial', label: 'memorial', entity: MemorialEntity, toColumns: memorialColumns }, audit);
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
