/**
 * Recall of name search across transliteration schemes (issue 14, item 4).
 *
 *   npm run bench:names      (= npx tsx --tsconfig bench/tsconfig.json bench/names/recall.ts)
 *
 * Builds the labelled set of pairs.ts (spellings written forwards by each scheme's rules, from
 * names in their original script), indexes every person by `nameKeys` of the original-script name,
 * and asks `queryKeys` of each spelling. A pair is found when the query matches the expected
 * person exactly or through the misspelling tolerance (deletion neighbours). Prints recall per
 * scheme, per language and overall, the false-match rate (queries that also match another person of
 * the set), the same for surname-only queries, and the reverse direction (an original-script query
 * finding a record spelt in Latin), and how often a surname spelling also matches one of ~140 other
 * common surnames (distractors.ts). Goal: overall recall ≥ 95 %. Runs in seconds; no database.
 */
import { matchName, nameKeys, queryKeys } from '@vitrina/names';
import { DISTRACTOR_SURNAMES } from './distractors';
import { labelledPairs, people, type LabelledPair } from './pairs';

interface Tally {
  total: number;
  exact: number;
  found: number;
  falseMatch: number;
  wrongPersons: number;
}

const tally = (): Tally => ({ total: 0, exact: 0, found: 0, falseMatch: 0, wrongPersons: 0 });
const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

const persons = people();
const index = persons.map((person) => ({ keys: nameKeys(person.name), fuzzy: nameKeys(person.name, { fuzzy: true }) }));
const pairs = labelledPairs();
const setSurnames = new Set(persons.map((person) => person.surname));
const distractors = DISTRACTOR_SURNAMES.filter((surname) => !setSurnames.has(surname)).map((surname) => ({
  surname,
  keys: nameKeys(surname),
  fuzzy: nameKeys(surname, { fuzzy: true }),
}));

/** Scores one query against the whole set: did it find the expected person, and whom else. */
function score(query: string, expected: number) {
  const keys = queryKeys(query);
  let exact = false;
  let found = false;
  const wrong: number[] = [];
  index.forEach((entry, person) => {
    const match = matchName(keys, entry.keys, entry.fuzzy);
    if (!match) return;
    if (person === expected) {
      found = true;
      exact = match.fuzzy === 0;
    } else wrong.push(person);
  });
  return { exact, found, wrong };
}

function add(t: Tally, result: ReturnType<typeof score>) {
  t.total += 1;
  if (result.exact) t.exact += 1;
  if (result.found) t.found += 1;
  if (result.wrong.length > 0) t.falseMatch += 1;
  t.wrongPersons += result.wrong.length;
}

const byScheme = new Map<string, Tally>();
const byLanguage = new Map<string, Tally>();
const overall = tally();
const surnameOnly = tally();
/** Surname spellings that also match one of the distractor surnames (exactly, or within one edit). */
const distractorHits = { total: 0, exact: 0, tolerant: 0, examples: [] as string[] };
const reverse = tally();
const misses: string[] = [];
const falseExamples: string[] = [];

