import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  type ContentLanguage,
  type PublicCountryHome,
  type PublicItem,
  type PublicMemorial,
  type PublicMemorialPoints,
  type PublicPerson,
  RECORD_KINDS,
  type RecordType,
  apiRoutes,
} from '@vitrina/contracts';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { isPersonPublic, linkedMemorialIds, personPageMediaIds, presentMemorialPerson, presentPerson } from '../content/person-views';
import { type Card, ItemCards, partOf } from './item-cards';
import { ExhibitionOutline } from './exhibition-outline';
import type { ItemEntity } from '../content/kinds/item.entity';
import type { ExhibitionEntity } from '../content/kinds/exhibition.entity';
import type { AssetsById } from '../content/media-views';
import { exhibitionMediaIds } from '../content/media-views';
import {
  Reader,
  exhibitionReferences,
  presentExhibitionSummary,
  presentItem,
  presentItemSummary,
  presentMemorial,
  presentItemPoint,
  presentMemorialPoint,
} from '../content/public-views';
import { readerLanguage } from '../../infra/http/reader-language';
import { JsonText } from '../../infra/http/json-text';
import { MovedPermanently } from '../../infra/http/moved-permanently';
import type { PageSources } from '../../infra/http/page-sources';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { LiveRecords } from '../content/live-records';
import { ExhibitionPlans, type ShownPage } from './exhibition-plans';

const RECENT_ITEMS = 12;
const MAP_POINTS_LIMIT = 5_000;
/** Reader languages whose cards and points an exhibition's plan keeps (visitors read in one or two). */
const PAGE_CARD_LANGUAGES = 2;

export interface ReaderRequest {
  lang?: ContentLanguage;
  acceptLanguage?: string;
  /** Told what the page is made of, for the page cache; pages read by no cache leave it out. */
  sources?: PageSources;
}

/** A page's parts kept for the reader's languages, if the page keeps them for that many languages. */
function keptFor<T>(byLanguages: Map<string, Map<string, T>>, reader: Reader): Map<string, T> | undefined {
  const languages = `${reader.lang} ${reader.country.defaultLanguage}`;
  let kept = byLanguages.get(languages);
  if (!kept && byLanguages.size < PAGE_CARD_LANGUAGES) byLanguages.set(languages, (kept = new Map()));
  return kept;
}

function readerOf(country: CountryEntity, request: ReaderRequest): Reader {
  return new Reader(readerLanguage(request.lang, request.acceptLanguage, country.defaultLanguage), country);
}

/** The sitemap lists exhibitions first: they are a museum's front door. */
const SITEMAP_ORDER = ['exhibition', 'item', 'memorial', 'person'] as const satisfies readonly RecordType[];

