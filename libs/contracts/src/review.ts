import { z } from './zod';
import { type ContentStatus, type ResolvedText, versionSchema } from './content';
import type { LocalizedText } from './content';
import { uuidSchema } from './common';
import { type Collection, collectionSchema } from './record-kinds';
import type { MediaKind } from './media';

export const RECORD_TYPES = ['item', 'memorial', 'exhibition', 'person'] as const;
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
  /** Two people found to be one: logged for both (the survivor and the one merged into it). */
  'merge',
  'login',
  'login.failure',
  'logout',
  'password.change',
  'user.create',
  'user.update',
  'user.unlock',
  /** A partner's key to the read API made or revoked by an administrator (partners module). */
  'api-key.create',
  'api-key.revoke',
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
  /** A collection of a country taken out as a spreadsheet (exchange module): the entry names the collection and format. */
  'export',
  /** Names read into a memorial from a spreadsheet (exchange module): one entry per file, naming the memorial and the counts. */
  'import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** What an audit entry can be about. */
export const AUDIT_ENTITY_TYPES = [...RECORD_TYPES, 'media', 'user', 'country', 'session', 'api-key'] as const;
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
 * An entry of a list as the moderator recognises it, never by its id: a
 * section by its title, a block by its type and its first words (or the title
 * of the item it shows), a file by its name, a referenced item or memorial by
 * its title. Texts are in the language the moderator reads (the `lang` of the
 * request), falling back as visitors' pages do.
 */
export interface EntryLabel {
  of: 'section' | 'block' | 'file' | 'item' | 'memorial';
  /** For a block: its type (`text`, `item`, `gallery`, `quote`, `map`, `media`). */
  blockType?: string;
  /** The words naming it; null when it has none (an untitled section, a file uploaded without a name). */
  text: string | null;
}

/**
 * One field (or one language of a text) that differs between the live and
 * the latest revision. Inside a list whose entries have an identity
 * (sections, blocks, files), `within` names the entries the field sits in and
 * `field` its path inside the innermost one; the texts of a file
 * (`mediaTexts.alt`…) give one change per text and language, removed files'
 * texts included.
 */
export interface FieldChange {
  /** Dotted path in the latest document (the live one for a removal), e.g. `description`, `sections.0.blocks.1.caption`, `mediaTexts.alt`. */
  path: string;
  lang?: string;
  /** For texts of a file (alt, caption…): which asset. */
  assetId?: string;
  asset?: ChangedAsset;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  /** The entries the field belongs to, outermost first (a section, then a block). */
  within?: EntryLabel[];
  /** The field's path inside the innermost entry of `within`, e.g. `caption`. */
  field?: string;
}

/**
 * An entry of a list followed by its identity rather than its place: a
 * section or block (by its id), a file of a media list (by its asset), an
 * item or memorial an exhibition refers to (a single reference such as
 * `coverItemId` is a list of one). A moved entry is one change however far it
 * moved (entries others moved past are not), and a block moved to another
 * section too; changes inside a moved entry are field changes of their own.
 */
export interface EntryChange {
  kind: 'moved' | 'added' | 'removed';
  /** The list in the latest document (in the live one for a removal), e.g. `sections.0.blocks`, `media`, `coverItemId`. */
  path: string;
  /** 0-based place in the live list; null for an added entry. */
  from: number | null;
  /** 0-based place in the latest list; null for a removed entry. */
  to: number | null;
  /** For an entry moved to another list (a block to another section): the live list it left. */
  fromPath?: string;
  /** The entries that held it in the live document, when it moved to another list. */
  fromWithin?: EntryLabel[];
  label: EntryLabel;
  /** The entries the list belongs to, outermost first. */
  within?: EntryLabel[];
  /** The list's path inside the innermost entry of `within`, e.g. `blocks`. */
  field?: string;
  /** For a file: which asset, and how the moderator recognises it. */
  assetId?: string;
  asset?: ChangedAsset;
}

export type ReviewChange = FieldChange | EntryChange;

export function isEntryChange(change: ReviewChange): change is EntryChange {
  return 'kind' in change;
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
  changes: ReviewChange[];
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
  /**
   * Set on the revisions of a person merged into this one (their history is
   * kept): whose revision it is; read it at that person's own revision route.
   */
  mergedFrom?: { id: string; slug: string; name: string };
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