const keyOf = (pair: LabelledPair) => `${pair.language} · ${pair.scheme}`;
for (const pair of pairs) {
  const result = score(pair.spelling, pair.person);
  for (const [map, key] of [[byScheme, keyOf(pair)], [byLanguage, pair.language]] as const) {
    const t = map.get(key) ?? tally();
    add(t, result);
    map.set(key, t);
  }
  add(overall, result);
  if (!result.found && misses.length < 30) misses.push(`${pair.spelling}  ✗  ${persons[pair.person].name}  (${keyOf(pair)})`);
  if (result.wrong.length > 0 && falseExamples.length < 15) {
    falseExamples.push(`${pair.spelling}  →  also ${result.wrong.map((p) => persons[p].name).join('; ')}`);
  }
  if (!pair.withPatronymic && !pair.scheme.startsWith('misspelt')) {
    const surname = pair.spelling.split(' ').slice(1).join(' ');
    add(surnameOnly, score(surname, pair.person));
    const surnameQuery = queryKeys(surname);
    const exactHit = distractors.find((d) => matchName(surnameQuery, d.keys));
    const tolerantHit = exactHit ?? distractors.find((d) => matchName(surnameQuery, d.keys, d.fuzzy));
    distractorHits.total += 1;
    if (exactHit) distractorHits.exact += 1;
    if (tolerantHit) {
      distractorHits.tolerant += 1;
      if (distractorHits.examples.length < 15 && !distractorHits.examples.some((e) => e.endsWith(` ${tolerantHit.surname}`))) {
        distractorHits.examples.push(`${surname} (${persons[pair.person].surname}) → ${exactHit ? 'exactly' : 'within one edit'} ${tolerantHit.surname}`);
      }
    }
    // Reverse: the record is the Latin (or other-script) spelling; the family types the original.
    const record = { keys: nameKeys(pair.spelling), fuzzy: nameKeys(pair.spelling, { fuzzy: true }) };
    const person = persons[pair.person];
    const match = matchName(queryKeys(`${person.given} ${person.surname}`), record.keys, record.fuzzy);
    reverse.total += 1;
    if (match) reverse.found += 1;
    if (match && match.fuzzy === 0) reverse.exact += 1;
  }
}

function table(title: string, rows: Array<[string, Tally]>) {
  console.log(`\n${title}`);
  console.log(`${'group'.padEnd(52)} ${'pairs'.padStart(5)} ${'exact'.padStart(8)} ${'found'.padStart(8)} ${'false match'.padStart(12)}`);
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(52)} ${String(t.total).padStart(5)} ${pct(t.exact, t.total).padStart(8)} ${pct(t.found, t.total).padStart(8)} ${pct(t.falseMatch, t.total).padStart(12)}`);
  }
}

console.log(`Name search recall: ${persons.length} people in 8 languages, ${pairs.length} labelled (spelling, person) pairs`);
console.log('exact = found by exact keys; found = exact or within the misspelling tolerance (one edit, deletion neighbours);');
console.log('false match = the query also matches another person of the set.');
table('Per scheme', [...byScheme.entries()]);
table('Per language', [...byLanguage.entries()]);
table('Overall', [
  ['given name + surname (± patronymic), every pair', overall],
  ['surname alone (scheme spellings)', surnameOnly],
  ['reverse: original script finds the spelt record', reverse],
]);
console.log(`\nMean other people matched per query: ${(overall.wrongPersons / overall.total).toFixed(3)} (surname alone: ${(surnameOnly.wrongPersons / surnameOnly.total).toFixed(3)})`);
console.log(
  `Surname spellings that also match one of ${distractors.length} other common surnames: ` +
    `${pct(distractorHits.exact, distractorHits.total)} exactly, ${pct(distractorHits.tolerant, distractorHits.total)} exactly or within one edit`,
);
if (distractorHits.examples.length > 0) console.log(`  e.g.\n  ${distractorHits.examples.join('\n  ')}`);
if (misses.length > 0) console.log(`\nMissed (first ${misses.length}):\n  ${misses.join('\n  ')}`);
if (falseExamples.length > 0) console.log(`\nFalse matches (first ${falseExamples.length}):\n  ${falseExamples.join('\n  ')}`);

const recall = overall.found / overall.total;
console.log('\nResult');
console.log(`  recall ${pct(overall.found, overall.total)} (goal ≥ 95 %): ${recall >= 0.95 ? 'MET' : 'NOT MET'}`);
console.log(`  false-match rate ${pct(overall.falseMatch, overall.total)} of queries (surname alone: ${pct(surnameOnly.falseMatch, surnameOnly.total)})`);
console.log(`  surname alone vs ${distractors.length} other common surnames: ${pct(distractorHits.tolerant, distractorHits.total)} match one`);
