import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StudioItem } from '@vitrina/contracts';
import { itemInputSchema, updateItemSchema } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { ContentStore } from '../content-store';
import { CuratedContentService } from '../studio-records.service';
import { studioRecordFields } from '../studio-record';
import { CountriesService } from '../../countries/countries.service';
import { type ItemContent, ItemEntity } from './item.entity';

type ValidItem = ReturnType<typeof itemInputSchema.parse>;

/** The row of a validated item: its document plus the copies kept for filtering and maps. */
export function itemColumns(input: ValidItem): Partial<ItemEntity> {
  const { slug, kind, ...content } = input;
  return {
    slug,
    kind,
    content: content as ItemContent,
    earliestYear: input.date?.earliest ?? null,
    latestYear: input.date?.latest ?? null,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
  };
}

@Injectable()
export class ItemsService extends CuratedContentService<ValidItem, ItemEntity, StudioItem> {
  protected readonly store: ContentStore<ValidItem, ItemEntity>;

  protected readonly type = 'item' as const;

  constructor(
    @InjectDataSource() db: DataSource,
    countries: CountriesService,
    audit: AuditLog,
  ) {
    super(countries, db, { create: itemInputSchema, update: updateItemSchema }, audit);
    this.store = new ContentStore(db, { type: 'item', label: 'item', entity: ItemEntity, toColumns: itemColumns }, audit);
  }

  protected toStudio(entity: ItemEntity): StudioItem {
    return { ...(entity.content as ValidItem), slug: entity.slug, kind: entity.kind as StudioItem['kind'], ...studioRecordFields(entity) };
  }
}
