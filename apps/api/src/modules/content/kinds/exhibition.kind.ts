import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentLanguage, PublicExhibition, StudioExhibition } from '@vitrina/contracts';
import { exhibitionInputSchema, updateExhibitionSchema } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { ContentStore } from '../content-store';
import { CuratedContentService } from '../studio-records.service';
import { exhibitionMediaIds } from '../media-views';
import { MediaAssetEntity } from '../../media/media-asset.entity';
import { findByIds } from '../find-by-ids';
import { Reader, exhibitionReferences, presentExhibition } from '../public-views';
import { studioRecordFields } from '../studio-record';
import { CountriesService } from '../../countries/countries.service';
import type { CountryEntity } from '../../countries/country.entity';
import { ItemEntity } from './item.entity';
import { MemorialEntity } from './memorial.entity';
import { type ExhibitionContent, ExhibitionEntity } from './exhibition.entity';
import { sanitizeLocalizedRichText } from '../../../infra/html/rich-text';

type ValidExhibition = ReturnType<typeof exhibitionInputSchema.parse>;

export function exhibitionColumns(input: ValidExhibition): Partial<ExhibitionEntity> {
  const { slug, ...content } = input;
  return { slug, kind: 'exhibition', content: content as ExhibitionContent };
}

@Injectable()
export class ExhibitionsService extends CuratedContentService<ValidExhibition, ExhibitionEntity, StudioExhibition> {
  protected readonly store: ContentStore<ValidExhibition, ExhibitionEntity>;

  protected readonly type = 'exhibition' as const;

  constructor(
    @InjectDataSource() db: DataSource,
    countries: CountriesService,
    audit: AuditLog,
  ) {
    super(countries, db, { create: exhibitionInputSchema, update: updateExhibitionSchema }, audit);
    this.store = new ContentStore(db, { type: 'exhibition', label: 'exhibition', entity: ExhibitionEntity, toColumns: exhibitionColumns }, audit);
  }

  protected toStudio(entity: ExhibitionEntity): StudioExhibition {
    return { ...(entity.content as ValidExhibition), slug: entity.slug, ...studioRecordFields(entity) };
  }

  /** Rich text is sanitised, and every referenced item or memorial must belong to the same country. */
  protected override async prepare(country: CountryEntity, input: ValidExhibition): Promise<ValidExhibition> {
    const sections = input.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) => (block.type === 'text' ? { ...block, body: sanitizeLocalizedRichText(block.body) } : block)),
    }));
    const prepared = { ...input, sections };
    await this.assertReferencesExist(country.id, prepared);
    return prepared;
  }

  private async assertReferencesExist(countryId: string, input: ValidExhibition): Promise<void> {
    const { itemIds, memorialIds } = exhibitionReferences(input);
    const [items, memorials] = await this.loadReferenced(countryId, itemIds, memorialIds);
    const missing = [
      ...itemIds.filter((id) => !items.has(id)).map((id) => `item ${id}`),
      ...memorialIds.filter((id) => !memorials.has(id)).map((id) => `memorial ${id}`),
    ];
    if (missing.length > 0) {
      throw new BadRequestException(`Referenced records not found in this country: ${missing.join(', ')}`);
    }
  }

  private loadReferenced(countryId: string, itemIds: string[], memorialIds: string[]) {
    return Promise.all([
      findByIds(this.db.getRepository(ItemEntity), { countryId }, itemIds),
      findByIds(this.db.getRepository(MemorialEntity), { countryId }, memorialIds),
    ]);
  }

  /** The exhibition exactly as visitors will see it once published, drafts of its items included. */
  async preview(countryId: string, id: string, lang: ContentLanguage | undefined): Promise<PublicExhibition> {
    const country = await this.countries.findEntity(countryId);
    const exhibition = await this.store.get(countryId, id);
    const { itemIds, memorialIds } = exhibitionReferences(exhibition.content);
    const [items, memorials] = await this.loadReferenced(countryId, itemIds, memorialIds);
    const assets = await findByIds(this.db.getRepository(MediaAssetEntity), { countryId }, exhibitionMediaIds([exhibition], items.values()));
    return presentExhibition(new Reader(lang ?? country.defaultLanguage, country), exhibition, { items, memorials, assets });
  }
}
