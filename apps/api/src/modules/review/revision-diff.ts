import { type ChangedAsset, type EntryChange, type EntryLabel, type FieldChange, type MediaTexts, type ReviewChange } from '@vitrina/contracts';
import { isLabelMap, isLanguageMap } from '../countries/content-languages';
import { type ListRule, entriesOf, keysOf, listRuleOf, longestRisingRun } from './entry-lists';

/** Names an entry of a list for the moderator (entry-labels.ts). */
export type NameEntry = (of: EntryLabel['of'], entry: unknown) => EntryLabel;

/** Where a value sits: inside which named entries (outermost first), the innermost one's path, and whether that entry is new. */
interface Place {
  within: EntryLabel[];
  base: string;
  fresh?: boolean;
}

/** An entry with fields (a section, a block) where one revision has it: to follow it when it moves to another list. */
interface Located {
  path: string;
  index: number;
  value: unknown;
  place: Place;
}

const TOP: Place = { within: [], base: '' };

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const isTextMap = (value: unknown): value is Fields => isObject(value) && isLanguageMap(value);
const isBlank = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function inside(place: Place, path: string, label: EntryLabel): Place {
  return { within: [...place.within, label], base: path, fresh: place.fresh };
}

/** The entries a change sits in, and its path inside the innermost one; nothing at the document's top. */
function whereIn(place: Place, path: string): Pick<FieldChange, 'within' | 'field'> {
  return place.within.length ? { within: place.within, field: path.slice(place.base.length + 1) } : {};
}

/**
 * Walks the live and the latest document side by side. Texts give one change
 * per language; lists of LIST_RULES follow their entries by identity (added,
 * removed, moved, and for sections and blocks the changes inside them); other
 * lists go place by place.
 */
class RevisionDiff {
  readonly changes: ReviewChange[] = [];
  private readonly live: Map<string, Located>;
  private readonly latest: Map<string, Located>;

  constructor(
    private readonly name: NameEntry,
    live: unknown,
    latest: unknown,
    /** Whether plain-string language maps are labels (a tag, a rank), compared per language like texts; a file's texts have none. */
    private readonly labels = true,
  ) {
    this.live = this.locate(live);
    this.latest = this.locate(latest);
  }

  /** A text, or a label when the document has them: one value per language. */
  private perLanguage(value: unknown): value is Fields {
    return isTextMap(value) || (this.labels && isObject(value) && isLabelMap(value));
  }

  node(before: unknown, after: unknown, path: string, place: Place): void {
    if (this.perLanguage(before) || this.perLanguage(after)) return this.texts(before, after, path, place);
    if (Array.isArray(before) || Array.isArray(after)) return this.list(asList(before), asList(after), path, place);
    if (isObject(before) || isObject(after)) return this.fields(before, after, path, place);
    this.leaf(before, after, path, place);
  }

  private texts(before: unknown, after: unknown, path: string, place: Place): void {
    const [old, now] = [this.perLanguage(before) ? before : {}, this.perLanguage(after) ? after : {}];
    for (const lang of new Set([...Object.keys(old), ...Object.keys(now)])) this.leaf(old[lang], now[lang], path, place, lang);
  }

  /** A list without identities: plain values as one value, anything else (tags, names, surveys) place by place. */
  private list(before: unknown[], after: unknown[], path: string, place: Place): void {
    if ([...before, ...after].every((entry) => !entry || typeof entry !== 'object')) return this.leaf(before, after, path, place);
    for (let index = 0; index < Math.max(before.length, after.length); index++) this.node(before[index], after[index], `${path}.${index}`, place);
  }

