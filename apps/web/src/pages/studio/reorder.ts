/** A copy of `list` with the element at `from` moved to `to` (both clamped to the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved);
  return copy;
}

/** A copy of `list` with `entry` put back at `index` (clamped to the list): where a removed entry was. */
export function insertAt<T>(list: readonly T[], index: number, entry: T): T[] {
  const at = Math.max(0, Math.min(list.length, index));
  return [...list.slice(0, at), entry, ...list.slice(at)];
}
