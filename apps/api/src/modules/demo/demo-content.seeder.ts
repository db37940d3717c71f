import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExhibitionBlock } from '@vitrina/contracts';
import { exhibitionInputSchema, itemInputSchema, memorialInputSchema, personInputSchema, slugify } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { insertPublished } from '../content/publish';
import { RECORD_KINDS } from '../content/record-kinds';
import { CountryEntity } from '../countries/country.entity';
import { sanitizeRichText } from '../../infra/html/rich-text';
import { DEMO_CONTENT } from './demo-content';
import type { DemoBlock, DemoCountryContent, DemoPerson } from './demo-content/types';
import { DemoMediaMaker } from './demo-media.maker';

type IdsBySlug = { items: Map<string, string>; memorials: Map<string, string> };
/** The names carved on one demo memorial, seeded as people once every other record is. */
type Names = { country: CountryEntity; memorialId: string; people: DemoPerson[] };

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

/** A demo record of a country; its id made here, not by the database, so a recording of the demo (tests/golden) names records in a fixed order. */
function demoRecord(country: CountryEntity, input: { slug: string }) {
  return { countryId: country.id, input, id: randomUUID() };
}

/** A name carved on a demo memorial as a person record linked to it, their display name the name as written. */
function demoPerson(country: CountryEntity, person: DemoPerson, memorialId: string, slug: string) {
  return personInputSchema.parse({
    slug,
    name: person.name,
    title: { [country.defaultLanguage]: { text: person.name, status: 'original' } },
    variants: person.variants ?? [],
    ...(person.birthYear ? { birth: { date: String(person.birthYear) } } : {}),
    ...(person.deathYear ? { death: { date: String(person.deathYear) } } : {}),
    ...(person.rank ? { rank: person.rank } : {}),
    ...(person.unit ? { unit: person.unit } : {}),
    fate: person.deathYear ? 'killed' : 'unknown',
    memorials: [{ memorialId, role: 'commemorated' }],
  });
}

/**
 * Fills an empty installation with a small, clearly marked demo museum, all
 * of it published, so a newcomer sees a living site. Runs only outside
 * production and only while no curated record exists yet.
 */
@Injectable()
export class DemoContentSeeder {
  private readonly logger = new Logger(DemoContentSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly images: DemoMediaMaker,
  ) {}

  async seed(): Promise<void> {
    for (const kind of Object.values(RECORD_KINDS)) if (await this.db.getRepository(kind.entity).exists()) return;
    const countries = new Map<string, CountryEntity>();
    for (const demo of DEMO_CONTENT) {
      const country = await this.db.getRepository(CountryEntity).findOneBy({ slug: demo.countrySlug });
      if (country) countries.set(demo.countrySlug, country);
    }
    // Pictures first: they go through the store and the queue, which a transaction cannot cover.
    const pictured: DemoCountryContent[] = [];
    for (const demo of DEMO_CONTENT) {
      const country = countries.get(demo.countrySlug);
      if (country) pictured.push(this.config.seedDemoMedia ? await this.images.illustrate(country.id, demo) : demo);
    }
    await this.db.transaction(async (tx) => {
      const names: Names[] = [];
      for (const demo of pictured) names.push(...(await this.seedCountry(tx, countries.get(demo.countrySlug)!, demo)));
      // People last: every other demo record keeps the id it had before people were records (tests/golden names them in order).
      await this.seedPeople(tx, names);
    });
  }

  /** The names on each demo memorial as person records linked to it, published. */
  private async seedPeople(tx: EntityManager, names: Names[]): Promise<void> {
    const publishedAt = new Date();
    const slugs = new Map<string, Set<string>>();
    for (const { country, memorialId, people } of names) {
      const taken = slugs.get(country.id) ?? new Set<string>();
      slugs.set(country.id, taken);
      for (const person of people) {
        const base = slugify(person.name) || 'person';
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        taken.add(slug);
        await insertPublished(tx, RECORD_KINDS.person, demoRecord(country, demoPerson(country, person, memorialId, slug)), publishedAt);
      }
    }
  }

  private async seedCountry(tx: EntityManager, country: CountryEntity, demo: DemoCountryContent): Promise<Names[]> {
    await tx.getRepository(CountryEntity).update({ id: country.id }, { intro: demo.intro });
    const publishedAt = new Date();
    const ids: IdsBySlug = { items: new Map(), memorials: new Map() };
    for (const input of demo.items) {
      const document = itemInputSchema.parse(input);
      ids.items.set(document.slug, await insertPublished(tx, RECORD_KINDS.item, demoRecord(country, document), publishedAt));
    }
    const names: Names[] = [];
    for (const { people = [], ...input } of demo.memorials) {
      const document = memorialInputSchema.parse(input);
      const memorialId = await insertPublished(tx, RECORD_KINDS.memorial, demoRecord(country, document), publishedAt);
      ids.memorials.set(document.slug, memorialId);
      names.push({ country, memorialId, people });
    }
    for (const demoExhibition of demo.exhibitions) {
      const { coverItemSlug, sections, ...rest } = demoExhibition;
      const exhibition = exhibitionInputSchema.parse({
        ...rest,
        coverItemId: coverItemSlug ? ids.items.get(coverItemSlug) : undefined,
        sections: sections.map((section) => ({ ...section, blocks: section.blocks.map((b) => resolveBlock(b, ids)) })),
      });
      await insertPublished(tx, RECORD_KINDS.exhibition, demoRecord(country, exhibition), publishedAt);
    }
    this.logger.log(`seeded demo content for ${demo.countrySlug}`);
    return names;
  }
}
