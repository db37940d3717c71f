/**
 * Comparing an editor's document with a server copy: whether anything differs
 * (unsaved changes) and, field by field, what does (a conflict).
 */

/** A value with object keys in a fixed order and `undefined` members left out, as JSON would send it. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => (entry === undefined ? null : canonical(entry)));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** Whether two documents would be sent as the same JSON (key order and `undefined` members do not count). */
export function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** One field that differs: its path (`title.ru`, `people.0.name`), its value on each side. */
export interface FieldDifference {
  path: string;
  before: unknown;
  after: unknown;
}

/** A text in one language (`{ text, status }`) is compared whole: its words and its translation status. */
const isLeafObject = (value: object) => 'text' in value && 'status' in value && Object.keys(value).length === 2;

function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value === undefined) return into;
  if (value === null || typeof value !== 'object' || isLeafObject(value)) {
    into.set(path, value);
    return into;
  }
  const entries = Array.isArray(value) ? value.map((entry, index) => [String(index), entry] as const) : Object.entries(value).filter(([, child]) => child !== undefined);
  // An emptied list or text map still differs from one that had entries: it is a leaf of its own.
  if (entries.length === 0) into.set(path, Array.isArray(value) ? [] : {});
  for (const [key, child] of entries) leaves(child, path ? `${path}.${key}` : key, into);
  return into;
}

/** Every field of a document by its path (`title.ru`, `people.0.name`), as the comparison sees them. */
export function fieldValues(document: unknown): Map<string, unknown> {
  return leaves(document, '', new Map());
}

/** Every field whose value differs between `before` and `after`, in the order the fields appear in them. */
export function changedFields(before: unknown, after: unknown): FieldDifference[] {
  const [was, now] = [fieldValues(before), fieldValues(after)];
  const paths = [...new Set([...was.keys(), ...now.keys()])];
  return paths
    .filter((path) => !sameDocument(was.get(path), now.get(path)))
    .map((path) => ({ path, before: was.get(path), after: now.get(path) }));
}
