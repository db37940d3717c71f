/**
 * Finds HTML, script or PHP markup anywhere in a stream of bytes, chunk by
 * chunk: an image or PDF carrying such markup is a polyglot that a browser,
 * a viewer or a misconfigured server might run, wherever in the file it hides
 * (a comment segment, EXIF, between chunks, after the end marker).
 *
 * Every encoding a browser honours is covered by one matcher: ASCII-compatible
 * ones (UTF-8 with or without BOM, Latin-1…) byte for byte, and UTF-16LE/BE
 * (with or without BOM) because the matcher skips NUL bytes between the
 * letters of a token, which also covers NUL padding. Letters match in any
 * case; whitespace may pad `<` from the tag name. UTF-32 and UTF-7 are not
 * among the WHATWG Encoding Standard's encodings, so no browser decodes them.
 *
 * Fast on binary data: the only full passes are memchr-like `indexOf` for
 * `<` and `:`, and each hit compares a few bytes. A tag token counts only
 * when a delimiter follows it (`<svg ` or `<svg>`, not `<svgx`), as a browser
 * reads tag names; that keeps random compressed bytes from matching the
 * short ones often (see bench/README.md for the measured cost and the odds).
 */

/**
 * Elements that run script, load a document or change how the page is read,
 * after `<`, anywhere in the file; the long tags of the WHATWG MIME sniffing
 * HTML signature (`<html`, `<head`, `<script`, `<iframe`, `<body`, `<table`,
 * `<title`, `<style`, `<font`) among them. Each three-letter tag (`<svg`,
 * `<img`) turns up in random bytes about once in 20 GiB.
 */
const TAGS = [
  'script', 'html', 'head', 'body', 'iframe', 'frame', 'frameset', 'svg', 'object', 'embed', 'applet', 'meta', 'link',
  'base', 'style', 'form', 'img', 'video', 'audio', 'math', 'table', 'title', 'font', '?php',
];
/**
 * The signature's short tags (`<a `, `<p>`…) and its comment opener: random
 * compressed bytes hold them every few megabytes, so, as a browser sniffing
 * does, they count only where the file starts (after whitespace and a BOM).
 */
const SHORT_TAGS = ['a', 'b', 'p', 'br', 'h1', 'div'];
/** Found as the start of a markup declaration or instruction; no delimiter needed. */
const DECLARATIONS = ['!doctype', '?xml-stylesheet'];
/** Only at the start of the file, like SHORT_TAGS; `<?xml` alone is what XMP and SVG start with. */
const START_DECLARATIONS = ['!--', '?xml'];
/** URL schemes that run script, found from their `:` looking back. */
const SCHEMES = ['javascript', 'vbscript', 'livescript'];

