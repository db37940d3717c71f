import { describe, expect, it } from 'vitest';
import { prefersJsonLd, wantsLinkedArt } from './json-ld-negotiation';

describe('content negotiation for linked data', () => {
  it('sends browsers the page and Linked Data clients JSON-LD', () => {
    expect(prefersJsonLd('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8')).toBe(false);
    expect(prefersJsonLd(undefined)).toBe(false);
    expect(prefersJsonLd('*/*')).toBe(false);
    expect(prefersJsonLd('application/ld+json')).toBe(true);
    expect(prefersJsonLd('application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"')).toBe(true);
    expect(prefersJsonLd('text/html;q=0.5, application/ld+json')).toBe(true);
    expect(prefersJsonLd('text/html, application/ld+json;q=0.5')).toBe(false);
    expect(prefersJsonLd('application/ld+json;q=0')).toBe(false);
  });

  it('gives Linked Art only to a client that names its profile', () => {
    expect(wantsLinkedArt('application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"')).toBe(true);
    expect(wantsLinkedArt('text/html, application/ld+json; profile="https://linked.art/ns/v1/linked-art.json";q=0.9')).toBe(true);
    expect(wantsLinkedArt('application/ld+json')).toBe(false);
    expect(wantsLinkedArt('application/json;profile="https://linked.art/ns/v1/linked-art.json"')).toBe(false);
    expect(wantsLinkedArt(undefined)).toBe(false);
  });
});
