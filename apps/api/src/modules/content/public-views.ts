import type {
  ContentLanguage,
  ExhibitionBlock,
  GeoPoint,
  LocalizedLabel,
  LocalizedText,
  PublicBlock,
  PublicCountryRef,
  PublicDate,
  PublicExhibition,
  PublicExhibitionSummary,
  PublicItem,
  PublicItemSummary,
  PublicMapPoint,
  PublicMemorial,
  PublicMemorialPerson,
  ResolvedText,
} from '@vitrina/contracts';
import { resolveLabel, resolveText } from '@vitrina/contracts';
import type { CountryEntity } from '../countries/country.entity';
import type { ExhibitionEntity } from './kinds/exhibition.entity';
import type { ItemEntity } from './kinds/item.entity';
import type { MemorialEntity } from './kinds/memorial.entity';
import { type AssetsById, presentCardImage, presentMedia } from './media-views';

export type { AssetsById } from './media-views';

/** Resolves texts for one reader of one country. */
export class Reader {
  constructor(
    readonly lang: ContentLanguage,
    readonly country: CountryEntity,
  ) {}

  text(map: LocalizedText | undefined | null): ResolvedText | null {
    return resolveText(map, this.lang, this.country.defaultLanguage);
  }

  label(map: LocalizedLabel | undefined | null): string | null {
    return resolveLabel(map, this.lang, this.country.defaultLanguage);
  }

  /** Titles are required, so one always resolves unless every version is a machine draft. */
  title(map: LocalizedText): ResolvedText {
    return this.text(map) ?? { text: '—', lang: this.lang, status: 'original', fallback: false };
  }

  countryRef(): PublicCountryRef {
    return { slug: this.country.slug, name: this.title(toLocalized(this.country.names)) };
  }
}

/** Country names are stored as plain per-language strings; they are all originals. */
export function toLocalized(names: Partial<Record<string, string>>): LocalizedText {
  return Object.fromEntries(
    Object.entries(names).map(([lang, text]) => [lang, { text: text!, status: 'original' as const }]),
  ) as LocalizedText;
}

function presentDate(reader: Reader, date: ItemEntity['content']['date']): PublicDate | null {
  if (!date) return null;
  return { earliest: date.earliest ?? null, latest: date.latest ?? null, circa: date.circa ?? false, display: reader.text(date.display) };
}

export function presentItemSummary(reader: Reader, item: ItemEntity, assets: AssetsById): PublicItemSummary {
  return {
    id: item.id,
    slug: item.slug,
    kind: item.kind as PublicItemSummary['kind'],
    title: reader.title(item.content.title),
    date: presentDate(reader, item.content.date),
    place: reader.text(item.content.place),
    image: presentCardImage(reader, item.content.media, assets),
  };
}

