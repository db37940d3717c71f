import { createHash } from 'node:crypto';
import type { RecordedBody } from './format';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// ISO 8601 instants as the API writes them (toISOString, or PostgreSQL's offset form in CSV).
const INSTANT = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)/g;

/**
 * Names every uuid met: records the walk discovered get a name saying what
 * they are (`<item:kazakhstan/field-flask>`), so one changed answer does not
 * renumber all that follow; the rest (sessions, revisions, notifications) are
 * numbered in order of first appearance, which the fixed walk order makes stable.
 */
export class IdNames {
  private readonly names = new Map<string, string>();
  private counter = 0;

  /** A name already given to another id gets a suffix: two ids sharing one name would hide a swap. */
  label(id: string, name: string): void {
    const key = id.toLowerCase();
    if (this.names.has(key)) return;
    const taken = new Set(this.names.values());
    let unique = `<${name}>`;
    for (let n = 2; taken.has(unique); n++) unique = `<${name}#${n}>`;
    this.names.set(key, unique);
  }

  nameOf(id: string): string {
    const key = id.toLowerCase();
    let name = this.names.get(key);
    if (!name) {
      name = `<id:${++this.counter}>`;
      this.names.set(key, name);
    }
    return name;
  }

  /** Every id met and its name, in a stable order, for the recording's legend. */
  legend(): string[] {
    return [...this.names.values()];
  }
}

export interface Volatile {
  ids: IdNames;
  /** Exact secrets of this run (CSRF tokens) that appear in answers. */
  secrets: Map<string, string>;
}

export function normaliseText(text: string, volatile: Volatile): string {
  let out = text;
  for (const [secret, name] of volatile.secrets) out = out.split(secret).join(name);
  return out.replace(UUID, (id) => volatile.ids.nameOf(id)).replace(INSTANT, '<time>');
}

/**
 * Re-indents compact JSON without parsing it: JSON.parse would move
 * integer-like keys to the front, and key order is part of what must not change.
 */
export function reindentJson(text: string): string[] {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if ((c === '{' || c === '[') && (text[i + 1] === '}' || text[i + 1] === ']')) {
      out += c + text[++i];
    } else if (c === '{' || c === '[') {
      depth++;
      out += c + newline();
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out.split('\n');
}

/** As a value when that loses nothing (JSON.parse moves integer-like keys first, say); else as re-indented lines. */
function jsonBody(text: string): RecordedBody {
  try {
    const value: unknown = JSON.parse(text);
    if (JSON.stringify(value) === text) return { json: value };
  } catch {
    // not JSON after all: kept as its lines below
  }
  return { jsonText: reindentJson(text) };
}

const TEXT_TYPES = /^(text\/|application\/(xml|.*\+xml|javascript))/;
const JSON_TYPES = /^application\/(json|ld\+json|.*\+json)/;

export function recordBody(bytes: Buffer, contentType: string, volatile: Volatile): RecordedBody {
  if (bytes.length === 0) return { empty: true };
  if (JSON_TYPES.test(contentType)) return jsonBody(normaliseText(bytes.toString('utf8'), volatile));
  if (TEXT_TYPES.test(contentType)) return { text: normaliseText(bytes.toString('utf8'), volatile).split('\n') };
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Headers that differ on every run or every request (or only echo the body's length), and so say nothing. */
const VOLATILE_HEADERS = new Set([
  'date',
  'etag',
  'last-modified',
  'x-request-id',
  'set-cookie',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  // The read API's count of this client's requests (partners module).
  'ratelimit-remaining',
  'ratelimit-reset',
]);

export function recordHeaders(headers: Headers, volatile: Volatile): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of [...headers.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!VOLATILE_HEADERS.has(name)) kept[name] = normaliseText(value, volatile);
  }
  return kept;
}
