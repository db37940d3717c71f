import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeclaredRoute, declaredRoutes } from '../support/routes';
import { VALID_VTT } from '../support/media-files';
import { type TestApp, startTestApp } from '../support/test-app';
import { type InjectClient as Client, type InjectRequest, InjectClient } from './support/inject-client';

/**
 * Property-based fuzzing of every route the application declares: garbage
 * path parameters, query strings, bodies, content types and headers, from an
 * anonymous visitor and from a signed-in admin holding a valid CSRF token
 * (so requests get past the guard into validation and the services). Never a
 * 5xx, and the process keeps answering.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/**
 * Cases per route and client (twice that for routes taking a body): a count, never a time budget, so a
 * loaded machine runs the same cases, only slower. About 10,000 requests; set FUZZ_RUNS for more.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 50);

// ---------------------------------------------------------------------------------------------
// Building blocks

const NASTY_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%5c%2e%2e%5cwindows',
  '%00',
  'a%00b',
  '%',
  '%ZZ',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  '%FF%FE',
  '%25',
  '%u0000',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000%20',
  '%7B%7D',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'%20OR%201=1--",
  '%27%3B%20DROP%20TABLE%20users%3B--',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%E2%80%AE',
  '%F0%9F%92%A9',
  'w0.webp',
  'w99999.jpg',
  '0,0,0,0',
  '99999999999,0,1,1',
  '1,1',
  '0',
  'default.jpg',
  'ru.vtt',
  '..vtt',
  'xx',
  'ru',
  'items',
  'memorials',
  'exhibitions',
  'users',
];

const nastySegment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }).map((n) => 'a'.repeat(n)) },
  { weight: 2, arbitrary: fc.uuid().map((id) => id) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/**
 * Characters PostgreSQL cannot store and JSON can carry as escapes: NUL, and UTF-16 surrogates without
 * their partner (JSON.stringify writes them as "\u0000", "\ud800"). The API must refuse them with 400.
 */
const UNSAFE_CHARS = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff'];
const unsafeText = fc.oneof(
  fc.constantFrom(...UNSAFE_CHARS, 'a\u0000b', '\udc00\ud800', '😀\ud800', 'Ивaнов\udfff', '<p>x\u0000</p>'),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(...UNSAFE_CHARS), fc.nat())
    .map(([text, bad, at]) => text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1))),
);
/** The same in a query string or path: %00, and a surrogate as the UTF-8 bytes no decoder accepts (CESU-8). */
const UNSAFE_IN_URL = ['%00', 'a%00b', '%ED%A0%80', '%ED%B0%80', '%ED%AF%BF', 'x%ED%BF%BFy', '%F0%9F%98%80%ED%A0%80'];

const textValue = fc.oneof(
  fc.constantFrom('', ' ', 'ru', 'en', 'xx', 'true', 'false', '-1', '0', '1e400', 'NaN', 'null', '[]', '{}', '%00', '\u0000', '\uFFFF', '1945-13-40', '2024-01-01T00:00:00Z', 'a,b,,c', ',,,,', 'item,person', 'relevance', 'date'),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 250, max: 20_000 }).map((n) => 'я'.repeat(n)),
  fc.integer().map(String),
  fc.double().map(String),
  fc.uuid(),
  unsafeText,
);

const QUERY_KEYS = [
  'q', 'lang', 'limit', 'offset', 'status', 'kind', 'country', 'type', 'decade', 'condition', 'hasMedia', 'sort', 'cursor',
  'countryId', 'action', 'actor', 'entityId', 'from', 'to', 'before', '__proto__', '__proto__[admin]', 'constructor[prototype][x]',
  'a[b][c]', 'q[]', '',
];

