import type { PublicMedia } from '@vitrina/contracts';
import { captionsName } from '../media/captions-name';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import type { Reader } from './public-views';

export type AssetsById = Map<string, MediaAssetEntity>;

/** How many of a record's media are looked at to find its card image. */
export const CARD_IMAGE_CANDIDATES = 3;

/** A captions file's URL: versioned (immutable) when it has a version, else the unversioned URL of files stored before versions. */
export function captionsUrl(assetId: string, lang: string, version: string): string {
  return `/api/media/${assetId}/${captionsName(lang, version)}`;
}

export function presentAsset(reader: Reader, asset: MediaAssetEntity): PublicMedia {
  return {
    id: asset.id,
    kind: asset.kind,
    mimeType: asset.mimeType,
    width: asset.width,
    height: asset.height,
    thumbhash: asset.thumbhash,
    widths: asset.derivativeWidths ?? [],
    tiled: asset.tileScaleFactors !== null,
    tileScaleFactors: asset.tileScaleFactors,
    alt: reader.text(asset.alt),
    caption: reader.text(asset.caption),
    credit: reader.text(asset.credit),
    rights: asset.rights,
    fileUrl: asset.kind === 'image' ? null : `/api/media/${asset.id}/file`,
    captions: Object.entries(asset.captionVersions).map(([lang, version]) => ({ lang, url: captionsUrl(asset.id, lang, version) })),
    transcript: reader.text(asset.transcript),
  };
}

/** The record's media that are ready, in the curator's order; unfinished or failed ones are left out. */
export function presentMedia(reader: Reader, refs: { assetId: string }[] | undefined, assets: AssetsById): PublicMedia[] {
  return (refs ?? []).flatMap(({ assetId }) => {
    const asset = assets.get(assetId);
    return asset && asset.status === 'ready' ? [presentAsset(reader, asset)] : [];
  });
}

/** The first of the record's media with a picture (an image, or a document's first page). */
export function presentCardImage(reader: Reader, refs: { assetId: string }[] | undefined, assets: AssetsById): PublicMedia | null {
  const pictured = presentMedia(reader, refs?.slice(0, CARD_IMAGE_CANDIDATES), assets).find((media) => media.widths.length > 0);
  return pictured ?? null;
}

/** Ids of the media a list of records' cards may show. */
export function cardImageIds(records: { content: { media?: { assetId: string }[] } }[]): string[] {
  return records.flatMap((record) => (record.content.media ?? []).slice(0, CARD_IMAGE_CANDIDATES).map((ref) => ref.assetId));
}

/** The media an exhibition page shows: its own (cover, media blocks) and its items' card images. */
export function exhibitionMediaIds(
  exhibitions: { mediaIds: string[] }[],
  items: Iterable<{ content: { media?: { assetId: string }[] } }>,
): string[] {
  return [...new Set([...exhibitions.flatMap((exhibition) => exhibition.mediaIds), ...cardImageIds([...items])])];
}
