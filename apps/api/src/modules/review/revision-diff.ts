import type { FieldChange, MediaTexts } from '@vitrina/contracts';
import { isLanguageMap } from '../content/content-languages';

type Leaves = Map<string, { path: string; lang?: string; value: unknown }>;

const isMediaRefList = (value: unknown[]) =>
  value.length > 0 && value.every((entry) => entry && typeof entry === 'object' && Object.keys(entry).join() === 'assetId');

/**
 * Flattens a document to comparable leaves: each language of a text is its
 * own leaf; lists of media are compared as lists (a reorder is one change);
 * other lists by position.
 */
function leaves(value: unknown, path: string, into: Leaves): Leaves {
  if (Array.isArray(value)) {
    if (value.length === 0 || isMediaRefList(value) || value.every((entry) => typeof entry !== 'object')) {
      if (value.length > 0) into.set(path, { path, value: isMediaRefList(value) ? value.map((entry) => entry.assetId) : value });
      return into;
    }
    value.forEach((entry, index) => leaves(entry, `${path}.${index}`, into));
    return into;
  }
  if (value && typeof value === 'object') {
    if (isLanguageMap(value)) {
      for (const [lang, entry] of Object.entries(value)) into.set(`${path}@${lang}`, { path, lang, value: entry });
      return into;
    }
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, into);
    return into;
  }
  if (value !== undefined && value !== null) into.set(path, { path, value });
  return into;
}

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

/** Every field that differs between the live and the latest revision, per language, media texts included. */
export function diffRevisions(
  live: { content: Record<string, unknown> | null; mediaTexts: Record<string, MediaTexts> },
  latest: { content: Record<string, unknown>; mediaTexts: Record<string, MediaTexts> },
): FieldChange[] {
  const changes = compare(leaves(live.content ?? {}, '', new Map()), leaves(latest.content, '', new Map()));
  const assets = new Set([...Object.keys(live.mediaTexts), ...Object.keys(latest.mediaTexts)]);
  for (const assetId of assets) {
    const before = live.mediaTexts[assetId];
    const after = latest.mediaTexts[assetId];
    // A removed file shows in the media list; an added one also shows its texts here, a kept one its re-captioning.
    if (!after) continue;
    changes.push(...compare(leaves(before ?? {}, 'mediaTexts', new Map()), leaves(after, 'mediaTexts', new Map()), assetId));
  }
  return changes;
}
