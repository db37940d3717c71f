/** The JSON-LD profile of Linked Art, which clients name in Accept to get it instead of schema.org. */
export const LINKED_ART_PROFILE = 'https://linked.art/ns/v1/linked-art.json';

export const JSON_LD = 'application/ld+json';

/** Whether an Accept header asks for JSON-LD in the Linked Art profile (`application/ld+json;profile="…linked-art.json"`). */
export function wantsLinkedArt(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((range) => range.trim().toLowerCase().startsWith(JSON_LD) && range.includes(LINKED_ART_PROFILE));
}

/**
 * Whether an Accept header prefers JSON-LD to HTML: a Linked Data client at
 * a page's address. Browsers send `text/html` first and never JSON-LD.
 */
export function prefersJsonLd(accept: string | undefined): boolean {
  const ranges = (accept ?? '').split(',').map((range) => {
    const [type, ...params] = range.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
  });
  const weight = (type: string) => Math.max(0, ...ranges.filter((range) => range.type === type).map((range) => range.q));
  return weight(JSON_LD) > 0 && weight(JSON_LD) >= weight('text/html');
}

/**
 * Where a record's page address (`/{country}/{collection}/{slug}`) sends a
 * client that prefers JSON-LD (303 See Other, as Linked Data does): the
 * record's JSON-LD by the same address. Null for any other path. nginx
 * (docker/nginx.conf) sends the same paths to the same place.
 */
export function linkedDataAddress(path: string): string | null {
  const match = /^\/([a-z0-9-]+)\/(items|memorials|exhibitions|people)\/([^/?#]+)$/.exec(path);
  return match ? `/api/public/linked-data/countries/${match[1]}/${match[2]}/${match[3]}` : null;
}
