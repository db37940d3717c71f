import type { ContentLanguage } from './languages';
import type { GeoPoint, ResolvedText } from './content';
import type { Condition, MemorialKind } from './memorials';
import type { Fate, PersonDate, PersonIdentifierScheme, PersonMemorialRole } from './people';
import type { ItemKind } from './items';
import type { PublicMapPoint } from './public-map';

/**
 * What the public API returns. Every text is already resolved for the reader's
 * language (`?lang=` or Accept-Language) along the fallback chain, and says
 * which language it is really in.
 */
export interface PublicCountryRef {
  slug: string;
  name: ResolvedText;
}

/** A country's page; the points of its memorials' map come apart, from `memorial-points` (PublicMemorialPoints). */
export interface PublicCountryHome {
  country: PublicCountryRef & {
    defaultLanguage: ContentLanguage;
    languages: ContentLanguage[];
    intro: ResolvedText | null;
  };
  exhibitions: PublicExhibitionSummary[];
  recentItems: PublicItemSummary[];
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

/**
 * A live, public person linked to a memorial, as the memorial's page lists
 * them: enough for a row with an anchor (`id="person-{slug}"`) and a link to
 * their page. Rank resolved for the reader (resolveLabel).
 */
export interface PublicMemorialPerson {
  id: string;
  slug: string;
  /** As written, in the original script. */
  name: string;
  variants: string[];
  birth: PersonDate | null;
  death: PersonDate | null;
  rank: string | null;
  unit: string | null;
  fate: Fate;
  role: PersonMemorialRole;
  plot: string | null;
}

/** A memorial a person's page shows: where they lie or are named, and how it stands now. */
export interface PublicPersonMemorial {
  id: string;
  slug: string;
  title: ResolvedText;
  kind: MemorialKind;
  role: PersonMemorialRole;
  plot: string | null;
  /** The latest survey's condition, from the memorial's live revision. */
  condition: Condition | null;
  location: GeoPoint;
  image: PublicMedia | null;
}

export interface PublicPersonSource {
  title: string;
  archive: string | null;
  fond: string | null;
  opis: string | null;
  delo: string | null;
  sheet: string | null;
  url: string | null;
  /** Each with the address of its record in that database (identifierUrl). */
  identifiers: { scheme: PersonIdentifierScheme; id: string; url: string }[];
}

/** A person's public page (`/{country}/people/{slug}`). */
export interface PublicPerson {
  id: string;
  slug: string;
  country: PublicCountryRef;
  name: string;
  /** The display name in the reader's language. */
  title: ResolvedText;
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  variants: string[];
  birth: PersonDate | null;
  death: PersonDate | null;
  placeOfBirth: ResolvedText | null;
  placeOfConscription: ResolvedText | null;
  rank: string | null;
  unit: string | null;
  fate: Fate;
  burialPlace: ResolvedText | null;
  memorials: PublicPersonMemorial[];
  awards: string[];
  sources: PublicPersonSource[];
  media: PublicMedia[];
  /** Sanitised HTML. */
  biography: ResolvedText | null;
  updatedAt: string;
}

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
  /** Live, public people linked to the memorial, by name. */
  people: PublicMemorialPerson[];
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
