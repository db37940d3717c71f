import type { ChangedAsset, FieldChange, MediaTexts } from '@vitrina/contracts';
import { isLabelMap, isLanguageMap } from '../countries/content-languages';

type Leaves = Map<string, { path: string; lang?: string; value: unknown }>;
/** Each media list of a document by its path, as asset ids in display order. */
type MediaLists = Map<string, string[]>;
interface Flat {
  leaves: Leaves;
  media: MediaLists;
  /** Whether plain-string language maps are labels (a document's tags and ranks), compared per language like texts. */
  labels: boolean;
}

/** The keys under which documents hold media, as media-references.ts reads them: lists of refs, lists of ids, one id. */
const MEDIA_REF_LISTS = new Set(['media']);
const MEDIA_ID_LISTS = new Set(['assetIds']);
const MEDIA_ID = new Set(['coverMediaId']);

function mediaList(key: string, value: unknown): string[] | null {
  if (MEDIA_REF_LISTS.has(key) && Array.isArray(value)) return value.map((ref: { assetId?: unknown }) => String(ref?.assetId));
  if (MEDIA_ID_LISTS.has(key) && Array.isArray(value)) return value.map(String);
  if (MEDIA_ID.has(key) && typeof value === 'string') return [value];
  return null;
}

/**
 * Flattens a document to comparable leaves: each language of a text is its
 * own leaf; media lists are kept aside to be compared file by file; other
 * lists of plain values are one leaf, lists of objects go by position.
 */
function flatten(value: unknown, path: string, into: Flat): Flat {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((entry) => typeof entry !== 'object')) into.leaves.set(path, { path, value });
    else value.forEach((entry, index) => flatten(entry, `${path}.${index}`, into));
    return into;
  }
  if (value && typeof value === 'object') {
    if (isLanguageMap(value) || (into.labels && isLabelMap(value))) {
      for (const [lang, entry] of Object.entries(value)) into.leaves.set(`${path}@${lang}`, { path, lang, value: entry });
      return into;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const media = mediaList(key, child);
      if (media) into.media.set(childPath, media);
      else flatten(child, childPath, into);
    }
    return into;
  }
  if (value !== undefined && value !== null) into.leaves.set(path, { path, value });
  return into;
}

/** A media file's texts hold no labels: their plain-string language maps (captionVersions) are compared key by key. */
const flat = (value: unknown, labels = true): Flat => flatten(value ?? {}, '', { leaves: new Map(), media: new Map(), labels });

function compare(before: Leaves, after: Leaves, assetId?: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const now = after.get(key);
    if (old && now && JSON.stringify(old.value) === JSON.stringify(now.value)) continue;
    const leaf = (now ?? old)!;
    changes.push({
      path: leaf.path,
      ...(leaf.lang ? { lang: leaf.lang } : {}),
      ...(assetId ? { assetId } : {}),
      change: !old ? 'added' : !now ? 'removed' : 'changed',
      before: old?.value ?? null,
      after: now?.value ?? null,
    });
  }
  return changes;
}

/**
 * One change per file of a media list: added or removed, or moved when its
 * place among the files kept on both sides changed (a file inserted in front
 * moves no other). Positions count from 1.
 */
function compareMedia(before: MediaLists, after: MediaLists): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(path) ?? [];
    const now = after.get(path) ?? [];
    const position = (list: string[], id: string) => (list.includes(id) ? list.indexOf(id) + 1 : null);
    const keptBefore = old.filter((id) => now.includes(id));
    const keptAfter = now.filter((id) => old.includes(id));
    for (const assetId of old.filter((id) => !now.includes(id))) changes.push({ path, assetId, change: 'removed', before: position(old, assetId), after: null });
    for (const assetId of now) {
      if (!old.includes(assetId)) changes.push({ path, assetId, change: 'added', before: null, after: position(now, assetId) });
      else if (keptBefore.indexOf(assetId) !== keptAfter.indexOf(assetId)) {
        changes.push({ path, assetId, change: 'moved', before: position(old, assetId), after: position(now, assetId) });
      }
    }
  }
  return changes;
}

/**
 * Every field that differs between the live and the latest revision, per
 * language; every file added to, removed from or moved in a media list; and
 * every text of a file that changed, was added with it or left with it.
 * `assets` names the files both revisions show.
 */
export function diffRevisions(
  live: { content: Record<string, unknown> | null; mediaTexts: Record<string, MediaTexts> },
  latest: { content: Record<string, unknown>; mediaTexts: Record<string, MediaTexts> },
  assets: Map<string, ChangedAsset> = new Map(),
): FieldChange[] {
  const [before, after] = [flat(live.content), flat(latest.content)];
  const changes = [...compare(before.leaves, after.leaves), ...compareMedia(before.media, after.media)];
  for (const assetId of new Set([...Object.keys(live.mediaTexts), ...Object.keys(latest.mediaTexts)])) {
    changes.push(...compare(flat(live.mediaTexts[assetId], false).leaves, flat(latest.mediaTexts[assetId], false).leaves, assetId).map((change) => ({ ...change, path: `mediaTexts.${change.path}` })));
  }
  return changes.map((change) => {
    const asset = change.assetId ? assets.get(change.assetId) : undefined;
    return asset ? { ...change, asset } : change;
  });
}
