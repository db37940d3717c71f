/** A copy of `list` with the element at `from` moved to `to` (both clamped to the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved);
  return copy;
}