/** Encodes like a browser, except for lone surrogates, which it cannot encode and sends raw-percent instead. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[^A-Za-z0-9]/g, (c) => `%${(c.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`);
  }
}

const queryString = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 12 })), textValue), { maxLength: 6 })
      .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '')),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&&', '?=', '?q', '?q=%', '?q=%ZZ', '?a=1&a=2&a=3', `?q=${'x'.repeat(10_000)}`, '?%00=%00', '?q=%E0%A4%A') },
);

/** A query string with NUL or a surrogate written raw-percent into one value (or name), among ordinary pairs. */
const unsafeQueryString = fc
  .record({
    before: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS.filter(Boolean)), fc.constantFrom('ru', '1', 'draft', 'x')), { maxLength: 2 }),
    key: fc.constantFrom(...QUERY_KEYS.filter(Boolean)),
    bad: fc.constantFrom(...UNSAFE_IN_URL),
    inName: fc.boolean(),
  })
  .map(({ before, key, bad, inName }) => {
    const pairs = before.map(([k, v]) => `${encode(k)}=${v}`);
    pairs.push(inName ? `${bad}=1` : `${encode(key)}=${bad}`);
    return `?${pairs.join('&')}`;
  });

const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1),
  textValue,
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), unsafeText, fc.constantFrom('id', 'assetId', 'itemIds', 'text', 'status', 'ru', 'en', 'type', 'blocks', 'sections', 'version', 'media', 'title', 'slug')), tie('value'), { maxKeys: 5 }),
})).value;

/** Replaces, removes or adds one field somewhere inside a valid body. */
function mutate(template: unknown, path: number[], replacement: unknown, mode: 'replace' | 'delete' | 'add', key: string): unknown {
  const copy = structuredClone(template) as Record<string, unknown>;
  let node: unknown = copy;
  for (const step of path) {
    if (!node || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = (node as Record<string, unknown>)[keys[step % keys.length]];
    if (!next || typeof next !== 'object') {
      const target = node as Record<string, unknown>;
      const k = keys[step % keys.length];
      if (mode === 'delete') delete target[k];
      else if (mode === 'add') target[key] = replacement;
      else target[k] = replacement;
      return copy;
    }
    node = next;
  }
  if (node && typeof node === 'object') (node as Record<string, unknown>)[key] = replacement;
  return copy;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keeps the body's shape but swaps some of its leaves for values of the same
 * type: other texts, other (real or made-up) ids, other numbers. These pass
 * validation far more often, so they reach the services and the database.
 */
let slugs = 0;
function perturb(template: unknown, texts: string[], ids: string[], numbers: number[], flips: boolean[]): unknown {
  let k = 0;
  const visit = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((child) => visit(child));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, visit(child, name)]));
    const flip = flips[k++ % flips.length];
    // A fresh slug each time, or every create after the first would only meet 409.
    if (!flip) return key === 'slug' ? `fuzz-${++slugs}` : value;
    if (typeof value === 'string') return UUID.test(value) ? ids[k % ids.length] : texts[k % texts.length];
    if (typeof value === 'number') return numbers[k % numbers.length];
    return value;
  };
  return visit(template);
}

const POLLUTERS = [
  '"__proto__":{"isAdmin":true,"polluted":"yes"}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"__proto__":null',
  '"prototype":{"polluted":"yes"}',
];

function withPolluter(json: string, polluter: string): string {
  return json.startsWith('{') && json.length > 2 ? `{${polluter},${json.slice(1)}` : `{${polluter}}`;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/JSON',
  'application/json; charset="',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'text/vtt',
  'application/octet-stream',
  'application/xml',
  'image/jpeg',
  '*/*',
  ';;;',
  'application/',
];

interface Body {
  contentType?: string;
  payload?: string | Buffer;
  label: string;
}

const UNSAFE_BODY = 'unsafe text in a valid body';

/** The template with one of its strings (the `pick`-th, counting depth-first), or a new key if it has none, made unsafe. */
function withUnsafeText(template: unknown, pick: number, bad: string): unknown {
  const strings: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'string') strings.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      else visit(child);
    }
  };
  const copy = structuredClone(template);
  visit(copy);
  if (strings.length === 0) return copy && typeof copy === 'object' && !Array.isArray(copy) ? { ...copy, text: bad } : { text: bad };
  const { parent, key } = strings[pick % strings.length];
  (parent as Record<string | number, unknown>)[key] = `${(parent as Record<string | number, unknown>)[key]}${bad}`;
  return copy;
}

