import { collapseRuns } from './skeleton';

/** Keys shorter than this get no deletion neighbours: one edit in a 4-letter key is another name. */
export const MIN_FUZZY_KEY_LENGTH = 5;

/**
 * The key with each single letter removed (a SymSpell-style deletion neighbourhood). Two keys share
 * a neighbour (or one is a neighbour of the other) when one letter was dropped, added, replaced or
 * two neighbours swapped: exactly the misspellings a family makes. Because it is a set of plain
 * strings, PostgreSQL matches it with a GIN index on a text[] column and `&&`.
 */
export function deletionNeighbours(key: string): string[] {
  const letters = [...key]; // by code point: a letter outside the BMP is one letter
  if (letters.length < MIN_FUZZY_KEY_LENGTH) return [];
  const out = new Set<string>();
  // Collapsed like keys are: dropping the l of solovev leaves soovev, which a typed Soovyov folds to sovev.
  for (let i = 0; i < letters.length; i += 1) out.add(collapseRuns([...letters.slice(0, i), ...letters.slice(i + 1)].join('')));
  return [...out];
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition) between two keys,
 * stopping early past `limit` (returns `limit + 1`). For ranking candidates found through the
 * deletion neighbours, and for callers that compare keys in memory.
 */
export function keyDistance(left: string, right: string, limit = 3): number {
  const a = [...left];
  const b = [...right];
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  }
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(rows[a.length][b.length], limit + 1);
}
