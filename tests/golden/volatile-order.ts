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

interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The OpenAPI document lists paths and schemas in the order Nest meets
 * controllers, which follows how modules are arranged, not what the API
 * offers: a controller moved to another module moves its paths. Only the
 * order of `paths` and of `components.schemas` is fixed (sorted); every
 * operation, parameter and schema stays as answered.
 */
function sortOpenApiPaths(document: OpenApiDocument): void {
  if (document.paths) document.paths = Object.fromEntries(Object.entries(document.paths).sort(byKey));
  if (document.components?.schemas) document.components.schemas = Object.fromEntries(Object.entries(document.components.schemas).sort(byKey));
}

/** Parses and re-serialises only a body whose serialisation that leaves byte for byte as it was. */
function rewriteJson<T>(answer: RawAnswer, change: (body: T) => void): RawAnswer {
  const text = answer.bytes.toString('utf8');
  const body = JSON.parse(text) as T;
  if (JSON.stringify(body) !== text) throw new Error(`${answer.path}: the body does not survive JSON.parse as it is; normalise it another way`);
  change(body);
  return { ...answer, bytes: Buffer.from(JSON.stringify(body)) };
}

/** Puts the few orders that follow random database ids or the code's arrangement into a stable order; every other answer is returned as it was. */
export function stabiliseOrder(answer: RawAnswer): RawAnswer {
  if (answer.status !== 200) return answer;
  const path = answer.path.split('?')[0];
  if (path === '/api/public/search') return rewriteJson(answer, sortCountryFacetTies);
  if (path === '/api/docs-json') return rewriteJson(answer, sortOpenApiPaths);
  return answer;
}
