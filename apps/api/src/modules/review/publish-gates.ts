import { type LocalizedText, type MediaTexts, type PublishBlocker, type RecordType, TIMED_MEDIA_KINDS } from '@vitrina/contracts';
import { textsOf } from '../content/media-texts';
import type { MediaAssetEntity } from '../media/media-asset.entity';

export interface GateInput {
  type: RecordType;
  document: Record<string, unknown>;
  mediaIds: string[];
  mediaTexts: Record<string, MediaTexts>;
  assets: Map<string, MediaAssetEntity>;
}

/** A text a visitor can be shown in `lang`: written or translated by a person; a machine draft is never shown, so it never counts. */
const hasShownText = (text: LocalizedText | undefined, lang: string) => {
  const entry = text?.[lang as keyof LocalizedText];
  return Boolean(entry && entry.status !== 'machine' && entry.text?.trim());
};

/** The languages a record is published in: those its title is written in by a person. */
export function publishedLanguages(document: Record<string, unknown>): string[] {
  const title = (document.title ?? {}) as LocalizedText;
  return Object.keys(title).filter((lang) => hasShownText(title, lang));
}

function mediaBlockers(asset: MediaAssetEntity, texts: MediaTexts, languages: string[]): PublishBlocker[] {
  const about = { assetId: asset.id, file: asset.originalName ?? asset.id, mediaKind: asset.kind };
  const blockers: PublishBlocker[] = [];
  if (!texts.rights) blockers.push({ code: 'missing-media-rights', ...about, message: `File ${about.file} has no rights statement` });
  for (const lang of languages) {
    if (asset.kind === 'image' && !hasShownText(texts.alt, lang)) {
      blockers.push({ code: 'missing-alt', ...about, lang, message: `Image ${about.file} has no alternative text in ${lang}` });
    }
    if (TIMED_MEDIA_KINDS.includes(asset.kind) && !hasShownText(texts.transcript, lang) && !texts.captionLanguages.includes(lang)) {
      const what = asset.kind === 'video' ? 'Video' : 'Audio';
      blockers.push({ code: 'missing-captions', ...about, lang, message: `${what} ${about.file} has neither captions nor a transcript in ${lang}` });
    }
  }
  return blockers;
}

/**
 * Everything that keeps a revision from going live, each named exactly:
 * rights on the record and on every file, alt text on every image and
 * captions or a transcript for all sound and film in every language the
 * record is published in, and no file still processing or failed. Only
 * texts visitors can be shown count: a machine draft fills no gate.
 */
export function publishBlockers({ type, document, mediaIds, mediaTexts, assets }: GateInput): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  const languages = publishedLanguages(document);
  if (languages.length === 0) blockers.push({ code: 'missing-title', message: 'The title is written in no language by a person' });
  // Items and memorials describe a work whose rights a record states; an exhibition's and a person's files carry their own.
  if ((type === 'item' || type === 'memorial') && !document.rights) {
    blockers.push({ code: 'missing-rights', message: 'The record has no rights statement' });
  }
  for (const assetId of mediaIds) {
    const asset = assets.get(assetId);
    if (!asset || asset.status !== 'ready') {
      const state = asset?.status === 'failed' ? 'failed' : 'processing';
      const reason = state === 'failed' ? `it could not be processed: ${asset?.failureReason}` : 'it is still being processed';
      const file = asset?.originalName ?? assetId;
      blockers.push({ code: 'media-not-ready', assetId, file, ...(asset ? { mediaKind: asset.kind } : {}), state, message: `File ${file} cannot be shown: ${reason}` });
      continue;
    }
    blockers.push(...mediaBlockers(asset, mediaTexts[assetId] ?? textsOf(asset), languages));
  }
  return blockers;
}
