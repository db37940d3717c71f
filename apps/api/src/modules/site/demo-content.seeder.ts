import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExhibitionBlock } from '@vitrina/contracts';
import { exhibitionInputSchema, itemInputSchema, memorialInputSchema } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CountryEntity } from '../countries/country.entity';
import { ExhibitionEntity } from '../exhibitions/exhibition.entity';
import { exhibitionColumns } from '../exhibitions/exhibitions.service';
import { sanitizeRichText } from '../exhibitions/rich-text';
import { ItemEntity } from '../items/item.entity';
import { itemColumns } from '../items/items.service';
import { MemorialEntity } from '../memorials/memorial.entity';
import { memorialColumns } from '../memorials/memorials.service';
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
      const id = randomUUID();
      const columns = itemColumns(itemInputSchema.parse(input));
      await tx.getRepository(ItemEntity).insert({ ...base, ...columns, id });
      ids.items.set(columns.slug!, id);
    }
    for (const input of demo.memorials) {
      const id = randomUUID();
      const columns = memorialColumns(memorialInputSchema.parse(input));
      await tx.getRepository(MemorialEntity).insert({ ...base, ...columns, id });
      ids.memorials.set(columns.slug!, id);
    }
    for (const demoExhibition of demo.exhibitions) {
      const { coverItemSlug, sections, ...rest } = demoExhibition;
      const exhibition = exhibitionInputSchema.parse({
        ...rest,
        coverItemId: coverItemSlug ? ids.items.get(coverItemSlug) : undefined,
        sections: sections.map((section) => ({ ...section, blocks: section.blocks.map((b) => resolveBlock(b, ids)) })),
      });
      await tx.getRepository(ExhibitionEntity).insert({ ...base, ...exhibitionColumns(exhibition) });
    }
    this.logger.log(`seeded demo content for ${demo.countrySlug}`);
  }
}
