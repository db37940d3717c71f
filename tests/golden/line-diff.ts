/**
 * A line diff with context, like `diff -u`. No diff library is installed in
 * this workspace, and the bodies are small: a longest-common-subsequence
 * table over what lies between the common head and tail is enough.
 */
type Op = { kind: ' ' | '-' | '+'; line: string };

/** Beyond this many table cells the middle is shown as removed then added, without alignment. */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

function middleOps(a: string[], b: string[]): Op[] {
  const [n, m] = [a.length, b.length];
  if (n * m > MAX_CELLS) return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  // lcs[i * (m + 1) + j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const ops: Op[] = [];
  let [i, j] = [0, 0];
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

export function diffOps(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]) => lines.map((line): Op => ({ kind: ' ', line }));
  return [
    ...same(a.slice(0, head)),
    ...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...same(a.slice(a.length - tail)),
  ];
}

/** The changed lines with a few lines of context around each run, `@@ line` marking where a hunk starts (in `a`). */
export function unifiedDiff(a: string[], b: string[]): string[] {
  const ops = diffOps(a, b);
  const near = new Set<number>();
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    for (let k = Math.max(0, index - CONTEXT); k <= Math.min(ops.length - 1, index + CONTEXT); k++) near.add(k);
  });
  const out: string[] = [];
  let beforeLine = 0;
  let previous = -2;
  ops.forEach((op, index) => {
    if (op.kind !== '+') beforeLine++;
    if (!near.has(index)) return;
    if (index !== previous + 1) out.push(`@@ line ${op.kind === '+' ? beforeLine + 1 : beforeLine}`);
    out.push(`${op.kind} ${op.line}`);
    previous = index;
  });
  return out;
}