function bodyArbitrary(template: unknown, idValue: fc.Arbitrary<string>): fc.Arbitrary<Body> {
  const json = (value: unknown) => JSON.stringify(value) ?? 'null';
  const mutated = fc
    .record({
      path: fc.array(fc.nat(20), { maxLength: 6 }),
      replacement: jsonValue,
      mode: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
      key: fc.oneof(fc.constantFrom('id', 'assetId', 'itemId', 'text', 'status', 'extra', 'toString', 'valueOf'), fc.string({ maxLength: 8 })),
    })
    .map(({ path, replacement, mode, key }) => ({
      contentType: 'application/json',
      payload: json(mutate(template, path, replacement, mode, key)),
      label: 'mutated template',
    }));
  const perturbed = fc
    .record({
      texts: fc.array(textValue, { minLength: 1, maxLength: 8 }),
      ids: fc.array(idValue, { minLength: 1, maxLength: 8 }),
      numbers: fc.array(fc.oneof(fc.integer(), fc.integer({ min: -10_000, max: 3_000 }), fc.double()), { minLength: 1, maxLength: 4 }),
      flips: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), { minLength: 1, maxLength: 12 }),
    })
    .map(({ texts, ids, numbers, flips }) => ({
      contentType: 'application/json',
      payload: json(perturb(template, texts, ids, numbers, flips)),
      label: 'perturbed template',
    }));
  const unsafe = fc.tuple(fc.nat(), unsafeText).map(([pick, bad]) => ({
    contentType: 'application/json',
    payload: json(withUnsafeText(template, pick, bad)),
    label: UNSAFE_BODY,
  }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Body>({ label: 'no body' }) },
    { weight: 2, arbitrary: unsafe },
    { weight: 4, arbitrary: mutated },
    { weight: 4, arbitrary: perturbed },
    { weight: 2, arbitrary: jsonValue.map((value) => ({ contentType: 'application/json', payload: json(value), label: 'random JSON' })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...POLLUTERS).map((polluter) => ({
        contentType: 'application/json',
        payload: withPolluter(json(template), polluter),
        label: 'prototype pollution',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 50, max: 10_000 }).chain((depth) =>
        fc.constantFrom(
          { contentType: 'application/json', payload: `${'['.repeat(depth)}${']'.repeat(depth)}`, label: `array nesting ${depth}` },
          { contentType: 'application/json', payload: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, label: `object nesting ${depth}` },
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
        contentType: 'application/json',
        payload: json(mutate(template, [0], 'x'.repeat(n), 'replace', 'text')),
        label: `huge string ${n}`,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '\u0000', '{"a":"\\ud800"}', '{"a":1}{"b":2}', '\uFEFF{}', '1'.repeat(400)),
        )
        .map((payload) => ({ contentType: 'application/json', payload, label: 'invalid JSON' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          contentType: fc.constantFrom(...CONTENT_TYPES),
          payload: fc.oneof(
            fc.constant(json(template)),
            fc.string({ maxLength: 100 }),
            fc.constant(VALID_VTT),
            fc.constant('WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>\n'),
            fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
          ),
        })
        .map(({ contentType, payload }) => ({ contentType, payload, label: `as ${contentType}` })),
    },
  );
}

const headerValue = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', 'bytes=0-', 'bytes=-1', 'bytes=99999999999-', 'bytes=5-1', 'bytes=0-1,2-3', 'bytes=abc', '*', 'W/"x"', '1.2.3.4, 5.6.7.8', '::1', 'ru;q=abc', '%ZZ', '%E0%A4%A'),
);
const extraHeaders = fc.dictionary(
  fc.constantFrom('range', 'if-none-match', 'if-modified-since', 'accept-language', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-request-id', 'x-file-name', 'accept', 'origin'),
  headerValue,
  { maxKeys: 3 },
);

// ---------------------------------------------------------------------------------------------
// Real values, so some requests reach the services with ids and bodies that almost fit

interface Pool {
  params: Record<string, string[]>;
  /** A valid body per `METHOD path`, mutated by the fuzzer. */
  templates: Record<string, unknown>;
}

const en = (text: string) => ({ en: { text, status: 'original' } });

function templates(p: Record<string, string[]>): Record<string, unknown> {
  const uuid = () => crypto.randomUUID();
  const studio = '/api/studio/countries/:countryId';
  const review = '/api/review/countries/:countryId/:collection/:id';
  const item = { slug: 'fuzz-item', kind: 'artefact', title: en('Fuzz'), description: en('<p>x</p>'), tags: [{ en: 'a' }], media: [{ assetId: p.assetId[0] }], date: { earliest: 1941, latest: 1945 } };
  const memorial = {
    slug: 'fuzz-memorial', kind: 'obelisk', title: en('Fuzz'), location: { lat: 43.2, lng: 76.9 },
    inscriptions: [{ original: 'Никто не забыт', translations: en('No one is forgotten') }],
    conditionSurveys: [{ date: '2020-05', condition: 'good' }],
    events: [{ date: '1975', type: 'unveiling', description: en('Unveiled'), media: [{ assetId: p.assetId[0] }] }],
  };
  const person = {
    slug: 'fuzz-person', name: 'Иванов', title: en('Ivanov'), variants: ['Ivanov'], birth: { date: '1900' }, death: { date: '1942-05' }, rank: { en: 'Private' },
    fate: 'killed', memorials: [{ memorialId: p.id[0], role: 'burial', plot: 'A' }], awards: ['Medal'], biography: en('<p>b</p>'),
    sources: [{ title: 'Report', archive: 'TsAMO', url: 'https://example.org/r', identifiers: [{ scheme: 'obd-memorial', id: '1' }] }],
  };
  const exhibition = {
    slug: 'fuzz-exhibition', title: en('Fuzz'), summary: en('<p>x</p>'), coverItemId: p.id[0], coverMediaId: p.assetId[0],
    sections: [{ id: uuid(), title: en('S'), blocks: [
      { id: uuid(), type: 'text', body: en('<p>t</p>') },
      { id: uuid(), type: 'item', itemId: p.id[0], caption: en('c') },
      { id: uuid(), type: 'gallery', itemIds: [p.id[0]] },
      { id: uuid(), type: 'quote', text: en('q') },
      { id: uuid(), type: 'map', itemIds: [p.id[0]], memorialIds: [] },
      { id: uuid(), type: 'media', assetIds: [p.assetId[0]] },
    ] }],
  };
  return {
    'POST /api/auth/login': { email: 'admin@vitrina.test', password: 'not-the-password' },
    'POST /api/auth/password': { currentPassword: 'not-the-password', newPassword: 'another-password-1' },
    'POST /api/admin/users': { email: 'fuzz@vitrina.test', displayName: 'Fuzz', password: 'long-enough-password', isAdmin: false },
    'PATCH /api/admin/users/:id': { displayName: 'Fuzzed' },
    'POST /api/admin/users/:id/memberships': { countryId: p.countryId[0], role: 'curator' },
    'POST /api/admin/countries': { slug: 'fuzzland', names: { en: 'Fuzz' }, defaultLanguage: 'en', languages: ['en'], intro: en('<p>x</p>') },
    'PATCH /api/admin/countries/:id': { names: { en: 'Fuzz' }, intro: en('<p>x</p>') },
    [`POST ${studio}/items`]: item,
    [`PUT ${studio}/items/:id`]: { ...item, version: 1 },
    [`POST ${studio}/memorials`]: memorial,
    [`PUT ${studio}/memorials/:id`]: { ...memorial, version: 1 },
    [`POST ${studio}/people`]: person,
    [`PUT ${studio}/people/:id`]: { ...person, version: 1 },
    [`POST ${studio}/exhibitions`]: exhibition,
    [`PUT ${studio}/exhibitions/:id`]: { ...exhibition, version: 1 },
    [`PATCH ${studio}/media/:id`]: { alt: en('a'), caption: en('c'), credit: en('c'), rights: 'https://creativecommons.org/licenses/by/4.0/', transcript: en('t') },
    [`PUT ${studio}/media/:id/captions/:lang`]: VALID_VTT,
    [`POST ${studio}/:collection/:id/submit`]: { version: 1 },
    [`POST ${review}/approve`]: { revision: 1, comment: 'ok' },
    [`POST ${review}/request-changes`]: { revision: 1, comment: 'fix' },
    [`POST ${review}/reject`]: { revision: 1, comment: 'no' },
    [`POST ${review}/unpublish`]: { comment: 'off' },
    [`POST ${review}/archive`]: {},
    'POST /api/notifications/read': { ids: [uuid()] },
  };
}

function paramArbitrary(name: string, pool: Pool): fc.Arbitrary<string> {
  const real = pool.params[name] ?? [];
  return real.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: nastySegment })
    : nastySegment;
}