  private fields(before: unknown, after: unknown, path: string, place: Place): void {
    const [old, now] = [isObject(before) ? before : {}, isObject(after) ? after : {}];
    const isEntry = path !== '' && path === place.base;
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
      // An entry's id is what follows it; a new or gone block's type is in its label.
      if (isEntry && (key === 'id' || (key === 'type' && !(isObject(before) && isObject(after))))) continue;
      const childPath = path ? `${path}.${key}` : key;
      const rule = listRuleOf(key, now[key]) ?? listRuleOf(key, old[key]);
      if (rule) this.entries(rule, key, old[key], now[key], childPath, place);
      else this.node(old[key], now[key], childPath, place);
    }
  }

  private entries(rule: ListRule, listKey: string, beforeValue: unknown, afterValue: unknown, path: string, place: Place): void {
    const [before, after] = [entriesOf(rule, beforeValue), entriesOf(rule, afterValue)];
    const [beforeKeys, afterKeys] = [keysOf(rule, before), keysOf(rule, after)];
    before.forEach((entry, from) => {
      // An entry moved to another list is told where it arrived.
      if (afterKeys.includes(beforeKeys[from]) || (rule.hasFields && this.latest.has(`${listKey}:${beforeKeys[from]}`))) return;
      this.changes.push(this.entry('removed', rule, entry, path, place, from, null));
    });
    const shared = afterKeys.flatMap((key) => (beforeKeys.includes(key) ? [key] : []));
    const inOrder = longestRisingRun(shared.map((key) => beforeKeys.indexOf(key)));
    const keptInPlace = new Set([...inOrder].map((index) => shared[index]));
    after.forEach((entry, to) => {
      const key = afterKeys[to];
      const entryPath = `${path}.${to}`;
      const from = beforeKeys.indexOf(key);
      const elsewhere = from === -1 && rule.hasFields ? this.live.get(`${listKey}:${key}`) : undefined;
      if (from !== -1 && !keptInPlace.has(key)) this.changes.push(this.entry('moved', rule, entry, path, place, from, to));
      if (elsewhere) {
        const left = { fromPath: elsewhere.path, ...(elsewhere.place.within.length ? { fromWithin: elsewhere.place.within } : {}) };
        this.changes.push({ ...this.entry('moved', rule, entry, path, place, elsewhere.index, to), ...left });
      }
      // A reference a new block holds is named by the block's own label.
      if (from === -1 && !elsewhere && !(rule.single && place.fresh)) this.changes.push(this.entry('added', rule, entry, path, place, null, to));
      if (!rule.hasFields) return;
      const entryPlace = inside(place, entryPath, this.name(rule.of, entry));
      const old = from !== -1 ? before[from] : elsewhere?.value;
      this.node(old, entry, entryPath, old === undefined ? { ...entryPlace, fresh: true } : entryPlace);
    });
  }

  private entry(kind: EntryChange['kind'], rule: ListRule, entry: unknown, path: string, place: Place, from: number | null, to: number | null): EntryChange {
    const assetId = rule.of === 'file' ? rule.key(entry) : undefined;
    return { kind, path, from, to, label: this.name(rule.of, entry), ...whereIn(place, path), ...(assetId ? { assetId } : {}) };
  }

  private leaf(before: unknown, after: unknown, path: string, place: Place, lang?: string): void {
    if (isBlank(before) && isBlank(after)) return;
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.changes.push({
      path,
      ...(lang ? { lang } : {}),
      change: isBlank(before) ? 'added' : isBlank(after) ? 'removed' : 'changed',
      before: isBlank(before) ? null : before,
      after: isBlank(after) ? null : after,
      ...whereIn(place, path),
    });
  }

  /** Every section and block of a document by its list and id, with where it sits. */
  private locate(document: unknown): Map<string, Located> {
    const found = new Map<string, Located>();
    const visit = (value: unknown, path: string, place: Place): void => {
      if (Array.isArray(value)) return value.forEach((entry, index) => visit(entry, `${path}.${index}`, place));
      if (!isObject(value)) return;
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const rule = listRuleOf(key, child);
        if (!rule?.hasFields) {
          visit(child, childPath, place);
          continue;
        }
        const list = child as unknown[];
        keysOf(rule, list).forEach((entryKey, index) => {
          found.set(`${key}:${entryKey}`, { path: childPath, index, value: list[index], place });
          visit(list[index], `${childPath}.${index}`, inside(place, `${childPath}.${index}`, this.name(rule.of, list[index])));
        });
      }
    };
    visit(document, '', TOP);
    return found;
  }
}

/**
 * Every change between the live and the latest revision, as the moderator
 * reads it: fields per language; entries of lists (sections, blocks, files,
 * referenced records) added, removed or moved, named by `name`, never by id;
 * and every text of a file that changed, was added with it or left with it.
 * `assets` names the files both revisions show.
 */
export function diffRevisions(
  live: { content: Record<string, unknown> | null; mediaTexts: Record<string, MediaTexts> },
  latest: { content: Record<string, unknown>; mediaTexts: Record<string, MediaTexts> },
  assets: Map<string, ChangedAsset>,
  name: NameEntry,
): ReviewChange[] {
  const document = new RevisionDiff(name, live.content ?? {}, latest.content);
  document.node(live.content ?? {}, latest.content, '', TOP);
  const changes = [...document.changes];
  for (const assetId of new Set([...Object.keys(live.mediaTexts), ...Object.keys(latest.mediaTexts)])) {
    const texts = new RevisionDiff(name, null, null, false);
    texts.node(live.mediaTexts[assetId], latest.mediaTexts[assetId], 'mediaTexts', TOP);
    changes.push(...texts.changes.map((change) => ({ ...change, assetId })));
  }
  return changes.map((change) => {
    const asset = change.assetId ? assets.get(change.assetId) : undefined;
    return asset ? { ...change, asset } : change;
  });
}
