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

const has = (text: LocalizedText | undefined, lang: string) => Boolean(text?.[lang as keyof LocalizedText]?.text?.trim());

/** The languages a record is published in: those its title is written in by a person. */
export function publishedLanguages(document: Record<string, unknown>): string[] {
  const title = (document.title ?? {}) as LocalizedText;
  return Object.entries(title)
    .filter(([, entry]) => entry && entry.status !== 'machine' && entry.text.trim())
    .map(([lang]) => lang);
}

/**
 * Everything that keeps a revision from going live, each named exactly:
 * rights on the record and on every file, alt text on every image and
 * captions or a transcript for all sound and film in every language the
 * record is published in, and no file still processing or failed.
 */
export function publishBlockers({ type, document, mediaIds, mediaTexts, assets }: GateInput): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  const languages = publishedLanguages(document);
  if (languages.length === 0) blockers.push({ code: 'missing-title', message: 'The title is written in no language by a person' });
  if (type !== 'exhibition' && !document.rights) {
    blockers.push({ code: 'missing-rights', message: 'The record has no rights statement' });
  }
  for (const assetId of mediaIds) {
    const asset = assets.get(assetId);
    if (!asset || asset.status !== 'ready') {
      const reason = asset?.status === 'failed' ? `it could not be processed: ${asset.failureReason}` : 'it is still being processed';
      blockers.push({ code: 'media-not-ready', assetId, message: `File ${asset?.originalName ?? assetId} cannot be shown: ${reason}` });
      continue;
    }
    const texts = mediaTexts[assetId] ?? textsOf(asset);
    const name = asset.originalName ?? assetId;
    if (!texts.rights) blockers.push({ code: 'missing-media-rights', assetId, message: `File ${name} has no rights statement` });
    for (const lang of languages) {
      if (asset.kind === 'image' && !has(texts.alt, lang)) {
        blockers.push({ code: 'missing-alt', assetId, lang, message: `Image ${name} has no alternative text in ${lang}` });
      }
      if (TIMED_MEDIA_KINDS.includes(asset.kind) && !has(texts.transcript, lang) && !texts.captionLanguages.includes(lang)) {
        blockers.push({ code: 'missing-captions', assetId, lang, message: `${asset.kind === 'video' ? 'Video' : 'Audio'} ${name} has neither captions nor a transcript in ${lang}` });
      }
    }
  }
  return blockers;
}