interface Case {
  request: InjectRequest;
  label: string;
  csrf: boolean;
  /** Holds NUL or a lone surrogate where the API reads it: the answer must be a 4xx. */
  mustRefuse: boolean;
}

function caseArbitrary(route: DeclaredRoute, pool: Pool): fc.Arbitrary<Case> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const params = fc.tuple(...names.map((name) => paramArbitrary(name, pool)));
  const template = pool.templates[`${route.method} ${route.path}`] ?? {};
  const idValue = fc.oneof(fc.constantFrom(...new Set([...pool.params.id, ...pool.params.countryId])), fc.uuid());
  const body = route.method === 'GET' ? fc.constant<Body>({ label: 'no body' }) : bodyArbitrary(template, idValue);
  return fc
    .record({
      params,
      query: fc.oneof(
        { weight: 6, arbitrary: queryString.map((q) => ({ q, unsafe: false })) },
        { weight: 1, arbitrary: unsafeQueryString.map((q) => ({ q, unsafe: true })) },
      ),
      body,
      headers: extraHeaders,
      // Mostly the real method; sometimes another one on the same path.
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') }),
      csrf: fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map(({ params: values, query, body: b, headers, method, csrf }) => {
      let i = 0;
      const path = route.path.replace(/:(\w+)/g, () => values[i++]);
      const allHeaders: Record<string, string> = { ...headers };
      if (b.contentType !== undefined) allHeaders['content-type'] = b.contentType;
      // A body is only read on the route's own method (GET and HEAD ignore one).
      const unsafeBody = b.label === UNSAFE_BODY && method === route.method && method !== 'GET';
      return {
        request: { method, url: `${path}${query.q}`, headers: allHeaders, payload: b.payload },
        label: query.unsafe ? `${b.label}, unsafe query` : b.label,
        csrf,
        mustRefuse: query.unsafe || unsafeBody,
      };
    });
}

// ---------------------------------------------------------------------------------------------

interface Failure {
  actor: string;
  route: string;
  label: string;
  request: InjectRequest;
  status: number;
  body: string;
}

function describeFailure(f: Failure): string {
  const payload = f.request.payload === undefined ? '' : String(f.request.payload).slice(0, 300);
  return `${f.actor}: ${f.request.method} ${f.request.url.slice(0, 300)} [${f.route}, ${f.label}]\n  headers ${JSON.stringify(f.request.headers)}\n  body ${payload}\n  → ${f.status} ${f.body.slice(0, 200)}`;
}

describe('fuzzing every route', () => {
  let testApp: TestApp;
  let admin: Client;
  let anonymous: Client;
  let pool: Pool;
  const failures: Failure[] = [];
  let sent = 0;
  let refusable = 0;
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    testApp = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000' });
    admin = new InjectClient(testApp.app);
    await admin.login('admin@vitrina.test');
    anonymous = new InjectClient(testApp.app);
    await anonymous.fetchCsrf();

    const get = async (url: string) => JSON.parse((await admin.request({ method: 'GET', url })).body);
    const countries = (await get('/api/public/countries')).items as { id: string; slug: string }[];
    const kz = countries.find((c) => c.slug === 'kazakhstan')!;
    const am = countries.find((c) => c.slug === 'armenia')!;
    const listIds = async (countryId: string, collection: string) =>
      ((await get(`/api/studio/countries/${countryId}/${collection}?limit=3`)).items as { id: string; slug: string }[]);
    const [items, memorials, exhibitions] = await Promise.all(['items', 'memorials', 'exhibitions'].map((c) => listIds(kz.id, c)));
    const scratch = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'fuzz-scratch@vitrina.test', displayName: 'Scratch', password: 'scratch-password' }),
    });
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#804020' } }).jpeg().toBuffer();
    const upload = await admin.request({ method: 'POST', url: `/api/studio/countries/${kz.id}/media`, headers: { 'content-type': 'application/octet-stream' }, payload: jpeg });
    const assetId = JSON.parse(upload.body).id as string;
    const ids = [...items, ...memorials, ...exhibitions].map((r) => r.id);
    pool = {
      params: {
        countryId: [kz.id, am.id],
        // Never the admin's own id: a PATCH could lock the fuzzing admin out.
        id: [...ids, JSON.parse(scratch.body).id, kz.id, am.id, assetId],
        assetId: [assetId],
        slug: ['kazakhstan', 'armenia'],
        recordSlug: [...items, ...memorials, ...exhibitions].map((r) => r.slug),
        collection: ['items', 'memorials', 'exhibitions'],
        number: ['1', '2'],
        lang: ['ru', 'en', 'kk'],
        file: ['w16.webp', 'w400.jpg', 'ru.vtt', 'default.jpg', 'info.json'],
        region: ['0,0,16,16', 'full'],
        size: ['16,16', 'max'],
        rotation: ['0', '90'],
      },
      templates: {},
    };
    pool.templates = templates(pool.params);
  });

  afterAll(() => testApp?.close());

  it('never answers 5xx to thousands of malformed requests, from a visitor or a signed-in admin; refuses NUL and lone surrogates with 4xx', async () => {
    const routes = declaredRoutes(testApp.app);
    expect(routes.length).toBeGreaterThan(60);
    console.log(`fuzz seed ${SEED} (set FUZZ_SEED to replay), ${RUNS_PER_ROUTE} runs per route and client`);
    const started = Date.now();
    const clients = { anonymous, admin } as const;
    for (const route of routes) {
      // Logging out would end the fuzzing admin's session: anyone may, so the anonymous client does it.
      const actors = route.path === '/api/auth/logout' ? (['anonymous'] as const) : (['anonymous', 'admin'] as const);
      for (const actor of actors) {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(route, pool), async ({ request, label, csrf, mustRefuse }) => {
            const response = await clients[actor].request(request, { csrf });
            sent++;
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (mustRefuse) refusable++;
            const wrong = response.status >= 500 || (mustRefuse && (response.status < 400 || response.status >= 500));
            if (wrong) {
              failures.push({ actor, route: `${route.method} ${route.path}`, label, request, status: response.status, body: response.body });
            }
          }),
          { seed: SEED, numRuns: route.method === 'GET' ? RUNS_PER_ROUTE : 2 * RUNS_PER_ROUTE },
        );
      }
    }
    console.log(`fuzzed ${routes.length} routes with ${sent} requests (${refusable} with unsafe text) in ${Date.now() - started} ms; statuses ${JSON.stringify(statuses)}`);
    const distinct = new Map(failures.map((f) => [`${f.actor} ${f.route} ${f.label} ${f.status}`, f]));
    expect([...distinct.values()].slice(0, 15).map(describeFailure).join('\n\n'), `${failures.length} requests got a 5xx, or took unsafe text`).toBe('');
    // Every case ran: the count is fixed, whatever the machine's load.
    expect(sent).toBe(routes.reduce((sum, route) => sum + (route.path === '/api/auth/logout' ? 1 : 2) * (route.method === 'GET' ? 1 : 2) * RUNS_PER_ROUTE, 0));
    expect(refusable).toBeGreaterThan(routes.length);
  });

  it('is still up and healthy afterwards, with no prototype polluted', async () => {
    const health = await anonymous.request({ method: 'GET', url: '/api/health' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // The admin is still who they were: no fuzzed request took their rights away.
    const me = await admin.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).user.isAdmin).toBe(true);
  });
});
