import type { EntryLabel } from '@vitrina/contracts';

/** What the entries of a list are, and the key that follows one entry from one revision to the next. */
export interface ListRule {
  of: EntryLabel['of'];
  /** A single reference (`coverItemId`): a list of at most one. */
  single?: boolean;
  /** Entries whose fields are compared in turn (sections, blocks); references have none. */
  hasFields?: boolean;
  key(entry: unknown): string;
}

const byValue = (entry: unknown) => String(entry);
const byId = (entry: unknown) => String((entry as { id?: unknown } | null)?.id);

/**
 * The lists the diff follows by identity rather than by place, by the key
 * that holds them in any kind's document: media lists by asset (the keys
 * media-references.ts reads), references to items and memorials by record,
 * exhibition sections and blocks by their own id. Any other list is compared
 * place by place.
 */
export const LIST_RULES: Readonly<Record<string, ListRule>> = {
  media: { of: 'file', key: (entry) => String((entry as { assetId?: unknown } | null)?.assetId) },
  assetIds: { of: 'file', key: byValue },
  coverMediaId: { of: 'file', single: true, key: byValue },
  itemIds: { of: 'item', key: byValue },
  itemId: { of: 'item', single: true, key: byValue },
  coverItemId: { of: 'item', single: true, key: byValue },
  memorialIds: { of: 'memorial', key: byValue },
  sections: { of: 'section', hasFields: true, key: byId },
  blocks: { of: 'block', hasFields: true, key: byId },
};

/** The rule of `key` when `value` has the shape that rule expects, else undefined (the value is compared as any other). */
export function listRuleOf(key: string, value: unknown): ListRule | undefined {
  const rule = LIST_RULES[key];
  if (!rule || value === undefined || value === null) return undefined;
  if (rule.single) return typeof value === 'string' ? rule : undefined;
  if (!Array.isArray(value)) return undefined;
  return !rule.hasFields || value.every((entry) => entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string') ? rule : undefined;
}

/** A list's entries as an array: a single reference is a list of one, an absent one a list of none. */
export function entriesOf(rule: ListRule, value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return rule.single ? [value] : (value as unknown[]);
}

/** Each entry's key, a repeated one (the same item twice in a gallery) told apart by its occurrence. */
export function keysOf(rule: ListRule, entries: unknown[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const key = rule.key(entry);
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return count === 0 ? key : `${key}#${count}`;
  });
}

/**
 * The places of `values` (distinct numbers) that form their longest rising
 * run: the entries that kept their order, so that every other one moved. Of
 * two equally long runs, the one keeping the earlier entries wins: when two
 * neighbours swap, the one that went up is the one that moved.
 */
export function longestRisingRun(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.length ? tails[tails.length - 1] : -1; index !== -1; index = previous[index]) kept.add(index);
  return kept;
}
