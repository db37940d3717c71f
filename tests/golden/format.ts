import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Bumped when the file's shape changes, so an old baseline is refused rather than misread. */
export const FORMAT = 'vitrina-golden/1';

/**
 * A body as recorded. JSON is kept as a value when serialising that value
 * gives back the body byte for byte (key order included), else re-indented
 * as lines; text is split into lines; binary is kept as its hash only.
 */
export const bodySchema = z.union([
  z.strictObject({ jsonText: z.array(z.string()) }),
  z.strictObject({ text: z.array(z.string()) }),
  z.strictObject({ sha256: z.string(), bytes: z.number().int() }),
  z.strictObject({ empty: z.literal(true) }),
  z.strictObject({ json: z.unknown() }).refine((body) => 'json' in body, 'a body needs one of json, jsonText, text, sha256, empty'),
]);
export type RecordedBody = z.infer<typeof bodySchema>;

export const entrySchema = z.object({
  who: z.string(),
  language: z.string(),
  method: z.literal('GET'),
  path: z.string(),
  status: z.number().int(),
  /** A key of `headers`: most answers share a few sets. */
  headers: z.string(),
  /** A key of `bodies`: many readers get the same answer, which is kept once. */
  body: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

/** `<who> <language> GET <path>`: what a comparison matches answers by. */
export function entryKey(entry: Entry): string {
  return `${entry.who} ${entry.language} ${entry.method} ${entry.path}`;
}

export const recordingSchema = z.object({
  format: z.literal(FORMAT),
  /** Which placeholder names which record, for a reader of a diff (uuids are random per run). */
  placeholders: z.array(z.string()),
  headers: z.record(z.string(), z.record(z.string(), z.string())),
  entries: z.array(entrySchema),
  bodies: z.record(z.string(), bodySchema),
});
export type Recording = z.infer<typeof recordingSchema>;

export function readRecording(file: string): Recording {
  const recording = recordingSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const entry of recording.entries) {
    if (!recording.bodies[entry.body] || !recording.headers[entry.headers]) throw new Error(`${file}: ${entryKey(entry)} names a part that is not there`);
  }
  return recording;
}

/** The key a shared part (a body, a set of headers) is kept under: its content's hash. */
export function partKey(part: unknown): string {
  return createHash('sha256').update(JSON.stringify(part)).digest('hex').slice(0, 16);
}

/**
 * The recording as written: one line per answer, per set of headers and per
 * body, so the file stays small enough to commit and a change to it shows as
 * changed lines. compare.ts prints bodies indented.
 */
export function serialise(recording: Recording): string {
  const table = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(',\n');
  return [
    '{',
    `"format": ${JSON.stringify(recording.format)},`,
    `"placeholders": ${JSON.stringify(recording.placeholders)},`,
    `"entries": [\n${recording.entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n],`,
    `"headers": {\n${table(recording.headers)}\n},`,
    `"bodies": {\n${table(recording.bodies)}\n}`,
    '}',
    '',
  ].join('\n');
}
