import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import type { ObjectStorage } from '../../infra/storage/object-storage.service';

/**
 * Rewrites an uploaded PDF so that what visitors download neither runs
 * anything nor says who made it. The PDF is parsed with pdf-lib, which reads
 * compressed object streams, incremental updates and hex-escaped names
 * (`/J#61vaScript` is `/JavaScript` to it, as to a viewer), so nothing hides
 * from a byte scan; then, on every object reachable from the catalog:
 *
 * - actions other than going to a page, a named navigation or an http(s) /
 *   mailto link are removed, with every trigger of additional actions (`/AA`)
 *   and the open action: JavaScript, Launch, SubmitForm, ImportData, GoToR,
 *   GoToE, Rendition, RichMediaExecute…;
 * - embedded files, XFA forms, rich media, 3D and multimedia annotations go;
 * - the Info dictionary (Author, Creator, Producer, Title…), every XMP
 *   `/Metadata` stream (document and per object), application data
 *   (`/PieceInfo`) and the author of each comment (`/T`) go.
 *
 * Objects no longer reachable (an earlier revision's Info, a removed script)
 * are dropped, and the file is written again without object streams.
 */

/** The PDF cannot be read (or is encrypted), so what it holds cannot be checked or removed. */
export class UnreadablePdf extends Error {}

/** Keys removed from every dictionary. */
const REMOVED_KEYS = [
  'AA', 'OpenAction', 'JS', 'JavaScript', 'EmbeddedFiles', 'EF', 'RichMediaContent', 'RichMediaSettings', 'XFA',
  'NeedsRendering', 'Metadata', 'PieceInfo', 'Collection', 'AF', '3DD',
].map((key) => PDFName.of(key));
/** Actions that only move within the document or follow a checked link. */
const SAFE_ACTIONS = new Set(['/GoTo', '/Named', '/URI']);
/** Annotations that play, embed or run something. */
const REMOVED_ANNOTATIONS = new Set(['/FileAttachment', '/Sound', '/Movie', '/Screen', '/3D', '/RichMedia']);
const SAFE_URI = /^(https?:|mailto:|[^:]*$)/i;

const A = PDFName.of('A');
const NEXT = PDFName.of('Next');
const ANNOTS = PDFName.of('Annots');
const S = PDFName.of('S');
const SUBTYPE = PDFName.of('Subtype');
const URI = PDFName.of('URI');
const T = PDFName.of('T');
const WIDGET = '/Widget';

export interface SanitisedPdf {
  pdf: Buffer;
  /** What was removed, by key or action type, for the log. */
  removed: string[];
}

export async function sanitisePdf(input: Buffer): Promise<SanitisedPdf> {
  const document = await load(input);
  const { context } = document;
  const removed = new Set<string>();
  if (context.trailerInfo.Info) removed.add('Info');
  context.trailerInfo.Info = undefined;
  const reachable = new Set<string>();
  const root = context.trailerInfo.Root;
  const pending: PDFObject[] = root ? [root] : [];
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object.tag)) continue;
      reachable.add(object.tag);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      scrub(object, removed);
      pending.push(...object.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref.tag)) context.delete(ref);
  return { pdf: await save(document), removed: [...removed].sort() };
}

async function load(input: Buffer): Promise<PDFDocument> {
  try {
    const document = await PDFDocument.load(input, { updateMetadata: false });
    if (document.getPageCount() === 0) throw new Error('it has no pages');
    return document;
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      throw new UnreadablePdf('the PDF is encrypted, so its scripts and metadata cannot be checked: upload it without encryption');
    }
    throw new UnreadablePdf(`the PDF cannot be read to remove its scripts and metadata: ${(error as Error).message}`);
  }
}

async function save(document: PDFDocument): Promise<Buffer> {
  try {
    return Buffer.from(await document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
  } catch (error) {
    throw new UnreadablePdf(`the PDF cannot be written again without its scripts and metadata: ${(error as Error).message}`);
  }
}

/** Removes from one dictionary what may run or identify someone; what stays is walked afterwards. */
function scrub(dict: PDFDict, removed: Set<string>): void {
  for (const key of REMOVED_KEYS) {
    if (dict.has(key)) {
      dict.delete(key);
      removed.add(key.decodeText());
    }
  }
  for (const key of [A, NEXT]) {
    const value = dict.lookup(key);
    if (value instanceof PDFDict && unsafeAction(value, removed)) dict.delete(key);
    else if (key === NEXT && value instanceof PDFArray) removeWhere(value, (item) => item instanceof PDFDict && unsafeAction(item, removed));
  }
  const annotations = dict.lookup(ANNOTS);
  if (annotations instanceof PDFArray) {
    removeWhere(annotations, (item) => {
      const subtype = item instanceof PDFDict ? item.lookup(SUBTYPE) : undefined;
      if (!(subtype instanceof PDFName)) return false;
      if (subtype.asString() !== WIDGET) (item as PDFDict).delete(T); // a comment's author; a form field's name stays
      if (!REMOVED_ANNOTATIONS.has(subtype.asString())) return false;
      removed.add(subtype.decodeText());
      return true;
    });
  }
}

/** An action dictionary that does more than move within the document or open an http(s) or mailto link. */
function unsafeAction(action: PDFDict, removed: Set<string>): boolean {
  const type = action.lookup(S);
  if (!(type instanceof PDFName)) return false; // not an action (a measure's /A is an array, for one)
  let safe = SAFE_ACTIONS.has(type.asString());
  if (safe && type.asString() === '/URI') {
    const uri = action.lookup(URI);
    const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : '';
    // Viewers, like browsers, ignore control characters and spaces in a URL's scheme.
    // eslint-disable-next-line no-control-regex
    safe = SAFE_URI.test(text.replace(/[\u0000-\u0020]/g, ''));
  }
  if (!safe) removed.add(type.decodeText());
  return !safe;
}

function removeWhere(array: PDFArray, unsafe: (item: PDFObject | undefined) => boolean): void {
  for (let i = array.size() - 1; i >= 0; i--) if (unsafe(array.lookup(i))) array.remove(i);
}

/**
 * Replaces the stored PDF at `key` with its sanitised rewrite: the served
 * file is then clean, with ranges and sizes of its own. The upload's SHA-256
 * stays the asset's, so the same upload is still recognised. A PDF that
 * cannot be read comes back as the reason; a store outage throws.
 */
export async function storeSanitisedPdf(storage: ObjectStorage, key: string, stored: Buffer): Promise<SanitisedPdf | { unreadable: string }> {
  let sanitised: SanitisedPdf;
  try {
    sanitised = await sanitisePdf(stored);
  } catch (error) {
    if (error instanceof UnreadablePdf) return { unreadable: error.message };
    throw error;
  }
  if (!sanitised.pdf.equals(stored)) await storage.putBuffer(key, sanitised.pdf, 'application/pdf');
  return sanitised;
}
