import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { COLLECTIONS, type Collection } from '@vitrina/contracts';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { ContentRecordEntity } from '../content/content-record.entity';
import type { ExhibitionEntity } from '../content/kinds/exhibition.entity';
import type { ItemEntity } from '../content/kinds/item.entity';
import type { MemorialEntity } from '../content/kinds/memorial.entity';
import type { PersonEntity } from '../content/kinds/person.entity';
import { LiveRecords } from '../content/live-records';
import { isPersonPublic } from '../content/person-views';
import { itemLocation } from '../content/public-views';
import { CountriesService } from '../countries/countries.service';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import { type ManifestCountry, type ManifestSource, isCanvasImage } from './iiif/manifest';
import { itemMetadata, memorialMetadata, personMetadata } from './iiif/metadata';

interface LiveRecordOf {
  items: ItemEntity;
  memorials: MemorialEntity;
  people: PersonEntity;
  exhibitions: ExhibitionEntity;
}

/** A live record ready to be described: the museum that holds it, the record as approved, and what its manifest shows. */
export type DescribedRecord = {
  [C in Collection]: { collection: C; record: LiveRecordOf[C]; country: ManifestCountry; source: ManifestSource };
}[Collection];
export type DescribedRecordOf<C extends Collection> = Extract<DescribedRecord, { collection: C }>;

const assetIds = (media: { assetId: string }[] | undefined) => (media ?? []).map((m) => m.assetId);
const mediaIds = (record: { content: { media?: { assetId: string }[] } }) => assetIds(record.content.media);

/**
 * The live records IIIF manifests describe, read as visitors see them: the
 * approved revision, its approved media texts, no withdrawn file, no person
 * privacy of the living hides.
 */
@Injectable()
export class DescribedRecords {
  constructor(
    private readonly live: LiveRecords,
    private readonly countries: CountriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async country(countryId: string): Promise<ManifestCountry> {
    const { slug, names, defaultLanguage } = await this.countries.findEntity(countryId);
    return { slug, names, defaultLanguage };
  }

  /** The shown images among `ids`, in that order, each once. */
  private async images(countryId: string, ids: string[], records: Iterable<ContentRecordEntity<object>>): Promise<MediaAssetEntity[]> {
    const unique = [...new Set(ids)];
    const found = await this.live.assetsOf(countryId, unique, records);
    return unique.flatMap((id) => found.get(id) ?? []).filter(isCanvasImage);
  }

  /** The live record at a page's address (`/{country}/{collection}/{slug}`). */
  async describeBySlug(countrySlug: string, collection: Collection, slug: string): Promise<DescribedRecord> {
    const country = await this.live.country(countrySlug);
    const record = await this.live.bySlug(COLLECTIONS[collection], country.id, slug);
    return this.describe(collection, record.id);
  }

  async describe(collection: Collection, id: string): Promise<DescribedRecord> {
    switch (collection) {
      case 'items':
        return this.item(id);
      case 'memorials':
        return this.memorial(id);
      case 'people':
        return this.person(id);
      case 'exhibitions':
        return this.exhibition(id);
    }
  }

  async item(id: string): Promise<DescribedRecordOf<'items'>> {
    const item = await this.live.byId('item', id);
    const { content } = item;
    return {
      collection: 'items',
      record: item,
      country: await this.country(item.countryId),
      source: {
        collection: 'items',
        id: item.id,
        slug: item.slug,
        title: content.title,
        summary: content.description,
        rights: content.rights,
        creditLine: content.creditLine,
        location: itemLocation(item),
        metadata: itemMetadata(item),
        images: await this.images(item.countryId, mediaIds(item), [item]),
      },
    };
  }

  private async memorial(id: string): Promise<DescribedRecordOf<'memorials'>> {
    const memorial = await this.live.byId('memorial', id);
    const { content } = memorial;
    return {
      collection: 'memorials',
      record: memorial,
      country: await this.country(memorial.countryId),
      source: {
        collection: 'memorials',
        id: memorial.id,
        slug: memorial.slug,
        title: content.title,
        summary: content.description,
        rights: content.rights,
        creditLine: content.creditLine,
        location: content.location,
        metadata: memorialMetadata(memorial),
        // Its photographs, then those of its history (a restoration's before and after).
        images: await this.images(memorial.countryId, [...mediaIds(memorial), ...(content.events ?? []).flatMap((event) => assetIds(event.media))], [memorial]),
      },
    };
  }

  /** A person's photographs and documents; 404 for a person privacy of the living hides, as for their page. */
  private async person(id: string): Promise<DescribedRecordOf<'people'>> {
    const person = await this.live.byId('person', id);
    if (!isPersonPublic(person.content, this.config.people.livingPrivacyYears)) throw new NotFoundException('No such person');
    return {
      collection: 'people',
      record: person,
      country: await this.country(person.countryId),
      source: {
        collection: 'people',
        id: person.id,
        slug: person.slug,
        title: person.content.title,
        metadata: personMetadata(person),
        images: await this.images(person.countryId, mediaIds(person), [person]),
      },
    };
  }

  /**
   * An exhibition's images in story order: its cover, then each section's
   * item, gallery and media blocks; each section is a range. A map block's
   * points are places, not pictures of the story, so they add no canvas.
   */
  private async exhibition(id: string): Promise<DescribedRecordOf<'exhibitions'>> {
    const exhibition = await this.live.byId('exhibition', id);
    const { content } = exhibition;
    const itemIds = storyItemIds(content);
    const items = await this.live.byIds('item', exhibition.countryId, itemIds);
    const imagesOf = (itemId: string) => (items.has(itemId) ? mediaIds(items.get(itemId)!) : []);
    const sections = (content.sections ?? []).map((section) => ({
      id: section.id,
      title: section.title,
      assetIds: section.blocks.flatMap((block) => {
        if (block.type === 'item') return imagesOf(block.itemId);
        if (block.type === 'gallery') return block.itemIds.flatMap(imagesOf);
        if (block.type === 'media') return block.assetIds;
        return [];
      }),
    }));
    // The exhibition's own texts win over its items' for a file both show: the story is told here.
    const records: ContentRecordEntity<object>[] = [...items.values(), exhibition];
    const story = await this.images(exhibition.countryId, sections.flatMap((section) => section.assetIds), records);
    const coverCandidates = content.coverMediaId ? [content.coverMediaId] : content.coverItemId ? imagesOf(content.coverItemId) : [];
    const [cover] = await this.images(exhibition.countryId, coverCandidates, records);
    return {
      collection: 'exhibitions',
      record: exhibition,
      country: await this.country(exhibition.countryId),
      source: {
        collection: 'exhibitions',
        id: exhibition.id,
        slug: exhibition.slug,
        title: content.title,
        summary: content.summary,
        metadata: [],
        images: cover ? [cover, ...story.filter((asset) => asset.id !== cover.id)] : story,
        sections,
      },
    };
  }
}

/** The items an exhibition's story shows as pictures: its cover item, item and gallery blocks. */
function storyItemIds(content: ExhibitionEntity['content']): string[] {
  const ids = content.coverItemId ? [content.coverItemId] : [];
  for (const section of content.sections ?? []) {
    for (const block of section.blocks) {
      if (block.type === 'item') ids.push(block.itemId);
      if (block.type === 'gallery') ids.push(...block.itemIds);
    }
  }
  return [...new Set(ids)];
}
