import type { Collection } from '@vitrina/contracts';

/** A metadata format this repository disseminates, and the kinds of record it describes. */
export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  collections: readonly Collection[];
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    collections: ['items', 'memorials', 'exhibitions', 'people'],
  },
  // Europeana aggregates cultural heritage objects: items and memorials, not stories or people.
  { prefix: 'edm', schema: 'http://www.europeana.eu/schemas/edm/EDM.xsd', namespace: 'http://www.europeana.eu/schemas/edm/', collections: ['items', 'memorials'] },
];

export const formatOf = (prefix: string): MetadataFormat | undefined => METADATA_FORMATS.find((format) => format.prefix === prefix);
