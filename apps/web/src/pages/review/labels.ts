import {
  CONDITIONS,
  CONTENT_STATUSES,
  type EntryChange,
  type EntryLabel,
  ITEM_KINDS,
  type LocalizedText,
  MEMORIAL_EVENT_TYPES,
  MEMORIAL_KINDS,
  type PublishBlocker,
  ROLES,
  type ReviewChange,
} from '@vitrina/contracts';
import type { TFunction } from 'i18next';

/**
 * Words for what the review desk shows as codes: document paths, values of
 * closed lists, publish blockers, audit actions and states. Each code has a
 * key in both UI languages (labels.spec.ts checks them against the contracts);
 * an unknown one, from a newer server, shows as it is rather than not at all.
 */

/** `sections.0.blocks.1.caption` → "Sections › 1 › Blocks › 2 › Caption". */
export function fieldLabel(t: TFunction, path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? String(Number(segment) + 1) : t(`review.paths.${segment}`, { defaultValue: segment })))
    .join(' › ');
}

const BLOCK_TYPES = ['text', 'item', 'gallery', 'quote', 'map', 'media'];

/** An entry of a list by what it is and its words: "Item block: Grandfather’s medal", never its id. */
export function entryName(t: TFunction, label: EntryLabel): string {
  const kind =
    label.of === 'block'
      ? t(`review.entries.blocks.${label.blockType}`, { defaultValue: t('review.entries.block') })
      : t(`review.entries.${label.of}`);
  return label.text ? t('review.entries.named', { kind, text: label.text }) : t('review.entries.untitled', { kind });
}

/** Where a change is: the entries it sits in, then its field (or list) inside the innermost; its path when it sits in none. */
export function whereLabel(t: TFunction, change: ReviewChange): string {
  if (!change.within?.length) return fieldLabel(t, change.path);
  return [...change.within.map((entry) => entryName(t, entry)), fieldLabel(t, change.field ?? '')].join(' › ');
}

/** References that hold one record or file (a cover): added or removed, never at a position. */
const SINGLE_REFERENCES = new Set(['coverItemId', 'coverMediaId', 'itemId']);

/** What happened to an entry, positions counted from one: "Moved from position 3 to 1". */
export function entrySentence(t: TFunction, change: EntryChange): string {
  const [from, to] = [(change.from ?? 0) + 1, (change.to ?? 0) + 1];
  const single = SINGLE_REFERENCES.has(change.path.split('.').pop() ?? '');
  if (change.kind === 'added') return single ? t('review.entryChanges.addedSingle') : t('review.entryChanges.added', { to });
  if (change.kind === 'removed') return single ? t('review.entryChanges.removedSingle') : t('review.entryChanges.removed', { from });
  if (!change.fromPath) return t('review.entryChanges.moved', { from, to });
  const left = change.fromWithin?.length ? entryName(t, change.fromWithin[change.fromWithin.length - 1]) : fieldLabel(t, change.fromPath);
  return t('review.entryChanges.movedFrom', { list: left, from, to });
}


/** Closed lists whose values have names, by the last field of their path: the i18n prefix of each list. */
const VALUE_LISTS: Record<string, [string, readonly string[]][]> = {
  kind: [
    ['kinds', ITEM_KINDS],
    ['memorialKinds', MEMORIAL_KINDS],
  ],
  condition: [['conditions', CONDITIONS]],
  type: [
    ['eventTypes', MEMORIAL_EVENT_TYPES],
    ['studio.blocks', BLOCK_TYPES],
  ],
};

function listed(lists: [string, readonly string[]][] | undefined, value: string): string | undefined {
  const list = lists?.find(([, values]) => values.includes(value));
  return list ? `${list[0]}.${value}` : undefined;
}

/** A value of the diff as the moderator reads it: texts with their translation status, list values by name. */
export function valueLabel(t: TFunction, path: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value) && 'text' in value) {
    const entry = value as NonNullable<LocalizedText['ru']>;
    return entry.status === 'original' ? entry.text : `${entry.text} (${t(`studio.statuses.${entry.status}`)})`;
  }
  if (Array.isArray(value)) return value.map((entry) => valueLabel(t, path, entry)).join(', ');
  if (typeof value === 'boolean') return t(value ? 'admin.yes' : 'admin.no');
  if (typeof value === 'object') return JSON.stringify(value);
  const key = listed(VALUE_LISTS[path.split('.').pop() ?? ''], String(value));
  return key ? t(key) : String(value);
}

export function languageLabel(t: TFunction, lang: string | undefined): string {
  return lang ? t(`languages.${lang}`, { defaultValue: lang }) : '—';
}

/** A publish blocker in the reader's language, from its code and fields (the server's English message is the fallback). */
export function blockerLabel(t: TFunction, blocker: PublishBlocker): string {
  const key = blocker.code === 'media-not-ready' && blocker.state === 'failed' ? 'media-failed' : blocker.code;
  return t(`review.blockers.${key}`, {
    defaultValue: blocker.message,
    file: blocker.file ?? blocker.assetId ?? '',
    kind: blocker.mediaKind ? t(`media.kinds.${blocker.mediaKind}`) : '',
    language: languageLabel(t, blocker.lang),
  });
}

/** Audit action codes hold dots (`login.failure`), which i18next reads as nesting: the keys use hyphens. */
export const actionKey = (action: string) => `audit.actions.${action.replace(/\./g, '-')}`;

export function actionLabel(t: TFunction, action: string): string {
  return t(actionKey(action), { defaultValue: action });
}

export function entityLabel(t: TFunction, type: string | null): string {
  return type ? t(`audit.entities.${type}`, { defaultValue: type }) : '';
}

/** The states of a file a moderator withdraws and restores (audit entries `media.withdraw`, `media.restore`). */
const MEDIA_AVAILABILITY = ['available', 'withdrawn'] as const;

/** A state an entry moved from or to: a record's state, a role for membership changes, or whether a file is withdrawn. */
export function stateLabel(t: TFunction, state: string | null): string {
  if (!state) return '—';
  const key = listed(
    [
      ['studio.states', CONTENT_STATUSES],
      ['admin.roles', ROLES],
      ['media.availability', MEDIA_AVAILABILITY],
    ],
    state,
  );
  return key ? t(key) : state;
}
