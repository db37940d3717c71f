import type { LocalizedText } from '@vitrina/contracts';
import type { MediaAssetEntity } from '../media/media-asset.entity';

/** A IIIF language map: every language but machine drafts, each as a list of strings. */
export function iiifLanguageMap(text: LocalizedText | undefined | null): Record<string, string[]> | undefined {
  if (!text) return undefined;
  const entries = Object.entries(text).filter(([, entry]) => entry && entry.status !== 'machine');
  return entries.length ? Object.fromEntries(entries.map(([lang, entry]) => [lang, [entry!.text]])) : undefined;
}

const LABELS = {
  attribution: { en: ['Attribution'], ru: ['Источник'] },
};

export interface ManifestSource {
  id: string;
  title: LocalizedText;
  summary?: LocalizedText;
  rights?: string | null;
  creditLine?: LocalizedText;
  location?: { lat: number; lng: number } | null;
  images: MediaAssetEntity[];
}

function canvas(base: string, manifestId: string, asset: MediaAssetEntity, index: number) {
  const canvasId = `${manifestId}/canvas/${index + 1}`;
  const largest = asset.derivativeWidths?.[asset.derivativeWidths.length - 1];
  const height = asset.width && asset.height && largest ? Math.round((largest * asset.height) / asset.width) : asset.height;
  return {
    id: canvasId,
    type: 'Canvas',
    label: iiifLanguageMap(asset.caption) ?? iiifLanguageMap(asset.alt),
    width: asset.width,
    height: asset.height,
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
              id: `${base}/api/media/${asset.id}/w${largest}.webp`,
              type: 'Image',
              format: 'image/webp',
              width: largest,
              height,
              ...(asset.tileScaleFactors
                ? { service: [{ id: `${base}/iiif/3/${asset.id}`, type: 'ImageService3', profile: 'level0' }] }
                : {}),
            },
          },
        ],
      },
    ],
  };
}

/** A IIIF Presentation 3.0 manifest, readable by any IIIF viewer (Mirador, Universal Viewer). */
export function buildManifest(base: string, manifestId: string, source: ManifestSource) {
  const context = ['http://iiif.io/api/extension/navplace/context.json', 'http://iiif.io/api/presentation/3/context.json'];
  const credit = iiifLanguageMap(source.creditLine);
  return {
    '@context': source.location ? context : context[1],
    id: manifestId,
    type: 'Manifest',
    label: iiifLanguageMap(source.title) ?? { none: ['—'] },
    ...(iiifLanguageMap(source.summary) ? { summary: iiifLanguageMap(source.summary) } : {}),
    ...(source.rights ? { rights: source.rights } : {}),
    ...(credit ? { requiredStatement: { label: LABELS.attribution, value: credit } } : {}),
    ...(source.location
      ? {
          navPlace: {
            id: `${manifestId}/place`,
            type: 'FeatureCollection',
            features: [
              {
                id: `${manifestId}/place/1`,
                type: 'Feature',
                geometry: { type: 'Point', coordinates: [source.location.lng, source.location.lat] },
              },
            ],
          },
        }
      : {}),
    items: source.images
      .filter((asset) => asset.status === 'ready' && asset.kind === 'image' && (asset.derivativeWidths ?? []).length > 0)
      .map((asset, index) => canvas(base, manifestId, asset, index)),
  };
}
