import type { ItemEntity } from '../content/kinds/item.entity';
import type { MemorialEntity } from '../content/kinds/memorial.entity';
import { LiveRowMemo } from '../content/live-row-memo';
import type { AssetsById } from '../content/media-views';
import type { Card } from './item-cards';
import type { ExhibitionOutline } from './exhibition-outline';

/** Plans kept, and the records and files they may name in all (each plan's page pins what it showed). */
export const PLAN_ENTRIES = 1_000;
export const PLAN_RECORDS = 10_000;
/** What an id counts for in the bound (a uuid string's bytes, about), so that the plans' keys count too. */
const ID_BYTES = 40;

/**
 * What an exhibition's page was made of, for its next page on a miss: the
 * ids its records and media are read by, guessed from the last page so that
 * their keys come with the exhibition's in one round trip to the database.
 * A plan is only ever a guess checked in that same query: used only while the
 * exhibition's live key is the one it was made for, and its page's records
 * and files only while every key read is the one they were read under.
 */
export interface ExhibitionPlan {
  /** The exhibition's live key (LiveRecords.recordKey) the ids were read from. */
  exhibitionKey: string;
  itemIds: string[];
  memorialIds: string[];
  /** The media the page showed: the exhibition's own and its items' card images. */
  assetIds: string[];
  /** What the page showed when the keys of those ids read as `fingerprint` (ShownKeys). */
  shown?: ShownPage;
}

export interface ShownPage {
  fingerprint: string;
  items: Map<string, ItemEntity>;
  memorials: Map<string, MemorialEntity>;
  assets: AssetsById;
  /** The item cards made for this page, by reader and default language, then item id (two languages at most). */
  cards: Map<string, Map<string, Card>>;
  /** Its items' points on its maps likewise (null: an item without a place). */
  points: Map<string, Map<string, Card | null>>;
  /** The exhibition's outline likewise, by its id (a page's exhibition is the plan's, of the plan's key). */
  outlines: Map<string, Map<string, ExhibitionOutline>>;
}

const sizeOf = (plan: ExhibitionPlan) => ID_BYTES * (plan.itemIds.length + plan.memorialIds.length + plan.assetIds.length);

/**
 * Exhibition plans by country and exhibition slug, least recently used first
 * out, bounded by count and by the records and files they name. Nothing needs
 * dropping when content changes: a changed key makes a plan unusable, and the
 * page that notices replaces it.
 */
export class ExhibitionPlans {
  private readonly memo = new LiveRowMemo<ExhibitionPlan>(PLAN_ENTRIES, { maxBytes: PLAN_RECORDS * ID_BYTES, sizeOf });

  get size(): number {
    return this.memo.size;
  }

  /** The records and files the plans name in all, about (their keys count too). */
  get records(): number {
    return Math.round(this.memo.bytes / ID_BYTES);
  }

  get(countrySlug: string, slug: string): ExhibitionPlan | undefined {
    return this.memo.get(planKey(countrySlug, slug));
  }

  set(countrySlug: string, slug: string, plan: ExhibitionPlan): void {
    this.memo.set(planKey(countrySlug, slug), plan);
  }
}

// A slash cannot be in a slug, so two pairs never make one key.
const planKey = (countrySlug: string, slug: string) => `${countrySlug}/${slug}`;
