/**
 * Compares two recordings of tests/golden/record.ts:
 * `npx tsx tests/golden/compare.ts <before.json> <after.json> [--full]`.
 * Prints a diff per answer that changed and every answer found on one side
 * only; exits 1 on any difference, 0 when every answer is the same.
 */
import { parseArgs } from 'node:util';
import { type Entry, type Recording, type RecordedBody, entryKey, readRecording } from './format';
import { unifiedDiff } from './line-diff';

/** Lines of one answer's diff shown unless --full: a changed list can run to thousands. */
const SHOWN_LINES = 200;

function bodyLines(body: RecordedBody): string[] {
  if ('jsonText' in body) return body.jsonText;
  if ('text' in body) return body.text;
  if ('sha256' in body) return [`<binary: ${body.bytes} bytes, sha256 ${body.sha256}>`];
  if ('empty' in body) return ['<empty>'];
  return JSON.stringify(body.json, null, 2).split('\n');
}

/** An answer as the lines compared: status, kept headers, then the body. */
function answerLines(entry: Entry, recording: Recording): string[] {
  return [
    `status ${entry.status}`,
    ...Object.entries(recording.headers[entry.headers]).map(([name, value]) => `header ${name}: ${value}`),
    '',
    ...bodyLines(recording.bodies[entry.body]),
  ];
}

function byKey(recording: Recording): Map<string, Entry> {
  return new Map(recording.entries.map((e) => [entryKey(e), e]));
}

function show(lines: string[], full: boolean): string {
  const kept = full ? lines : lines.slice(0, SHOWN_LINES);
  const more = lines.length - kept.length;
  return kept.map((l) => `    ${l}`).join('\n') + (more > 0 ? `\n    … ${more} more lines (--full shows them)` : '');
}

function compare(beforeFile: string, afterFile: string, full: boolean): number {
  const [before, after] = [readRecording(beforeFile), readRecording(afterFile)];
  const [old, now] = [byKey(before), byKey(after)];
  console.log(`- ${beforeFile}\n+ ${afterFile}`);
  let changed = 0;
  const onlyBefore = [...old.keys()].filter((k) => !now.has(k));
  const onlyAfter = [...now.keys()].filter((k) => !old.has(k));
  for (const [key, entry] of old) {
    const other = now.get(key);
    if (!other) continue;
    const [a, b] = [answerLines(entry, before), answerLines(other, after)];
    if (a.length === b.length && a.every((line, i) => line === b[i])) continue;
    changed++;
    console.log(`\n✗ ${key}\n${show(unifiedDiff(a, b), full)}`);
  }
  for (const key of onlyBefore) console.log(`\n✗ missing after: ${key}`);
  for (const key of onlyAfter) console.log(`\n✗ new after (not in before): ${key}`);
  const compared = [...old.keys()].filter((k) => now.has(k)).length;
  console.log(
    `\n${compared} answers compared: ${compared - changed} the same, ${changed} changed; ` +
      `${onlyBefore.length} only in ${beforeFile}, ${onlyAfter.length} only in ${afterFile}`,
  );
  return changed + onlyBefore.length + onlyAfter.length === 0 ? 0 : 1;
}

const { values, positionals } = parseArgs({ options: { full: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 2) {
  console.error('usage: npx tsx tests/golden/compare.ts <before.json> <after.json> [--full]');
  process.exit(2);
}
process.exit(compare(positionals[0], positionals[1], values.full ?? false));
