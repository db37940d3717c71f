import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExhibitionBlock } from '@vitrina/contracts';
import { exhibitionInputSchema, itemInputSchema, memorialInputSchema } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { ExhibitionEntity } from '../exhibitions/exhibition.entity';
import { sanitizeRichText } from '../exhibitions/rich-text';
import { ItemEntity } from '../items/item.entity';
import { MemorialEntity } from '../memorials/memorial.entity';
import { DEMO_CONTENT } from './demo-content';
import type { DemoBlock, DemoCountryContent } from './demo-content/types';

type IdsBySlug = { items: Map<string, string>; memorials: Map<string, string> };

function resolveBlock(block: DemoBlock, ids: IdsBySlug): ExhibitionBlock {
  const item = (slug: string) => {
    const id = ids.items.get(slug);
    if (!id) throw new Error(`demo content refers to unknown item ${slug}`);
    return id;
  };
  const memorial = (slug: string) => {
    const id = ids.memorials.get(slug);
    if (!id) throw new Error(`demo content refers to unknown memorial ${slug}`);
    return id;
  };
  switch (block.type) {
    case 'item': {
      const { itemSlug, ...rest } = block;
      return { ...rest, itemId: item(itemSlug) };
    }
    case 'gallery': {
      const { itemSlugs, ...rest } = block;
      return { ...rest, itemIds: itemSlugs.map(item) };
    }
    case 'map': {
      const { itemSlugs, memorialSlugs, ...rest } = block;
      return { ...rest, itemIds: (itemSlugs ?? []).map(item), memorialIds: (memorialSlugs ?? []).map(memorial) };
    }
    case 'text':
      return {
        ...block,
        body: Object.fromEntries(
          Object.entries(block.body).map(([lang, entry]) => [lang, { ...entry!, text: sanitizeRichText(entry!.text) }]),
        ),
      };
    default:
      return block;
  }
}

/**
 * Fills an empty installation with a small, clearly marked demo museum, all
 * of it published, so a newcomer sees a living site. Runs only outside
 * production and only while no curated record exists yet.
 */
@Injectable()
export class DemoContentSeeder {
  private readonly logger = new Logger(DemoContentSeeder.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seed(): Promise<void> {
    const existing = await this.db.query(
      'SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM memorials) + (SELECT count(*) FROM exhibitions) AS n',
    );
    if (Number(existing[0].n) > 0) return;
    await this.db.transaction(async (tx) => {
      for (const content of DEMO_CONTENT) await this.seedCountry(tx, content);
    });
  }

  private async seedCountry(tx: EntityManager, demo: DemoCountryContent): Promise<void> {
    const country = await tx.getRepository(CountryEntity).findOneBy({ slug: demo.countrySlug });
    if (!country) return;
    await tx.getRepository(CountryEntity).update({ id: country.id }, { intro: demo.intro });
    const publishedAt = new Date();
    const base = { countryId: country.id, status: 'published' as const, publishedAt };
    const ids: IdsBySlug = { items: new Map(), memorials: new Map() };
    for (const input of demo.items) {
      const { slug, kind, ...content } = itemInputSchema.parse(input);
      const id = randomUUID();
      await tx.getRepository(ItemEntity).insert({
        ...base, id, slug, kind, content,
        earliestYear: content.date?.earliest ?? null,
        latestYear: content.date?.latest ?? null,
        lat: content.location?.lat ?? null,
        lng: content.location?.lng ?? null,
      });
      ids.items.set(slug, id);
    }
    for (const input of demo.memorials) {
      const { slug, kind, ...content } = memorialInputSchema.parse(input);
      const id = randomUUID();
      const latest = [...content.conditionSurveys].sort((a, b) => b.date.localeCompare(a.date))[0];
      await tx.getRepository(MemorialEntity).insert({
        ...base, id, slug, kind, content,
        lat: content.location.lat,
        lng: content.location.lng,
        condition: latest?.condition ?? null,
      });
      ids.memorials.set(slug, id);
    }
    for (const demoExhibition of demo.exhibitions) {
      const { coverItemSlug, sections, ...rest } = demoExhibition;
      const { slug, ...content } = exhibitionInputSchema.parse({
        ...rest,
        coverItemId: coverItemSlug ? ids.items.get(coverItemSlug) : undefined,
        sections: sections.map((section) => ({ ...section, blocks: section.blocks.map((b) => resolveBlock(b, ids)) })),
      });
      await tx.getRepository(ExhibitionEntity).insert({ ...base, slug, kind: 'exhibition', content });
    }
    this.logger.log(`seeded demo content for ${demo.countrySlug}`);
  }
}