const LT = 0x3c;
const COLON = 0x3a;
const NUL = 0x00;
/** Byte classes as lookup tables: they are asked about for every `<` and `:` of the file. */
const byteSet = (bytes: number[]) => {
  const table = new Uint8Array(256);
  for (const byte of bytes) table[byte] = 1;
  return table;
};
/** What may end a tag name (HTML tokenizer: whitespace, `/`, `>`); `\r` too, as it becomes `\n`. */
const DELIMITERS = byteSet([0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x2f, 0x3e]);
const WHITESPACE_OR_NUL = byteSet([NUL, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const ONLY_NUL = byteSet([NUL]);
/** URL parsers drop tab and newlines anywhere in a URL: `java\tscript:` runs. */
const URL_IGNORED = byteSet([NUL, 0x09, 0x0a, 0x0d]);
/** Bytes skipped between `<` and the name (NUL, whitespace) and between two letters (NUL); enough for UTF-16 and some padding. */
const GAP_AFTER_LT = 8;
const GAP_IN_NAME = 4;

interface Token {
  text: string;
  bytes: Uint8Array;
  delimited: boolean;
}

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const tokensOf = (names: string[], delimited: boolean): Token[] =>
  names.map((name) => ({ text: `<${name}`, bytes: encode(name), delimited }));
const anywhere = [...tokensOf(TAGS, true), ...tokensOf(DECLARATIONS, false)];
const atStart = [...anywhere, ...tokensOf(SHORT_TAGS, true), ...tokensOf(START_DECLARATIONS, false)];
/** Tokens by their first byte after `<`, so most `<` in binary data cost one lookup. */
function byFirstByte(tokens: Token[]): Token[][] {
  const table: Token[][] = Array.from({ length: 256 }, () => []);
  for (const token of tokens) table[token.bytes[0]].push(token);
  return table;
}
const anywhereByFirstByte = byFirstByte(anywhere);
const atStartByFirstByte = byFirstByte(atStart);
const schemes = SCHEMES.map((scheme) => encode(scheme));
if (!SCHEMES.every((scheme) => scheme.endsWith('t'))) throw new Error('schemeBefore() assumes every scheme ends in t');

/**
 * Longer than the longest pattern with all its skippable bytes
 * (`<?xml-stylesheet` in UTF-16 with padding), so the seam between two chunks
 * holds any pattern split by it whole.
 */
const SEAM = 128;
/** How much leading whitespace the start-of-file check skips (a browser sniffs the first 1445 bytes). */
const SNIFF_WINDOW = 64;
/** Enough of the file's start to skip that whitespace and read any token after it. */
const HEAD_BYTES = SNIFF_WINDOW + SEAM;

/** ASCII letters compared case-insensitively; anything else exactly. */
function sameByte(actual: number, expected: number): boolean {
  return actual === expected || (expected >= 0x61 && expected <= 0x7a && actual === expected - 0x20);
}

/** Ran past the end of the buffer before the pattern was decided. */
const INCOMPLETE = -2;
const NO_MATCH = -1;

/** Index after up to `max` bytes of `skippable` from `at` (may equal buffer.length). */
function skip(buffer: Uint8Array, at: number, skippable: Uint8Array, max: number): number {
  let i = at;
  const end = Math.min(buffer.length, at + max);
  while (i < end && skippable[buffer[i]]) i++;
  return i;
}

/** Matches `bytes` forwards from `at`, NULs allowed between letters: the index after the match, NO_MATCH or INCOMPLETE. */
function matchForward(buffer: Uint8Array, at: number, bytes: Uint8Array): number {
  let i = at;
  for (let k = 0; k < bytes.length; k++) {
    if (k > 0) i = skip(buffer, i, ONLY_NUL, GAP_IN_NAME);
    if (i >= buffer.length) return INCOMPLETE;
    if (!sameByte(buffer[i], bytes[k])) return NO_MATCH;
    i++;
  }
  return i;
}

/**
 * The token starting with the `<` at `at`, if any. A tag token at the very end
 * of `buffer` counts only when `buffer` ends the file (the end of the file
 * ends the tag name); otherwise the seam with the next chunk decides.
 */
function tagAt(buffer: Uint8Array, at: number, endsFile: boolean, table: Token[][]): string | null {
  const start = skip(buffer, at + 1, WHITESPACE_OR_NUL, GAP_AFTER_LT);
  if (start >= buffer.length) return null;
  for (const token of table[buffer[start] | 0x20] ?? []) {
    const after = matchForward(buffer, start, token.bytes);
    if (after < 0) continue;
    if (!token.delimited) return token.text;
    const next = skip(buffer, after, ONLY_NUL, GAP_IN_NAME);
    if (next === buffer.length ? endsFile : DELIMITERS[buffer[next]]) return token.text;
  }
  return null;
}

/** Whether `bytes` ends just before `end`, tab, newlines and NULs allowed between its letters. */
function endsWith(buffer: Uint8Array, end: number, bytes: Uint8Array): boolean {
  let i = end - 1;
  for (let k = bytes.length - 1; k >= 0; k--) {
    for (let skipped = 0; i >= 0 && skipped < GAP_IN_NAME && URL_IGNORED[buffer[i]]; skipped++) i--;
    if (i < 0 || !sameByte(buffer[i], bytes[k])) return false;
    i--;
  }
  return true;
}

function schemeBefore(buffer: Uint8Array, colon: number): string | null {
  // Every scheme ends in `script`: most colons in binary data are ruled out by the letter before them.
  let last = colon - 1;
  while (last >= 0 && last > colon - GAP_IN_NAME - 1 && URL_IGNORED[buffer[last]]) last--;
  if (last < 0 || (buffer[last] | 0x20) !== 0x74) return null;
  for (const scheme of schemes) if (endsWith(buffer, colon, scheme)) return `${Buffer.from(scheme).toString('latin1')}:`;
  return null;
}

/** The first markup token wholly inside `buffer`, or null. */
export function findMarkup(buffer: Buffer, endsFile = true): string | null {
  for (let at = buffer.indexOf(LT); at !== -1; at = buffer.indexOf(LT, at + 1)) {
    const found = tagAt(buffer, at, endsFile, anywhereByFirstByte);
    if (found) return found;
  }
  for (let at = buffer.indexOf(COLON); at !== -1; at = buffer.indexOf(COLON, at + 1)) {
    const found = schemeBefore(buffer, at);
    if (found) return found;
  }
  return null;
}

const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xfe, 0xff]), Buffer.from([0xff, 0xfe])];

/**
 * What a browser sniffing the file would take for HTML or XML at its start
 * (WHATWG MIME Sniffing, "rules for identifying an unknown MIME type": the
 * HTML signatures after leading whitespace), in any of the encodings above.
 */
export function htmlSignatureAtStart(head: Buffer, endsFile = true): string | null {
  const bom = BOMS.find((mark) => head.subarray(0, mark.length).equals(mark));
  const at = skip(head, bom?.length ?? 0, WHITESPACE_OR_NUL, SNIFF_WINDOW);
  return head[at] === LT ? tagAt(head, at, endsFile, atStartByFirstByte) : null;
}

/**
 * Scans a file chunk by chunk. Each chunk is scanned on its own, and the seam
 * (the last bytes of the previous chunk and the first of this one, a few
 * dozen bytes) separately, so a token split across chunks is found without
 * copying the chunks.
 */
export class MarkupScanner {
  private carry = Buffer.alloc(0);
  /** The file's first bytes, until there are enough to sniff them (null once sniffed). */
  private head: Buffer | null = Buffer.alloc(0);

  /** The markup token found in this chunk (or across its seam), or null. */
  scan(chunk: Buffer): string | null {
    const seam = Buffer.concat([this.carry, chunk.subarray(0, SEAM)]);
    const found = this.sniff(chunk, false) ?? findMarkup(seam, false) ?? findMarkup(chunk, false);
    this.carry = chunk.length >= SEAM ? Buffer.from(chunk.subarray(chunk.length - SEAM)) : seam.subarray(-SEAM);
    return found;
  }

  /** At the end of the file: a token its last bytes end (`…<script` as the very last bytes). */
  end(): string | null {
    return this.sniff(Buffer.alloc(0), true) ?? findMarkup(this.carry, true);
  }

  private sniff(chunk: Buffer, endsFile: boolean): string | null {
    if (!this.head) return null;
    const head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES)]);
    if (head.length < HEAD_BYTES && !endsFile) {
      this.head = head;
      return null;
    }
    this.head = null;
    return htmlSignatureAtStart(head, endsFile);
  }
}
