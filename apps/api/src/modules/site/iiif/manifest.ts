import { type Collection, type ContentLanguage, type GeoPoint, type LanguageMap as CountryNames, type LocalizedText, canonicalRightsUri } from '@vitrina/contracts';
import type { MediaAssetEntity } from '../../media/media-asset.entity';
import { COLLECTION_LABELS, FIELD_LABELS } from './labels';
import { type LanguageMap, type MetadataEntry, iiifLanguageMap } from './metadata';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
const NAVPLACE_CONTEXT = 'http://iiif.io/api/extension/navplace/context.json';

/** The addresses one installation gives its records; `base` is its public URL, without a trailing slash. */
export const iiifAddresses = (base: string) => ({
  manifest: (collection: Collection, id: string) => `${base}/iiif/manifests/${collection}/${id}`,
  countryCollection: (countrySlug: string) => `${base}/iiif/collections/${countrySlug}`,
  kindCollection: (countrySlug: string, collection: Collection) => `${base}/iiif/collections/${countrySlug}/${collection}`,
  page: (countrySlug: string, collection?: Collection, slug?: string) =>
    collection && slug ? `${base}/${countrySlug}/${collection}/${slug}` : `${base}/${countrySlug}`,
  linkedData: (collection: Collection, id: string) => `${base}/api/public/linked-data/${collection}/${id}`,
  linkedArt: (itemId: string) => `${base}/api/public/linked-art/items/${itemId}`,
  imageService: (assetId: string) => `${base}/iiif/3/${assetId}`,
  rendition: (assetId: string, width: number) => `${base}/api/media/${assetId}/w${width}.webp`,
});

export interface ManifestCountry {
  slug: string;
  names: CountryNames;
  /** The language a country's curators write in first: its texts lead where one must. */
  defaultLanguage: ContentLanguage;
}

/** One record as a manifest describes it. `images` are the shown images, in order, each once. */
export interface ManifestSource {
  collection: Collection;
  id: string;
  slug: string;
  title: LocalizedText;
  summary?: LocalizedText;
  rights?: string | null;
  creditLine?: LocalizedText;
  location?: GeoPoint | null;
  metadata: MetadataEntry[];
  images: MediaAssetEntity[];
  /** An exhibition's sections, each naming the images it shows: the manifest's ranges. */
  sections?: { id: string; title?: LocalizedText; assetIds: string[] }[];
}

/** Only images a IIIF viewer can draw: processed, with renditions. */
export function isCanvasImage(asset: MediaAssetEntity): boolean {
  return asset.status === 'ready' && asset.kind === 'image' && !!asset.width && !!asset.height && (asset.derivativeWidths ?? []).length > 0;
}

/** A country's names as a IIIF language map. */
export const countryLabel = (map: CountryNames): LanguageMap => Object.fromEntries(Object.entries(map).map(([lang, name]) => [lang, [name!]]));

/** A rendition of an image at one of its stored widths, with the height that width gives. */
function rendition(base: string, asset: MediaAssetEntity, width: number) {
  return {
    id: iiifAddresses(base).rendition(asset.id, width),
    type: 'Image',
    format: 'image/webp',
    width,
    height: Math.max(1, Math.round((width * asset.height!) / asset.width!)),
  };
}

