import type { Collection } from '@vitrina/contracts';
import { encodePublishedCursor } from '../../content/published-cursor';
import type { ManifestedRecordRow } from './manifested-records.repository';
import { COLLECTION_LABELS } from './labels';
import { type ManifestCountry, PRESENTATION_CONTEXT, countryLabel, iiifAddresses, provider } from './manifest';
import { iiifLanguageMap } from './metadata';

/** Manifests per page of a kind's collection; a longer one continues in a nested collection. */
export const COLLECTION_PAGE_SIZE = 1_000;
const KINDS: Collection[] = ['exhibitions', 'items', 'memorials', 'people'];

/** A country's museum as one IIIF Collection: a collection per kind of record. */
export function buildCountryCollection(base: string, country: ManifestCountry) {
  const at = iiifAddresses(base);
  return {
    '@context': PRESENTATION_CONTEXT,
    id: at.countryCollection(country.slug),
    type: 'Collection',
    label: countryLabel(country.names),
    provider: provider(base, country),
    homepage: [{ id: at.page(country.slug), type: 'Text', label: countryLabel(country.names), format: 'text/html' }],
    items: KINDS.map((collection) => ({ id: at.kindCollection(country.slug, collection), type: 'Collection', label: COLLECTION_LABELS[collection] })),
  };
}

const CONTINUED = { en: ['More'], ru: ['Далее'] };

/**
 * One page of a kind's records that have a manifest, newest approved first.
 * `rows` holds one more than a page when the collection goes on: then the
 * page ends with a nested collection that starts after its last manifest.
 */
export function buildKindCollection(base: string, country: ManifestCountry, collection: Collection, rows: ManifestedRecordRow[], pageId: string) {
  const at = iiifAddresses(base);
  const shown = rows.slice(0, COLLECTION_PAGE_SIZE);
  const next =
    rows.length > COLLECTION_PAGE_SIZE
      ? [{ id: `${at.kindCollection(country.slug, collection)}/after/${encodePublishedCursor(shown[shown.length - 1])}`, type: 'Collection', label: CONTINUED }]
      : [];
  return {
    '@context': PRESENTATION_CONTEXT,
    id: pageId,
    type: 'Collection',
    label: COLLECTION_LABELS[collection],
    provider: provider(base, country),
    partOf: [{ id: at.countryCollection(country.slug), type: 'Collection', label: countryLabel(country.names) }],
    items: [
      ...shown.map((row) => ({ id: at.manifest(collection, row.id), type: 'Manifest', label: iiifLanguageMap(row.title) ?? { none: ['—'] } })),
      ...next,
    ],
  };
}
