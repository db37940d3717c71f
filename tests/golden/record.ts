/**
 * Records every public and staff GET answer of the built API for the demo
 * data: `npx tsx tests/golden/record.ts --out <file>` (after `npm run build`).
 * See tests/golden/README.md.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type RawAnswer, Session } from './client';
import { type Entry, FORMAT, type Recording, entryKey, partKey, serialise } from './format';
import { IdNames, type Volatile, normaliseText, recordBody, recordHeaders } from './normalise';
import { type Platform, poll, startPlatform } from './platform';
import { READERS, Walk, type Who, discover, labelsOf, readCountries, readMedia } from './walk';
import { walkPublic } from './walk-public';
import { walkAllStaff } from './walk-staff';
import { stabiliseOrder } from './volatile-order';

async function signInAll(apiUrl: string): Promise<Map<Who, Session>> {
  const sessions = new Map<Who, Session>();
  // One after another in a fixed order: each sign-in writes an audit entry, which the walk reads back.
  for (const reader of READERS) {
    const session = new Session(reader.who, apiUrl);
    if (reader.email) await session.signIn(reader.email);
    sessions.set(reader.who, session);
  }
  return sessions;
}

/** The demo's pictures are drawn at seed time and processed by the job queue after the API listens. */
async function waitForDemoMedia(admin: Session): Promise<void> {
  const countries = await readCountries(admin);
  await poll('the demo media to be processed', async () => {
    const media = (await Promise.all(countries.map((c) => readMedia(admin, c)))).flat();
    const busy = media.filter((m) => m.status === 'processing');
    return media.length > 0 && busy.length === 0 ? true : undefined;
  });
}

function contentType(answer: RawAnswer): string {
  return answer.headers.get('content-type') ?? '';
}

type Parts = Pick<Recording, 'headers' | 'bodies'>;

function toEntry(answer: RawAnswer, volatile: Volatile, parts: Parts): Entry {
  const path = normaliseText(answer.path, volatile);
  const body = recordBody(answer.bytes, contentType(answer), volatile);
  const headers = recordHeaders(answer.headers, volatile);
  const [bodyId, headersId] = [partKey(body), partKey(headers)];
  parts.bodies[bodyId] = body;
  parts.headers[headersId] = headers;
  return {
    who: answer.who,
    language: answer.language,
    method: 'GET',
    path,
    status: answer.status,
    headers: headersId,
    body: bodyId,
  };
}

function toRecording(walk: Walk, labels: [string, string][]): Recording {
  const ids = new IdNames();
  for (const [id, name] of labels) ids.label(id, name);
  const volatile: Volatile = { ids, secrets: walk.secrets() };
  const parts: Parts = { headers: {}, bodies: {} };
  const entries = walk.answers.map((answer) => toEntry(stabiliseOrder(answer), volatile, parts));
  const seen = new Set<string>();
  for (const key of entries.map(entryKey)) {
    if (seen.has(key)) throw new Error(`the walk asked twice for ${key}`);
    seen.add(key);
  }
  return { format: FORMAT, placeholders: ids.legend(), entries, ...parts };
}

function summarise(recording: Recording): string {
  const count = (pick: (e: Entry) => string) => {
    const counts = new Map<string, number>();
    for (const e of recording.entries) counts.set(pick(e), (counts.get(pick(e)) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  return [
    `${recording.entries.length} answers`,
    `by reader: ${count((e) => e.who)}`,
    `by language: ${count((e) => e.language)}`,
    `by status: ${count((e) => String(e.status))}`,
    `${Object.keys(recording.bodies).length} distinct bodies`,
  ].join('\n');
}

async function record(out: string): Promise<void> {
  let platform: Platform | undefined;
  try {
    platform = await startPlatform();
    const sessions = await signInAll(platform.apiUrl);
    const admin = sessions.get('admin')!;
    await waitForDemoMedia(admin);
    const demo = await discover(admin);
    const walk = new Walk(sessions);
    await walkPublic(walk, demo);
    await walkAllStaff(walk, demo, ['admin', 'moderator.kz', 'curator.kz', 'curator.am']);
    const recording = toRecording(walk, labelsOf(demo));
    writeFileSync(out, serialise(recording));
    console.log(`${summarise(recording)}\nwritten to ${out}`);
  } catch (error) {
    if (platform) console.error(`API output:\n${platform.output()}`);
    throw error;
  } finally {
    await platform?.stop();
  }
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: npx tsx tests/golden/record.ts --out <file.json>');
  process.exit(2);
}
record(values.out).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
