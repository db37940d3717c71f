import { z } from './zod';
import { type ContentStatus, type ResolvedText, versionSchema } from './content';
import type { LocalizedText } from './content';
import { uuidSchema } from './common';
import { type Collection, collectionSchema } from './record-kinds';
import type { MediaKind } from './media';

export const RECORD_TYPES = ['item', 'memorial', 'exhibition'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const recordTypeSchema = z.enum(RECORD_TYPES);


export const recordRouteParamsSchema = z.strictObject({ countryId: uuidSchema, collection: collectionSchema, id: uuidSchema });
export const revisionRouteParamsSchema = recordRouteParamsSchema.extend({ number: z.coerce.number().int().min(1) });

const comment = z.string().trim().min(1).max(5_000);

/** Submitting names the revision the curator means, so an edit made meanwhile is not submitted unseen. */
export const submitSchema = z.strictObject({ version: versionSchema });
/** A moderator decides on the revision they reviewed; if a newer one arrived since, the decision is refused. */
export const approveSchema = z.strictObject({ revision: versionSchema, comment: comment.optional() });
export const sendBackSchema = z.strictObject({ revision: versionSchema, comment });
export const moderationSchema = z.strictObject({ comment: comment.optional() });
/** One file of a country, for a moderator's decision on the file itself (withdraw, restore). */
export const mediaRouteParamsSchema = z.strictObject({ countryId: uuidSchema, mediaId: uuidSchema });

export type SubmitInput = z.infer<typeof submitSchema>;
export type ApproveInput = z.infer<typeof approveSchema>;
export type SendBackInput = z.infer<typeof sendBackSchema>;
export type ModerationInput = z.infer<typeof moderationSchema>;

export const REVIEW_ACTIONS = ['submit', 'withdraw', 'approve', 'request-changes', 'reject', 'unpublish', 'archive', 'restore'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Every action the audit log records. The web app names each in every UI language; a new one is added here first. */
export const AUDIT_ACTIONS = [
  'create',
  'save',
  'delete',
  ...REVIEW_ACTIONS,
  'login',
  'login.failure',
  'logout',
  'password.change',
  'user.create',
  'user.update',
  'user.unlock',
  'membership.grant',
  'membership.revoke',
  'media.upload',
  'media.update',
  'media.captions',
  'media.captions-remove',
  'media.withdraw',
  'media.restore',
  'country.create',
  'country.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** What an audit entry can be about. */
export const AUDIT_ENTITY_TYPES = [...RECORD_TYPES, 'media', 'user', 'country', 'session'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const PUBLISH_BLOCKER_CODES = ['missing-title', 'missing-rights', 'missing-media-rights', 'missing-alt', 'missing-captions', 'media-not-ready'] as const;

/** What keeps a revision from being published, each named precisely. */
export interface PublishBlocker {
  code: (typeof PUBLISH_BLOCKER_CODES)[number];
  /** In English, for logs and API clients; the web app builds its own text from the code and the fields below. */
  message: string;
  lang?: string;
  assetId?: string;
  /** The file's name as uploaded (or its id when it had none). */
  file?: string;
  mediaKind?: MediaKind;
  /** For `media-not-ready`: still being processed, or processing failed. */
  state?: 'processing' | 'failed';
}

/** The file a change is about, as the moderator recognises it. */
export interface ChangedAsset {
  /** The name it was uploaded under; null when it had none. */
  name: string | null;
  kind: MediaKind | null;
  /** A small rendition the country's staff may load; null for files without a picture. */
  thumbnail: string | null;
}

/**
 * One difference between the live and the latest revision. A list of media
 * (`media`, `events.0.media`, `sections.0.blocks.1.assetIds`, `coverMediaId`)
 * gives one change per file added, removed or moved, with its 1-based
 * position before and after; the texts of a file (`mediaTexts.alt`…) give one
 * change per text and language, removed files' texts included.
 */
export interface FieldChange {
  /** Dotted path in the document, e.g. `description`, `sections.0.blocks.1.caption`, `media`. */
  path: string;
  lang?: string;
  /** For a file in a media list, or texts of a file (alt, caption…): which asset. */
  assetId?: string;
  asset?: ChangedAsset;
  change: 'added' | 'removed' | 'changed' | 'moved';
  before: unknown;
  after: unknown;
}

export interface RecordEvent {
  action: string;
  fromState: string | null;
  toState: string | null;
  revision: number | null;
  comment: string | null;
  actorName: string | null;
  at: string;
}

export interface ReviewQueueEntry {
  type: RecordType;
  collection: Collection;
  id: string;
  countryId: string;
  slug: string;
  title: ResolvedText | null;
  revision: number;
  isLive: boolean;
  submittedAt: string | null;
  submittedBy: string | null;
}

export interface ReviewDetail extends ReviewQueueEntry {
  status: ContentStatus;
  liveRevision: number | null;
  latest: Record<string, unknown>;
  live: Record<string, unknown> | null;
  changes: FieldChange[];
  blockers: PublishBlocker[];
  /**
   * The four-eyes rule keeps the reader from approving this revision: it is on
   * in the country and they submitted or wrote it. Another moderator must decide.
   */
  needsAnotherModerator: boolean;
  history: RecordEvent[];
}

/** The code of the one blocker a refused approval (403) names when the four-eyes rule refuses it. */
export const FOUR_EYES_BLOCKER = 'needs-another-moderator';

export interface RevisionSummary {
  number: number;
  authorName: string | null;
  createdAt: string;
  restoredFrom: number | null;
  isLive: boolean;
  isLatest: boolean;
}

export interface RevisionDetail extends RevisionSummary {
  content: Record<string, unknown>;
}

/** The texts of a media asset as a revision froze them: what visitors see of it once that revision is live. */
export interface MediaTexts {
  alt: LocalizedText;
  caption: LocalizedText;
  credit: LocalizedText;
  rights: string | null;
  transcript: LocalizedText;
  captionLanguages: string[];
  /** The captions file of each language (its SHA-256; '' for one stored before captions had versions). */
  captionVersions: Record<string, string>;
}

export const NOTIFICATION_KINDS = ['submitted', 'approved', 'changes-requested', 'rejected', 'unpublished'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  countryId: string;
  type: RecordType;
  collection: Collection;
  recordId: string;
  title: string;
  comment: string | null;
  actorName: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

export const markReadSchema = z.strictObject({ ids: z.array(uuidSchema).max(200).optional() });

export const auditQuerySchema = z.strictObject({
  countryId: uuidSchema.optional(),
  action: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(200).optional(),
  entityId: uuidSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Entries older than this id (the last one of the previous page). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  countryId: string | null;
  entityType: string | null;
  entityId: string | null;
  fromState: string | null;
  toState: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` for the next page; null at the end. */
  next: number | null;
}
