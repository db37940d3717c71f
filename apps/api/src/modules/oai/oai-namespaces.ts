/** The XML namespaces of the answers. */
export const NS = {
  oai: 'http://www.openarchives.org/OAI/2.0/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  oaiIdentifier: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
  oaiDc: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  edm: 'http://www.europeana.eu/schemas/edm/',
  ore: 'http://www.openarchives.org/ore/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  svcs: 'http://rdfs.org/sioc/services#',
  doap: 'http://usefulinc.com/ns/doap#',
  wgs84: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;
