import type { RawAnswer } from './client';

interface FacetValue {
  value: string;
  count: number;
}

/**
 * Search's country facet lists equal counts in the order of the countries'
 * ids (search-query.ts: `ORDER BY 2 DESC, 1` over country_id), and PostgreSQL
 * makes those ids at random: ties come in a different order on every run.
 * Only such ties are put in slug order here; counts and every other order stay
 * as answered.
 */
function sortCountryFacetTies(body: { facets?: { country?: FacetValue[] } }): void {
  const values = body.facets?.country;
  if (!values) return;
  // Runs of neighbours with one count only: the order between counts is what the API decides.
  for (let start = 0; start < values.length; ) {
    let end = start + 1;
    while (end < values.length && values[end].count === values[start].count) end++;
    const run = values.slice(start, end).sort((a, b) => a.value.localeCompare(b.value));
    values.splice(start, run.length, ...run);
    start = end;
  }
}

/** Parses and re-serialises only a body whose serialisation that leaves byte for byte as it was. */
function rewriteJson(answer: RawAnswer, change: (body: never) => void): RawAnswer {
  const text = answer.bytes.toString('utf8');
  const body = JSON.parse(text);
  if (JSON.stringify(body) !== text) throw new Error(`${answer.path}: the body does not survive JSON.parse as it is; normalise it another way`);
  change(body as never);
  return { ...answer, bytes: Buffer.from(JSON.stringify(body)) };
}

/** Puts the few orders that follow random database ids into a stable order; every other answer is returned as it was. */
export function stabiliseOrder(answer: RawAnswer): RawAnswer {
  const isSearch = answer.path.split('?')[0] === '/api/public/search';
  return isSearch && answer.status === 200 ? rewriteJson(answer, sortCountryFacetTies) : answer;
}
