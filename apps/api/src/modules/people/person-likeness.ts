import type { DuplicateReason, PersonDate } from '@vitrina/contracts';
import { type NameQuery, matchName, nameKeys, queryKeys } from '@vitrina/names';
import { type PersonNames, personSpellings } from '../content/person-name-keys';

/** What likeness reads of a person (their latest revision). */
export interface Comparable extends PersonNames {
  birth?: PersonDate;
  death?: PersonDate;
  unit?: string;
  memorials?: { memorialId: string }[];
}

/** Spellings of a person read for queries: the first few (the name, then variants and titles), so a query stays small. */
export const QUERY_SPELLINGS = 6;

const NAME_SCORE = { 'same-name': 60, 'similar-name': 45 } as const;
const AGREES = 10;
const CONFLICTS = -30;
const SAME_UNIT = 10;
const SHARED_MEMORIAL = 10;
/** Below this a candidate is not suggested: a misspelt name with a conflicting year, or two conflicting years. */
export const MIN_SCORE = 25;

export const yearOf = (date: PersonDate | undefined): number | null => (date ? Number(date.date.slice(0, 4)) : null);

/** Two years agree within one (records often differ by a year), two when either is approximate; null when either is unknown. */
function years(a: PersonDate | undefined, b: PersonDate | undefined): 'agrees' | 'conflicts' | null {
  const [x, y] = [yearOf(a), yearOf(b)];
  if (x === null || y === null) return null;
  const tolerance = a?.circa || b?.circa ? 2 : 1;
  return Math.abs(x - y) <= tolerance ? 'agrees' : 'conflicts';
}

const unitKey = (unit: string | undefined) => unit?.toLowerCase().replace(/[\s«»"'.,№-]+/gu, ' ').trim() || null;

/** The name queries of a person: one per spelling (the first QUERY_SPELLINGS). */
export function nameQueries(person: PersonNames): NameQuery[] {
  return personSpellings(person)
    .slice(0, QUERY_SPELLINGS)
    .map((spelling) => queryKeys(spelling))
    .filter((query) => query.tokens.length > 0);
}

/** How the names of two people match: exactly (every required word by a key, in some script), within a letter, or not at all. */
function nameLikeness(a: Comparable, b: Comparable): 'same-name' | 'similar-name' | null {
  let best: 'same-name' | 'similar-name' | null = null;
  // Both ways: "Семёнов" alone finds "Semenov Ivan", and "Semenov Ivan" finds "Семёнов И.".
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const spellings = personSpellings(to);
    const keys = spellings.flatMap((spelling) => nameKeys(spelling));
    const fuzzy = spellings.flatMap((spelling) => nameKeys(spelling, { fuzzy: true }));
    for (const query of nameQueries(from)) {
      const match = matchName(query, keys, fuzzy);
      if (!match) continue;
      if (match.fuzzy === 0) return 'same-name';
      best = 'similar-name';
    }
  }
  return best;
}

/** How likely `candidate` is `person` (0–100) and why; null when their names do not match at all. */
export function likeness(person: Comparable, candidate: Comparable): { score: number; reasons: DuplicateReason[] } | null {
  const name = nameLikeness(person, candidate);
  if (!name) return null;
  const reasons: DuplicateReason[] = [name];
  let score: number = NAME_SCORE[name];
  for (const [which, verdict] of [['birth', years(person.birth, candidate.birth)], ['death', years(person.death, candidate.death)]] as const) {
    if (verdict === null) continue;
    reasons.push(`${which}-year-${verdict}`);
    score += verdict === 'agrees' ? AGREES : CONFLICTS;
  }
  const unit = unitKey(person.unit);
  if (unit !== null && unit === unitKey(candidate.unit)) {
    reasons.push('same-unit');
    score += SAME_UNIT;
  }
  const memorials = new Set((person.memorials ?? []).map((link) => link.memorialId));
  if ((candidate.memorials ?? []).some((link) => memorials.has(link.memorialId))) {
    reasons.push('shared-memorial');
    score += SHARED_MEMORIAL;
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}
