/**
 * Finds HTML, script or PHP markup anywhere in a stream of bytes, chunk by
 * chunk: an image or PDF carrying such markup is a polyglot that a browser,
 * a viewer or a misconfigured server might run, wherever in the file it hides
 * (a comment segment, EXIF, between chunks, after the end marker).
 *
 * Fast on binary data: the only full passes are memchr-like `indexOf` for
 * `<` and `:`, and each hit compares a few bytes. A tag token counts only
 * when a delimiter follows it (`<svg ` or `<svg>`, not `<svgx`), as a browser
 * reads tag names; that keeps random compressed bytes from matching the
 * short ones often (see bench/README.md for the measured cost and the odds).
 */

/** Tag names a browser would act on, after `<`; `?php` and `!doctype` included. */
const TAGS = ['script', 'html', 'head', 'body', 'iframe', 'svg', 'object', 'embed', '?php'];
/** Found as the start of a markup declaration; no delimiter needed. */
const DECLARATIONS = ['!doctype'];
/** URL schemes that run script, found from their `:` looking back. */
const SCHEMES = ['javascript', 'vbscript'];

const LT = 0x3c;
const COLON = 0x3a;
/** What may end a tag name (HTML tokenizer: whitespace, `/`, `>`); `\r` too, as it becomes `\n`. */
const DELIMITERS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x2f, 0x3e]);

interface Token {
  text: string;
  bytes: Uint8Array;
  delimited: boolean;
}

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const tokens: Token[] = [
  ...TAGS.map((tag) => ({ text: `<${tag}`, bytes: encode(tag), delimited: true })),
  ...DECLARATIONS.map((declaration) => ({ text: `<${declaration}`, bytes: encode(declaration), delimited: false })),
];
/** Tokens by their first byte after `<`, so most `<` in binary data cost one lookup. */
const byFirstByte: Token[][] = Array.from({ length: 256 }, () => []);
for (const token of tokens) byFirstByte[token.bytes[0]].push(token);
const schemes = SCHEMES.map((scheme) => encode(scheme));

/** Longer than the longest pattern (`javascript:`), so the seam between two chunks holds any pattern split by it whole. */
const SEAM = 16;

/** ASCII letters compared case-insensitively; anything else exactly. */
function sameByte(actual: number, expected: number): boolean {
  return actual === expected || (expected >= 0x61 && expected <= 0x7a && actual === expected - 0x20);
}

function matchesAt(buffer: Uint8Array, at: number, bytes: Uint8Array): boolean {
  if (at < 0 || at + bytes.length > buffer.length) return false;
  for (let i = 0; i < bytes.length; i++) if (!sameByte(buffer[at + i], bytes[i])) return false;
  return true;
}

/**
 * The token starting with the `<` at `at`, if any. A tag token at the very end
 * of `buffer` counts only when `buffer` ends the file (the end of the file
 * ends the tag name); otherwise the seam with the next chunk decides.
 */
function tagAt(buffer: Uint8Array, at: number, endsFile: boolean): string | null {
  const next = buffer[at + 1];
  if (next === undefined) return null;
  for (const token of byFirstByte[next | 0x20] ?? []) {
    if (!matchesAt(buffer, at + 1, token.bytes)) continue;
    if (!token.delimited) return token.text;
    const after = at + 1 + token.bytes.length;
    if (after === buffer.length ? endsFile : DELIMITERS.has(buffer[after])) return token.text;
  }
  return null;
}

function schemeBefore(buffer: Uint8Array, colon: number): string | null {
  for (const scheme of schemes) if (matchesAt(buffer, colon - scheme.length, scheme)) return `${Buffer.from(scheme).toString('latin1')}:`;
  return null;
}

/** The first markup token wholly inside `buffer`, or null. */
export function findMarkup(buffer: Buffer, endsFile = true): string | null {
  for (let at = buffer.indexOf(LT); at !== -1; at = buffer.indexOf(LT, at + 1)) {
    const found = tagAt(buffer, at, endsFile);
    if (found) return found;
  }
  for (let at = buffer.indexOf(COLON); at !== -1; at = buffer.indexOf(COLON, at + 1)) {
    const found = schemeBefore(buffer, at);
    if (found) return found;
  }
  return null;
}

/**
 * Scans a file chunk by chunk. Each chunk is scanned on its own, and the seam
 * (the last bytes of the previous chunk and the first of this one, a few
 * dozen bytes) separately, so a token split across chunks is found without
 * copying the chunks.
 */
export class MarkupScanner {
  private carry = Buffer.alloc(0);

  /** The markup token found in this chunk (or across its seam), or null. */
  scan(chunk: Buffer): string | null {
    const seam = Buffer.concat([this.carry, chunk.subarray(0, SEAM)]);
    const found = findMarkup(seam, false) ?? findMarkup(chunk, false);
    this.carry = chunk.length >= SEAM ? Buffer.from(chunk.subarray(chunk.length - SEAM)) : seam.subarray(-SEAM);
    return found;
  }

  /** At the end of the file: a token its last bytes end (`…<script` as the very last bytes). */
  end(): string | null {
    return findMarkup(this.carry, true);
  }
}
