import { expect } from 'vitest';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * What a web server in front of the API (docker/nginx.conf, or the embedded
 * one of `npm start`) must do with a record's page address: a browser gets
 * the app shell, a Linked Data client asking for JSON-LD a 303 to the
 * record's JSON-LD; other paths stay pages whatever the client asks.
 */
export async function expectPageAddressesNegotiated(base: string, record: { country: string; collection: string; slug: string }): Promise<void> {
  const page = `/${record.country}/${record.collection}/${record.slug}`;
  const ask = (path: string, accept: string) => fetch(`${base}${path}`, { headers: { accept }, redirect: 'manual' });

  const browser = await ask(page, BROWSER);
  expect(browser.status).toBe(200);
  expect(browser.headers.get('content-type')).toContain('text/html');
  expect(browser.headers.get('vary')).toContain('Accept');

  for (const accept of ['application/ld+json', 'application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"']) {
    const client = await ask(page, accept);
    expect(client.status, accept).toBe(303);
    const location = client.headers.get('location')!;
    expect(new URL(location, base).pathname).toBe(`/api/public/linked-data/countries/${record.country}/${record.collection}/${record.slug}`);
    const document = await fetch(new URL(location, base), { headers: { accept } });
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toContain('application/ld+json');
  }
  // Not a record's address: the app shell, whatever is asked.
  for (const path of ['/kazakhstan', '/search', `/${record.country}/paintings/${record.slug}`]) {
    expect((await ask(path, 'application/ld+json')).status, path).toBe(200);
  }
}