function heritageDetails(reader: Reader, record: ItemEntity | MemorialEntity, assets: AssetsById) {
  const content = record.content;
  return {
    media: presentMedia(reader, content.media, assets),
    country: reader.countryRef(),
    description: reader.text(content.description),
    creator: reader.text(content.creator),
    materials: reader.text(content.materials),
    dimensions: content.dimensions ?? null,
    provenance: reader.text(content.provenance),
    creditLine: reader.text(content.creditLine),
    rights: content.rights ?? null,
    inventoryNumber: content.inventoryNumber ?? null,
    tags: (content.tags ?? []).flatMap((tag) => reader.label(tag) ?? []),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Items may have no place on the map; memorials always have one. */
export function itemLocation(item: ItemEntity): GeoPoint | null {
  return item.lat !== null && item.lng !== null ? { lat: item.lat, lng: item.lng } : null;
}

export function presentItem(reader: Reader, item: ItemEntity, assets: AssetsById): PublicItem {
  return {
    ...presentItemSummary(reader, item, assets),
    ...heritageDetails(reader, item, assets),
    location: itemLocation(item),
  };
}

function mapPoint(
  reader: Reader,
  type: PublicMapPoint['type'],
  record: ItemEntity | MemorialEntity,
  location: GeoPoint,
  condition: PublicMapPoint['condition'],
): PublicMapPoint {
  return { type, id: record.id, slug: record.slug, title: reader.title(record.content.title), location, kind: record.kind, condition };
}

/** A memorial's point on a map, from the few fields LiveRecords.memorialPoints() reads. */
export function presentMemorialPoint(
  reader: Reader,
  point: { id: string; slug: string; kind: string; title: LocalizedText; lat: number; lng: number; condition: PublicMapPoint['condition'] },
): PublicMapPoint {
  const { id, slug, kind, title, lat, lng, condition } = point;
  return { type: 'memorial', id, slug, title: reader.title(title), location: { lat, lng }, kind, condition };
}

export function presentItemPoint(reader: Reader, item: ItemEntity): PublicMapPoint | null {
  const location = itemLocation(item);
  return location ? mapPoint(reader, 'item', item, location, null) : null;
}

const byDateDescending = (a: { date: string }, b: { date: string }) => b.date.localeCompare(a.date);

/** `people`: the live, public people linked to the memorial (LiveRecords.peopleOf), already presented. */
export function presentMemorial(reader: Reader, memorial: MemorialEntity, assets: AssetsById, people: PublicMemorialPerson[] = []): PublicMemorial {
  const content = memorial.content;
  const surveys = [...(content.conditionSurveys ?? [])].sort(byDateDescending).map((survey) => ({
    date: survey.date,
    condition: survey.condition,
    note: reader.text(survey.note),
    surveyor: survey.surveyor ?? null,
  }));
  return {
    id: memorial.id,
    slug: memorial.slug,
    kind: memorial.kind as PublicMemorial['kind'],
    title: reader.title(content.title),
    date: presentDate(reader, content.date),
    place: reader.text(content.place),
    image: presentCardImage(reader, content.media, assets),
    ...heritageDetails(reader, memorial, assets),
    location: { lat: memorial.lat, lng: memorial.lng },
    address: reader.text(content.address),
    unveilingDate: content.unveilingDate ?? null,
    inscriptions: (content.inscriptions ?? []).map((inscription) => ({
      original: inscription.original,
      originalLanguage: inscription.originalLanguage ?? null,
      translation: reader.text(inscription.translations),
    })),
    people,
    conditionSurveys: surveys,
    condition: surveys[0]?.condition ?? null,
    events: [...(content.events ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((event) => ({
        date: event.date,
        type: event.type,
        description: reader.text(event.description),
        actor: event.actor ?? null,
        media: presentMedia(reader, event.media, assets),
      })),
  };
}

/** The records an exhibition may show: for visitors only published ones, for a preview drafts too. */
export interface ExhibitionContext {
  items: Map<string, ItemEntity>;
  memorials: Map<string, MemorialEntity>;
  /** The exhibition's own media and the card images of its items. */
  assets: AssetsById;
  /** How an item's card is made, when not by presentItemSummary (a page splicing cards made before). */
  card?: (item: ItemEntity, assets: AssetsById) => PublicItemSummary;
  /** How an item's point on a map is made, when not by presentItemPoint (a page splicing points made before). */
  point?: (item: ItemEntity) => PublicMapPoint | null;
  /** How a block is shown, when not by presentBlock (a page outline standing in for each block). */
  block?: (block: ExhibitionBlock) => PublicBlock | null;
}

export function presentBlock(reader: Reader, block: ExhibitionBlock, context: ExhibitionContext): PublicBlock | null {
  const item = (id: string) => context.items.get(id);
  const summary = (found: ItemEntity) => (context.card ? context.card(found, context.assets) : presentItemSummary(reader, found, context.assets));
  const summaries = (ids: string[]) => ids.flatMap((id) => (item(id) ? [summary(item(id)!)] : []));
  switch (block.type) {
    case 'text':
      return { id: block.id, type: 'text', body: reader.text(block.body) };
    case 'quote':
      return { id: block.id, type: 'quote', text: reader.text(block.text), attribution: reader.text(block.attribution) };
    case 'item': {
      const found = item(block.itemId);
      if (!found) return null;
      return { id: block.id, type: 'item', item: summary(found), caption: reader.text(block.caption) };
    }
    case 'gallery': {
      const items = summaries(block.itemIds);
      return items.length ? { id: block.id, type: 'gallery', items, caption: reader.text(block.caption) } : null;
    }
    case 'map': {
      const memorialPoints = (block.memorialIds ?? []).flatMap((id) => {
        const memorial = context.memorials.get(id);
        return memorial ? [presentMemorialPoint(reader, { ...memorial, title: memorial.content.title })] : [];
      });
      const itemPoints = (block.itemIds ?? []).flatMap((id) => {
        const found = item(id);
        const point = found ? (context.point ? context.point(found) : presentItemPoint(reader, found)) : null;
        return point ? [point] : [];
      });
      const points = [...memorialPoints, ...itemPoints];
      return points.length ? { id: block.id, type: 'map', points, caption: reader.text(block.caption) } : null;
    }
    case 'media': {
      const media = presentMedia(reader, block.assetIds.map((assetId) => ({ assetId })), context.assets);
      return media.length ? { id: block.id, type: 'media', media, caption: reader.text(block.caption) } : null;
    }
  }
}

export function presentExhibitionSummary(
  reader: Reader,
  exhibition: ExhibitionEntity,
  items: Map<string, ItemEntity>,
  assets: AssetsById,
): PublicExhibitionSummary {
  const content = exhibition.content;
  const coverItem = content.coverItemId ? items.get(content.coverItemId) : undefined;
  const cover = coverItem ? presentItemSummary(reader, coverItem, assets) : null;
  const ownCover = content.coverMediaId ? presentCardImage(reader, [{ assetId: content.coverMediaId }], assets) : null;
  return {
    id: exhibition.id,
    slug: exhibition.slug,
    title: reader.title(content.title),
    summary: reader.text(content.summary),
    cover,
    coverImage: ownCover ?? cover?.image ?? null,
  };
}

/** Blocks pointing at records the reader may not see are left out, never shown half. */
export function presentExhibition(reader: Reader, exhibition: ExhibitionEntity, context: ExhibitionContext): PublicExhibition {
  return { ...presentExhibitionHead(reader, exhibition, context), ...presentExhibitionBody(reader, exhibition, context) };
}

/** An exhibition page's fields before its sections: what it shows of other records, its cover, and its country. */
export function presentExhibitionHead(reader: Reader, exhibition: ExhibitionEntity, context: ExhibitionContext) {
  return { ...presentExhibitionSummary(reader, exhibition, context.items, context.assets), country: reader.countryRef() };
}

/** An exhibition page's sections and its date: its own texts, and its blocks as presentBlock (or `context.block`) shows them. */
export function presentExhibitionBody(reader: Reader, exhibition: ExhibitionEntity, context: ExhibitionContext): Pick<PublicExhibition, 'sections' | 'updatedAt'> {
  const present = context.block ?? ((block: ExhibitionBlock) => presentBlock(reader, block, context));
  return {
    sections: (exhibition.content.sections ?? []).map((section) => ({
      id: section.id,
      title: reader.text(section.title),
      blocks: section.blocks.flatMap((block) => {
        const presented = present(block);
        return presented ? [presented] : [];
      }),
    })),
    updatedAt: exhibition.updatedAt.toISOString(),
  };
}

/** Ids of every item and memorial an exhibition refers to. */
export function exhibitionReferences(content: ExhibitionEntity['content']): { itemIds: string[]; memorialIds: string[] } {
  const itemIds = new Set<string>();
  const memorialIds = new Set<string>();
  if (content.coverItemId) itemIds.add(content.coverItemId);
  for (const section of content.sections ?? []) {
    for (const block of section.blocks) {
      if (block.type === 'item') itemIds.add(block.itemId);
      if (block.type === 'gallery') block.itemIds.forEach((id) => itemIds.add(id));
      if (block.type === 'map') {
        (block.itemIds ?? []).forEach((id) => itemIds.add(id));
        (block.memorialIds ?? []).forEach((id) => memorialIds.add(id));
      }
    }
  }
  return { itemIds: [...itemIds], memorialIds: [...memorialIds] };
}
