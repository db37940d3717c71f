import { z } from './zod';
import { uuidSchema } from './common';
import { localizedLongTextSchema, localizedTextSchema, rightsUriSchema } from './content';

export const MEDIA_KINDS = ['image', 'audio', 'video', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** What the server accepts, by the type found in the file's bytes (never its name). */
export const ALLOWED_MEDIA_TYPES: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/tiff': 'image',
  'image/webp': 'image',
  // HEIC is left out: the prebuilt libvips in sharp cannot decode HEVC.
  'audio/mpeg': 'audio',
  'audio/aac': 'audio',
  'audio/x-m4a': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'audio/ogg; codecs=opus': 'audio',
  'video/mp4': 'video',
  'video/webm': 'video',
  'application/pdf': 'document',
};

export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

export const updateMediaSchema = z
  .strictObject({
    alt: localizedTextSchema.optional(),
    caption: localizedTextSchema.optional(),
    credit: localizedTextSchema.optional(),
    rights: rightsUriSchema.nullable().optional(),
    /** For audio and video: what is said, per language (plain text); captions files are uploaded separately. */
    transcript: localizedLongTextSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateMediaInput = z.infer<typeof updateMediaSchema>;

export const mediaAssetSchema = z.object({
  id: uuidSchema,
  countryId: uuidSchema,
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  originalName: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  status: z.enum(MEDIA_STATUSES),
  failureReason: z.string().nullable(),
  /** A tiny base64 thumbhash to show while the image loads. */
  thumbhash: z.string().nullable(),
  derivativeWidths: z.array(z.number().int()),
  /** Whether a IIIF tile pyramid exists for deep zoom. */
  tiled: z.boolean(),
  alt: localizedTextSchema,
  caption: localizedTextSchema,
  credit: localizedTextSchema,
  rights: z.string().nullable(),
  transcript: localizedTextSchema,
  /** Languages with an uploaded WebVTT captions file. */
  captionLanguages: z.array(z.string()),
  /** When a moderator withdrew the file from the public (null: not withdrawn); its staff still see it. */
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MediaAsset = z.infer<typeof mediaAssetSchema>;

/** Header carrying the file's original name (percent-encoded); kept only as sanitised metadata. */
export const FILE_NAME_HEADER = 'x-file-name';

/** Kinds whose visitors need a text alternative: alt text for images, captions or a transcript for sound. */
export const TIMED_MEDIA_KINDS: readonly MediaKind[] = ['audio', 'video'];

/** WebVTT captions are small; anything bigger is not a captions file. */
export const CAPTIONS_MAX_BYTES = 1024 * 1024;
export const CAPTIONS_CONTENT_TYPE = 'text/vtt';