function canvas(base: string, manifestId: string, asset: MediaAssetEntity) {
  const canvasId = `${manifestId}/canvas/${asset.id}`;
  const widths = asset.derivativeWidths!;
  const credit = iiifLanguageMap(asset.credit);
  return {
    id: canvasId,
    type: 'Canvas',
    ...optional('label', iiifLanguageMap(asset.caption) ?? iiifLanguageMap(asset.alt)),
    width: asset.width!,
    height: asset.height!,
    ...optional('rights', asset.rights ? canonicalRightsUri(asset.rights) : undefined),
    ...optional('requiredStatement', credit ? { label: FIELD_LABELS.attribution, value: credit } : undefined),
    thumbnail: [rendition(base, asset, widths[0])],
    items: [
      {
        id: `${canvasId}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${canvasId}/page/image`,
            type: 'Annotation',
            motivation: 'painting',
            target: canvasId,
            body: {
              ...rendition(base, asset, widths[widths.length - 1]),
              service: [{ id: iiifAddresses(base).imageService(asset.id), type: 'ImageService3', profile: 'level1' }],
            },
          },
        ],
      },
    ],
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function navPlace(manifestId: string, location: GeoPoint) {
  return {
    id: `${manifestId}/place`,
    type: 'FeatureCollection',
    features: [{ id: `${manifestId}/place/1`, type: 'Feature', geometry: { type: 'Point', coordinates: [location.lng, location.lat] } }],
  };
}

/** The museum that holds the record: the country's site. */
export function provider(base: string, country: ManifestCountry) {
  const home = iiifAddresses(base).page(country.slug);
  return [{ id: home, type: 'Agent', label: countryLabel(country.names), homepage: [{ id: home, type: 'Text', label: countryLabel(country.names), format: 'text/html' }] }];
}

/** An exhibition's sections as ranges over the canvases they show; a section with no image has none. */
function structures(manifestId: string, source: ManifestSource, shown: Set<string>) {
  return (source.sections ?? []).flatMap((section, index) => {
    const canvases = [...new Set(section.assetIds)].filter((id) => shown.has(id));
    if (!canvases.length) return [];
    return [
      {
        id: `${manifestId}/range/${section.id}`,
        type: 'Range',
        label: iiifLanguageMap(section.title) ?? FIELD_LABELS.section(index + 1),
        items: canvases.map((id) => ({ id: `${manifestId}/canvas/${id}`, type: 'Canvas' })),
      },
    ];
  });
}

/**
 * A IIIF Presentation 3.0 manifest, readable by any IIIF viewer (Mirador,
 * Universal Viewer), valid against the Presentation 3 JSON schema. Null when
 * the record shows no image: a manifest must have at least one canvas.
 */
export function buildManifest(base: string, country: ManifestCountry, source: ManifestSource) {
  const images = source.images.filter(isCanvasImage);
  if (!images.length) return null;
  const at = iiifAddresses(base);
  const manifestId = at.manifest(source.collection, source.id);
  const credit = iiifLanguageMap(source.creditLine);
  const label = iiifLanguageMap(source.title) ?? { none: ['—'] };
  const ranges = structures(manifestId, source, new Set(images.map((asset) => asset.id)));
  return {
    '@context': source.location ? [NAVPLACE_CONTEXT, PRESENTATION_CONTEXT] : PRESENTATION_CONTEXT,
    id: manifestId,
    type: 'Manifest',
    label,
    ...optional('summary', iiifLanguageMap(source.summary)),
    ...optional('metadata', source.metadata.length ? source.metadata : undefined),
    ...optional('rights', source.rights ? canonicalRightsUri(source.rights) : undefined),
    ...optional('requiredStatement', credit ? { label: FIELD_LABELS.attribution, value: credit } : undefined),
    provider: provider(base, country),
    homepage: [{ id: at.page(country.slug, source.collection, source.slug), type: 'Text', label, format: 'text/html' }],
    seeAlso: [{ id: at.linkedData(source.collection, source.id), type: 'Dataset', label: FIELD_LABELS.linkedData, format: 'application/ld+json', profile: 'https://schema.org/' }],
    partOf: [{ id: at.kindCollection(country.slug, source.collection), type: 'Collection', label: COLLECTION_LABELS[source.collection] }],
    thumbnail: [rendition(base, images[0], images[0].derivativeWidths![0])],
    ...optional('navPlace', source.location ? navPlace(manifestId, source.location) : undefined),
    items: images.map((asset) => canvas(base, manifestId, asset)),
    ...optional('structures', ranges.length ? ranges : undefined),
  };
}

export type Manifest = NonNullable<ReturnType<typeof buildManifest>>;
