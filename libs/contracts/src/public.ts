import type { ContentLanguage } from './languages';
import type { GeoPoint, ResolvedText } from './content';
import type { Condition, MemorialKind, NamedPerson } from './memorials';
import type { ItemKind } from './items';

/**
 * What the public API returns. Every text is already resolved for the reader's
 * language (`?lang=` or Accept-Language) along the fallback chain, and says
 * which language it is really in.
 */
export interface PublicCountryRef {
  slug: string;
  name: ResolvedText;
}

export interface PublicCountryHome {
  country: PublicCountryRef & {
    defaultLanguage: ContentLanguage;
    languages: ContentLanguage[];
    intro: ResolvedText | null;
  };
  exhibitions: PublicExhibitionSummary[];
  recentItems: PublicItemSummary[];
  memorials: PublicMapPoint[];
}

export interface PublicDate {
  earliest: number | null;
  latest: number | null;
  /** The years are approximate. */
  circa: boolean;
  display: ResolvedText | null;
}

export interface PublicItemSummary {
  id: string;
  slug: string;
  kind: ItemKind;
  title: ResolvedText;
  date: PublicDate | null;
  place: ResolvedText | null;
  /** The first image (or document preview) of the record, for cards. */
  image: PublicMedia | null;
}

/** A media asset as visitors get it: addresses of its derivatives and its texts. */
export interface PublicMedia {
  id: string;
  kind: string;
  width: number | null;
  height: number | null;
  thumbhash: string | null;
  /** `/api/media/{id}/w{width}.webp` exists for each of these widths. */
  widths: number[];
  /** `/iiif/3/{id}/info.json` exists. */
  tiled: boolean;
  /** Scale factors of the 512 px IIIF tile pyramid, when tiled. */
  tileScaleFactors: number[] | null;
  mimeType: string;
  alt: ResolvedText | null;
  caption: ResolvedText | null;
  credit: ResolvedText | null;
  rights: string | null;
  /** `/api/media/{id}/file`: the file itself, for audio, video and documents (never for images). */
  fileUrl: string | null;
  /** WebVTT captions per language, for audio and video. */
  captions: { lang: string; url: string }[];
  transcript: ResolvedText | null;
}

export interface PublicItem extends PublicItemSummary {
  country: PublicCountryRef;
  description: ResolvedText | null;
  creator: ResolvedText | null;
  materials: ResolvedText | null;
  dimensions: string | null;
  provenance: ResolvedText | null;
  creditLine: ResolvedText | null;
  rights: string | null;
  inventoryNumber: string | null;
  /** Each tag in the reader's language, along the fallback chain (resolveLabel). */
  tags: string[];
  location: GeoPoint | null;
  media: PublicMedia[];
  updatedAt: string;
}

export interface PublicMapPoint {
  type: 'item' | 'memorial';
  id: string;
  slug: string;
  title: ResolvedText;
  location: GeoPoint;
  kind: string;
  condition: Condition | null;
}

/** A person a memorial names, their rank resolved for the reader (resolveLabel). */
export type PublicPerson = Omit<NamedPerson, 'rank'> & { rank?: string };

export interface PublicConditionSurvey {
  date: string;
  condition: Condition;
  note: ResolvedText | null;
  surveyor: string | null;
}

export interface PublicMemorialEvent {
  date: string;
  type: string;
  description: ResolvedText | null;
  actor: string | null;
  media: PublicMedia[];
}

export interface PublicMemorial extends Omit<PublicItem, 'kind' | 'location'> {
  kind: MemorialKind;
  location: GeoPoint;
  address: ResolvedText | null;
  unveilingDate: string | null;
  inscriptions: { original: string; originalLanguage: string | null; translation: ResolvedText | null }[];
  people: PublicPerson[];
  /** Newest first; the first one is the current condition. */
  conditionSurveys: PublicConditionSurvey[];
  condition: Condition | null;
  /** Oldest first. */
  events: PublicMemorialEvent[];
}

/** Where the visitor site's maps get their tiles (operators may run their own tile server). */
export interface MapConfig {
  tileUrl: string;
  tileAttribution: string;
}

export interface PublicExhibitionSummary {
  id: string;
  slug: string;
  title: ResolvedText;
  summary: ResolvedText | null;
  cover: PublicItemSummary | null;
  /** The cover picture: the exhibition's own, else its cover item's first image. */
  coverImage: PublicMedia | null;
}

export type PublicBlock =
  | { id: string; type: 'text'; body: ResolvedText | null }
  | { id: string; type: 'item'; item: PublicItemSummary; caption: ResolvedText | null }
  | { id: string; type: 'gallery'; items: PublicItemSummary[]; caption: ResolvedText | null }
  | { id: string; type: 'quote'; text: ResolvedText | null; attribution: ResolvedText | null }
  | { id: string; type: 'map'; points: PublicMapPoint[]; caption: ResolvedText | null }
  | { id: string; type: 'media'; media: PublicMedia[]; caption: ResolvedText | null };

export interface PublicExhibition extends PublicExhibitionSummary {
  country: PublicCountryRef;
  sections: { id: string; title: ResolvedText | null; blocks: PublicBlock[] }[];
  updatedAt: string;
}