/** The visitor's view: live revisions only, texts resolved for the reader. */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly countries: CountriesService,
    private readonly live: LiveRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cards = new ItemCards(live);
  }

  /** Item cards of exhibition pages, made once per version of what they show. */
  readonly cards: ItemCards;
  /** What each exhibition's last page was made of: what its next page reads in its first query. */
  readonly plans = new ExhibitionPlans();

  private async reader(countrySlug: string, request: ReaderRequest): Promise<Reader> {
    return readerOf(await this.live.country(countrySlug), request);
  }

  async home(countrySlug: string, request: ReaderRequest): Promise<PublicCountryHome> {
    const reader = await this.reader(countrySlug, request);
    const country = reader.country;
    const [exhibitions, recentItems] = await Promise.all([
      this.live.list('exhibition', country.id, { order: { publishedAt: 'DESC', id: 'ASC' } }),
      this.live.list('item', country.id, { order: { publishedAt: 'DESC', id: 'ASC' }, take: RECENT_ITEMS }),
    ]);
    const covers = await this.live.byIds('item', country.id, exhibitions.flatMap((e) => e.content.coverItemId ?? []));
    const shown = [...exhibitions, ...covers.values(), ...recentItems];
    const assetIds = exhibitionMediaIds(exhibitions, [...covers.values(), ...recentItems]);
    // Every record shown is one of the country's: its lists' tag covers them all.
    request.sources?.listsOf(country.id).assets(assetIds);
    const assets = await this.live.assetsOf(country.id, assetIds, shown);
    return {
      country: {
        ...reader.countryRef(),
        defaultLanguage: country.defaultLanguage,
        languages: country.languages,
        intro: reader.text(country.intro),
      },
      exhibitions: exhibitions.map((exhibition) => presentExhibitionSummary(reader, exhibition, covers, assets)),
      recentItems: recentItems.map((item) => presentItemSummary(reader, item, assets)),
    };
  }

  /**
   * The points of the country page's map: the country's first MAP_POINTS_LIMIT
   * live memorials by slug. Apart from the page, whose answer they made large
   * (a million records give a country tens of thousands of memorials).
   */
  async memorialPoints(countrySlug: string, request: ReaderRequest): Promise<PublicMemorialPoints> {
    const reader = await this.reader(countrySlug, request);
    const country = reader.country;
    // Every point is one of the country's live memorials: its lists' tag covers them all.
    request.sources?.listsOf(country.id);
    const memorials = await this.live.memorialPoints(country.id, MAP_POINTS_LIMIT);
    return { items: memorials.map((memorial) => presentMemorialPoint(reader, memorial)) };
  }

  async item(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicItem> {
    const { country, record: item } = await this.live.countryAndRecord(countrySlug, 'item', slug);
    const reader = readerOf(country, request);
    request.sources?.records([item.id]).assets(item.mediaIds);
    return presentItem(reader, item, await this.live.assetsOf(reader.country.id, item.mediaIds, [item]));
  }

  async memorial(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicMemorial> {
    const { country, record: memorial } = await this.live.countryAndRecord(countrySlug, 'memorial', slug);
    const reader = readerOf(country, request);
    // It lists the country's live people linked to it: a person linked (or unlinked) anywhere refreshes it.
    request.sources?.records([memorial.id]).assets(memorial.mediaIds).listsOf(country.id);
    const [assets, linked] = await Promise.all([
      this.live.assetsOf(reader.country.id, memorial.mediaIds, [memorial]),
      this.live.peopleOf(country.id, memorial.id),
    ]);
    const people = linked
      .filter((person) => this.isPublic(person.content))
      .sort((a, b) => a.content.name.localeCompare(b.content.name, 'ru') || a.slug.localeCompare(b.slug))
      .map((person) => presentMemorialPerson(reader, person, memorial.id));
    return presentMemorial(reader, memorial, assets, people);
  }

  /** Privacy of the living (PEOPLE_LIVING_PRIVACY_YEARS): see isPersonPublic. */
  private isPublic(person: Parameters<typeof isPersonPublic>[0]): boolean {
    return isPersonPublic(person, this.config.people.livingPrivacyYears);
  }

  /** A person's page, with each live memorial they are linked to and its current condition; 404 for a person privacy hides. */
  async person(countrySlug: string, slug: string, request: ReaderRequest): Promise<PublicPerson> {
    const { country, record: person } = await this.live.countryAndRecord(countrySlug, 'person', slug).catch(async (error: unknown) => {
      // The address of a person merged into another leads to them (301), wherever it was shared.
      const moved = error instanceof NotFoundException && error.message === 'No such person' ? await this.live.mergedPersonAddress(countrySlug, slug) : null;
      if (moved === null) throw error;
      throw new MovedPermanently(apiRoutes.public.record('people', countrySlug, moved, request.lang ? { lang: request.lang } : undefined).path);
    });
    request.sources?.records([person.id]);
    if (!this.isPublic(person.content)) throw new NotFoundException('No such person');
    const reader = readerOf(country, request);
    const memorialIds = linkedMemorialIds(person.content);
    const memorials = await this.live.byIds('memorial', country.id, memorialIds);
    const assetIds = personPageMediaIds(person, memorials.values());
    request.sources?.records(memorialIds).assets(assetIds);
    // The person's own approved texts win over a memorial's for a file both show.
    const assets = await this.live.assetsOf(country.id, assetIds, [...memorials.values(), person]);
    return presentPerson(reader, person, memorials, assets);
  }

  /**
   * The page's JSON (a PublicExhibition), its item cards spliced in as kept
   * by ItemCards. One round trip to the database when nothing changed: the
   * country and the exhibition's key with the keys of the records and media
   * its plan names (its last page's); when those keys are all as they were,
   * the records and files of the last page are shown again.
   */
  async exhibition(countrySlug: string, slug: string, request: ReaderRequest): Promise<JsonText> {
    const plan = this.plans.get(countrySlug, slug);
    const also = plan && { items: plan.itemIds, memorials: plan.memorialIds, assets: plan.assetIds };
    const { country, record: exhibition, keys } = await this.live.countryAndRecord(countrySlug, 'exhibition', slug, also);
    const reader = readerOf(country, request);
    const exhibitionKey = this.live.recordKey(exhibition);
    // The plan's ids are the exhibition's references while its key is the plan's.
    const planned = plan !== undefined && keys !== undefined && exhibitionKey === plan.exhibitionKey;
    const { itemIds, memorialIds } = planned ? plan : exhibitionReferences(exhibition.content);
    request.sources?.records([exhibition.id, ...itemIds, ...memorialIds]);
    let shown = planned && plan.shown?.fingerprint === keys.fingerprint ? plan.shown : undefined;
    // Kept only with a page read as keyed, so every id of the plan is what that page showed.
    let assetIds = shown ? plan!.assetIds : [];
    if (!shown) {
      const read = planned ? keys.parsed() : undefined;
      const { items, memorials, assetKeys } = read
        ? { ...(await this.live.recordsOf(country.id, read)), assetKeys: read.assets }
        : await this.live.shownWith(country.id, { items: itemIds, memorials: memorialIds, assets: plan?.assetIds ?? [] });
      assetIds = exhibitionMediaIds([exhibition], items.values());
      // The exhibition's own approved texts win over those of its items for a file both show.
      const assets = await this.live.assetsOf(country.id, assetIds, [...items.values(), exhibition], assetKeys);
      shown = { items, memorials, assets, fingerprint: keys?.fingerprint ?? '', cards: new Map(), points: new Map(), outlines: new Map() };
      if (exhibitionKey !== undefined) {
        const kept = planned && this.readAsKeyed(shown, assetIds, assetKeys.asked) ? shown : undefined;
        this.plans.set(countrySlug, slug, { exhibitionKey, itemIds, memorialIds, assetIds, shown: kept });
      }
    }
    request.sources?.assets(assetIds);
    const cards = this.cardsOf(shown, reader);
    const page = this.outlineOf(shown, reader, exhibition).page(reader, exhibition, { ...shown, card: (item) => cards(item, shown.assets), point: this.pointsOf(shown, reader) });
    return new JsonText(page.bytes, page.etag);
  }

  /**
   * How a page's item cards are made: from ItemCards, each kept with the
   * page's records for the reader's languages (for PAGE_CARD_LANGUAGES of
   * them at most, so a plan pins few cards besides its records).
   */
  private cardsOf(shown: ShownPage, reader: Reader): (item: ItemEntity, assets: AssetsById) => Card {
    const kept = keptFor(shown.cards, reader);
    if (!kept) return (item, assets) => this.cards.card(reader, item, assets);
    return (item, assets) => {
      let card = kept.get(item.id);
      if (!card) kept.set(item.id, (card = this.cards.card(reader, item, assets)));
      return card;
    };
  }

  /** How a page's items' points on its maps are made: each made once per page and reader's languages, as cards are. */
  private pointsOf(shown: ShownPage, reader: Reader): (item: ItemEntity) => Card | null {
    const kept = keptFor(shown.points, reader) ?? new Map<string, Card | null>();
    return (item) => {
      let part = kept.get(item.id);
      if (part === undefined) {
        const point = presentItemPoint(reader, item);
        kept.set(item.id, (part = point && partOf(point)));
      }
      return part;
    };
  }

  /**
   * The exhibition's outline for the reader's languages, kept with the page
   * (whose exhibition is the plan's, of the same key) as its cards are.
   */
  private outlineOf(shown: ShownPage, reader: Reader, exhibition: ExhibitionEntity): ExhibitionOutline {
    const kept = keptFor(shown.outlines, reader);
    let outline = kept?.get(exhibition.id);
    if (!outline) {
      outline = new ExhibitionOutline(reader, exhibition);
      kept?.set(exhibition.id, outline);
    }
    return outline;
  }

  /**
   * Whether a page's records and files are those its keys name (so that the
   * same keys read again mean the same page): every record and file kept
   * under its key, and the files shown exactly those whose keys were read.
   */
  private readAsKeyed(page: ShownPage, assetIds: string[], asked: Set<string>): boolean {
    if (assetIds.length !== asked.size || !assetIds.every((id) => asked.has(id))) return false;
    for (const record of [...page.items.values(), ...page.memorials.values()]) if (this.live.recordKey(record) === undefined) return false;
    for (const asset of page.assets.values()) if (this.live.assetVersion(asset) === undefined) return false;
    return true;
  }

  /** Every published page, for the sitemap. */
  async publishedPages(): Promise<{ path: string; updatedAt: Date }[]> {
    const countries = await this.countries.list();
    const pages: { path: string; updatedAt: Date }[] = [{ path: '/', updatedAt: new Date(0) }];
    const slugById = new Map(countries.map((c) => [c.id, c.slug]));
    for (const country of countries) pages.push({ path: `/${country.slug}`, updatedAt: new Date(0) });
    for (const type of SITEMAP_ORDER) {
      // By id (the primary key's index, no sort): one order however the rows lie on disk.
      for (const record of await this.live.list(type, undefined, { order: { id: 'ASC' } })) {
        if (type === 'person' && !this.isPublic((record as { content: Parameters<typeof isPersonPublic>[0] }).content)) continue;
        pages.push({ path: `/${slugById.get(record.countryId)}/${RECORD_KINDS[type].collection}/${record.slug}`, updatedAt: record.updatedAt });
      }
    }
    return pages;
  }
}
